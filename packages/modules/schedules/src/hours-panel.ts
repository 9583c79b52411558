import type { Locale, TenantContext } from '@cerdas/core'
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
 * for the page's JSON-LD over the next year. Without a schedule only the dates are given.
 * @example const panel = await hoursPanel(ctx, detail.hours?.schedule ?? null, { from: url.searchParams.get('from'), locale })
 */
export async function hoursPanel(
  ctx: TenantContext,
  schedule: Schedule | null,
  options: { from?: string | null | undefined; locale: Locale },
) {
  const zone = schedule?.definition.zone ?? ctx.tenant.timezone
  const today = localDateOf(ctx.now(), zone)
  const from = options.from && isLocalDate(options.from) ? options.from : today
  const calendar = schedule ? await tenantHolidayCalendar(ctx) : null
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
            locale: options.locale,
          })
        : null,
  }
}
