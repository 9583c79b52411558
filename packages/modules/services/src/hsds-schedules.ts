import type { Locale, LocalizedText } from '@cerdas/core'
import {
  dayNumber,
  groupWeekdays,
  HOLIDAY_KIND_IDS,
  localDateOf,
  type Schedule,
  WEEKDAYS,
  weekdayIndex,
  zoneOffset,
} from '@cerdas/module-schedules'
import { hsdsId } from './hsds-ids'
import type { HsdsSchedule } from './hsds-organization-schemas'
import { listWords, pick, t } from './hsds-wording'

type Definition = Schedule['definition']
type Weekly = Definition['weekly']
type Interval = NonNullable<Weekly['mo']>[number]

const HOLIDAY_KIND_WORDS: Record<string, LocalizedText> = {
  national: { id: 'hari libur nasional', en: 'national holidays' },
  cuti_bersama: { id: 'cuti bersama', en: 'collective leave days' },
  regional: { id: 'hari libur daerah', en: 'regional holidays' },
}

/** UTC offset in minutes of a zone at an instant, from the schedules engine (Indonesia has no DST; other zones may). */
const utcOffsetMinutes = (zone: string, at: Date): number => Math.round(zoneOffset(zone, at.getTime()) / 60_000)

function offsetSuffix(minutes: number): string {
  if (minutes === 0) return 'Z'
  const abs = Math.abs(minutes)
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

/** Weekdays with the same intervals, in week order: one HSDS rule per group and interval. */
function weekdayGroups(weekly: Weekly): { byday: string; intervals: Interval[] }[] {
  const keys = WEEKDAYS.map((day) => {
    const list = weekly[day] ?? []
    return list.length === 0 ? '' : JSON.stringify(list.map((i) => [i.start, i.end, i.overnight === true]))
  })
  return groupWeekdays(keys)
    .filter((group) => group.key !== '')
    .map((group) => ({
      byday: group.days.map((d) => WEEKDAYS[d]?.toUpperCase()).join(','),
      intervals: weekly[WEEKDAYS[group.days[0] ?? 0] ?? 'mo'] ?? [],
    }))
}

function holidayNote(definition: Definition, locale: Locale): string {
  const kinds = (definition.holidayKinds ?? HOLIDAY_KIND_IDS).map((k) =>
    pick(HOLIDAY_KIND_WORDS[k] ?? { id: k }, locale),
  )
  if (definition.closedOnHolidays) return `${t(locale, 'Tutup pada', 'Closed on')} ${listWords(kinds, locale)}.`
  if (definition.holidayHours?.length) {
    const hours = definition.holidayHours.map((i) => `${i.start}–${i.end}`).join(', ')
    return `${t(locale, 'Pada', 'On')} ${listWords(kinds, locale)}: ${hours}.`
  }
  return t(locale, 'Hari libur tidak mengubah jadwal ini.', 'Holidays do not change this schedule.')
}

export type ScheduleLink =
  | { service_id: string }
  | { location_id: string }
  | { service_at_location_id: string; key: string }

/**
 * One Cerdas schedule as HSDS schedule rows: one WEEKLY rule per group of weekdays with the same
 * hours and per interval; each date-ranged override (e.g. Ramadan hours) as rules with
 * `valid_from`/`valid_to`; each extra opening as a rule valid on its one date. Times carry the
 * zone's UTC offset and `timezone` is that offset in hours. What HSDS cannot say (holidays,
 * closures, the full rule) travels in the notes and `x_cerdas_*` fields.
 */
export function hsdsSchedules(
  schedule: Schedule,
  link: ScheduleLink,
  options: { locale: Locale; now: Date },
): HsdsSchedule[] {
  const { locale, now } = options
  const definition = schedule.definition
  const zone = definition.zone
  const today = localDateOf(now, zone)
  const linkFields =
    'service_at_location_id' in link ? { service_at_location_id: link.service_at_location_id } : { ...link }
  const linkKey = 'service_at_location_id' in link ? link.key : ''
  const label = pick(schedule.label, locale)
  const common = {
    ...linkFields,
    freq: 'WEEKLY' as const,
    wkst: 'MO' as const,
    notes: holidayNote(definition, locale),
    x_cerdas_schedule_id: schedule.id,
    x_cerdas_kind: schedule.kind,
    ...(schedule.role ? { x_cerdas_role: pick(schedule.role, locale) } : {}),
    x_cerdas_closed_on_holidays: definition.closedOnHolidays,
    x_cerdas_opening_hours: schedule.openingHours,
    x_cerdas_closures: (definition.closures ?? [])
      .filter((c) => (c.to ?? c.from) >= today)
      .slice(0, 50)
      .map((c) => ({ from: c.from, to: c.to ?? c.from, reason: pick(c.reason, locale) })),
  }
  const rows: HsdsSchedule[] = []
  const push = (
    rule: HsdsSchedule['x_cerdas_rule'],
    byday: string,
    interval: Interval,
    offset: number,
    extra: { valid_from?: string; valid_to?: string; description: string },
  ) => {
    const suffix = offsetSuffix(offset)
    rows.push({
      id: hsdsId(
        'schedule',
        schedule.id,
        linkKey,
        rule,
        extra.valid_from ?? '',
        byday,
        `${interval.start}-${interval.end}`,
      ),
      ...common,
      ...(extra.valid_from ? { valid_from: extra.valid_from } : {}),
      ...(extra.valid_to ? { valid_to: extra.valid_to } : {}),
      timezone: offset / 60,
      byday,
      opens_at: `${interval.start}${suffix}`,
      closes_at: `${interval.end}${suffix}`,
      description: extra.description,
      x_cerdas_rule: rule,
      ...(interval.overnight ? { x_cerdas_overnight: true } : {}),
    })
  }
  const nowOffset = utcOffsetMinutes(zone, now)
  for (const group of weekdayGroups(definition.weekly)) {
    for (const interval of group.intervals) push('weekly', group.byday, interval, nowOffset, { description: label })
  }
  for (const override of definition.overrides ?? []) {
    if (override.to < today) continue
    const offset = utcOffsetMinutes(zone, new Date(`${override.from}T12:00:00Z`))
    const description = `${label}: ${pick(override.reason, locale)}`
    for (const group of weekdayGroups(override.weekly)) {
      for (const interval of group.intervals) {
        push('override', group.byday, interval, offset, {
          valid_from: override.from,
          valid_to: override.to,
          description,
        })
      }
    }
  }
  for (const extra of definition.extraOpenings ?? []) {
    if (extra.date < today) continue
    const weekday = WEEKDAYS[weekdayIndex(dayNumber(extra.date))] ?? 'mo'
    const offset = utcOffsetMinutes(zone, new Date(`${extra.date}T12:00:00Z`))
    const description = `${label}: ${pick(extra.reason, locale)}`
    for (const interval of extra.intervals) {
      push('extra_opening', weekday.toUpperCase(), interval, offset, {
        valid_from: extra.date,
        valid_to: extra.date,
        description,
      })
    }
  }
  return rows
}
