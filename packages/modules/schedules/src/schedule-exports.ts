import { problem, type TenantContext } from '@cerdas/core'
import {
  dayNumber,
  formatDay,
  type LocalDate,
  localDateOf,
  type ScheduleDefinition,
  type SchemaOrgHours,
  toICalendar,
  toOpeningHoursSpecification,
} from '@cerdas/schedules'
import { tenantHolidayCalendar } from './holidays'
import { getSchedule } from './schedules'
import type { Schedule } from './validation'

/** A schedule in other formats: iCalendar, OSM opening_hours, schema.org opening hours. */

/** Longest range an iCalendar export covers. */
const MAX_ICAL_DAYS = 3 * 366

/** The definition as the engine evaluates it, with the label for exports. */
function engineDefinition(schedule: Schedule): ScheduleDefinition {
  return { ...schedule.definition, label: schedule.label }
}

function addDays(date: LocalDate, days: number): LocalDate {
  return formatDay(dayNumber(date) + days)
}

function range(ctx: TenantContext, zone: string, from?: LocalDate, to?: LocalDate): { from: LocalDate; to: LocalDate } {
  const first = from ?? localDateOf(ctx.now(), zone)
  const last = to ?? addDays(first, 365)
  if (dayNumber(last) < dayNumber(first)) throw problem('badRequest', 'to is before from')
  if (dayNumber(last) - dayNumber(first) > MAX_ICAL_DAYS)
    throw problem('badRequest', `A calendar covers at most ${MAX_ICAL_DAYS} days`)
  return { from: first, to: last }
}

/**
 * The schedule as an RFC 5545 iCalendar (weekly RRULEs with EXDATEs on holidays and special dates).
 * Reproducible: DTSTAMP is the schedule's last change.
 */
export async function scheduleICalendar(
  ctx: TenantContext,
  id: string,
  options: { from?: LocalDate | undefined; to?: LocalDate | undefined; locale?: 'id' | 'en' } = {},
): Promise<string> {
  const schedule = await getSchedule(ctx, id)
  const { from, to } = range(ctx, schedule.definition.zone, options.from, options.to)
  return toICalendar(engineDefinition(schedule), await tenantHolidayCalendar(ctx), {
    from,
    to,
    summary: schedule.label,
    locale: options.locale ?? 'id',
    uidPrefix: schedule.id,
    uidDomain: ctx.tenant.primaryHost,
    stamp: new Date(schedule.updatedAt),
  })
}

/** The schedule as an OSM opening_hours value. */
export async function scheduleOpeningHours(ctx: TenantContext, id: string): Promise<string> {
  return (await getSchedule(ctx, id)).openingHours
}

/**
 * schema.org OpeningHoursSpecification JSON-LD for the coming year (holidays, Ramadan hours and
 * closures as special hours), ready to embed in a Place's JSON-LD.
 */
export async function scheduleSchemaOrg(
  ctx: TenantContext,
  id: string,
  locale: 'id' | 'en' = 'id',
): Promise<SchemaOrgHours & { '@context': 'https://schema.org'; '@type': 'Place'; name: string }> {
  const schedule = await getSchedule(ctx, id)
  const { from, to } = range(ctx, schedule.definition.zone)
  const hours = toOpeningHoursSpecification(schedule.definition, await tenantHolidayCalendar(ctx), {
    from,
    to,
    locale,
  })
  return {
    '@context': 'https://schema.org',
    '@type': 'Place',
    name: (locale === 'en' ? schedule.label.en : undefined) ?? schedule.label.id,
    ...hours,
  }
}
