import type { DataSnapshot, Locale, TenantContext } from '@cerdas/core'
import {
  dayNumber,
  formatDay,
  isLocalDate,
  localDateOf,
  toOpeningHoursSpecification,
  upcomingSpecialHours,
} from '@cerdas/schedules'
import { tenantHolidayCalendar } from './holidays'
import { weekViewOf } from './schedule-status'
import type { Schedule } from './validation'

/**
 * What a public page shows about a place's hours besides "open now": the week from `from`
 * (default this week, in the schedule's zone) with holidays and special hours applied, links to
 * the weeks before and after, the coming special hours, and schema.org OpeningHoursSpecification
 * for the page's JSON-LD over the next year. Without a schedule only the dates are given. With the
 * snapshot of the data version the schedule was read at, the panel (a year of hours for the
 * JSON-LD) is worked out once per version, day and language instead of on every request; it is
 * shared then: do not change it.
 * @example const panel = await hoursPanel(ctx, detail.hours?.schedule ?? null, { from: url.searchParams.get('from'), locale })
 */
export async function hoursPanel(
  ctx: TenantContext,
  schedule: Schedule | null,
  options: { from?: string | null | undefined; locale: Locale; snapshot?: DataSnapshot | undefined },
) {
  const zone = schedule?.definition.zone ?? ctx.tenant.timezone
  const today = localDateOf(ctx.now(), zone)
  const from = options.from && isLocalDate(options.from) ? options.from : today
  const { snapshot } = options
  if (!schedule || !snapshot) return panelOf(ctx, schedule, { zone, today, from, locale: options.locale })
  return snapshot.get(`schedules.panel:${schedule.id}:${today}:${from}:${options.locale}`, () =>
    panelOf(ctx, schedule, { zone, today, from, locale: options.locale, snapshot }),
  )
}

async function panelOf(
  ctx: TenantContext,
  schedule: Schedule | null,
  at: { zone: string; today: string; from: string; locale: Locale; snapshot?: DataSnapshot },
) {
  const { zone, today, from } = at
  const calendar = schedule ? await tenantHolidayCalendar(ctx, at.snapshot) : null
  return {
    timezone: zone,
    today,
    from,
    previous: formatDay(dayNumber(from) - 7),
    next: formatDay(dayNumber(from) + 7),
    week: schedule && calendar ? weekViewOf(schedule.id, schedule.definition, from, calendar).days : null,
    special: schedule ? upcomingSpecialHours(schedule.definition, today) : null,
    schemaOrgHours:
      schedule && calendar
        ? toOpeningHoursSpecification(schedule.definition, calendar, {
            from: today,
            to: formatDay(dayNumber(today) + 365),
            locale: at.locale,
          })
        : null,
  }
}
