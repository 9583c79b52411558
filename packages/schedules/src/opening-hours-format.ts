import { dayNumber, WEEKDAYS } from './local-time'
import type { Interval, LocalizedText, ScheduleDefinition, WeeklyHours } from './schema'
import { groupWeekdays, weekdayList } from './weekday-groups'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function osmDate(date: string): string {
  const [y, m, d] = date.split('-')
  return `${y} ${MONTHS[Number(m) - 1]} ${d}`
}

function osmRange(from: string, to: string | undefined): string {
  return to === undefined || to === from ? osmDate(from) : `${osmDate(from)}-${osmDate(to)}`
}

/** `08:00-12:00,13:00-16:00`, sorted; overnight intervals keep their early end (`18:00-02:00`). */
export function osmIntervals(list: readonly Interval[]): string {
  return [...list]
    .sort((a, b) => (a.start < b.start ? -1 : 1))
    .map((iv) => `${iv.start}-${iv.end}`)
    .join(',')
}

function comment(text: LocalizedText): string {
  // OSM comments cannot contain double quotes.
  return ` "${text.id.replace(/"/g, "'").replace(/\s+/g, ' ')}"`
}

function weeklyGroups(weekly: WeeklyHours): { days: string; hours: string }[] {
  const keys = WEEKDAYS.map((d) => osmIntervals(weekly[d] ?? []))
  return groupWeekdays(keys)
    .filter((g) => g.key !== '')
    .map((g) => ({ days: weekdayList(g.days), hours: g.key }))
}

/**
 * Exports a schedule as an OSM opening_hours value that opening_hours.js evaluates the same way
 * (checked by a differential test). Weekday groups are joined with "," (additional rules) so
 * overnight hours roll into the next weekday as in this engine; an override is written as its
 * date range closed on all days followed by its hours; closures become `off "reason"`, extra
 * openings `open "reason"`. Not expressible and dropped: label, holidayKinds, English reasons.
 * @example toOpeningHours(office) // 'Mo-Th 08:00-12:00,13:00-16:00, Fr 08:00-11:30,13:30-16:30; PH off'
 */
export function toOpeningHours(schedule: ScheduleDefinition): string {
  const rules: string[] = []
  const weekly = weeklyGroups(schedule.weekly)
  if (weekly.length === 1 && weekly[0]?.days === 'Mo-Su' && weekly[0]?.hours === '00:00-24:00') {
    rules.push('24/7')
  } else if (weekly.length > 0) {
    rules.push(weekly.map((g) => `${g.days} ${g.hours}`).join(', '))
  }
  const overrides = [...(schedule.overrides ?? [])].sort((a, b) => dayNumber(a.from) - dayNumber(b.from))
  for (const o of overrides) {
    const range = `${osmDate(o.from)}-${osmDate(o.to)}`
    const parts = [`${range} Mo-Su off${comment(o.reason)}`]
    for (const g of weeklyGroups(o.weekly)) parts.push(`${range} ${g.days} ${g.hours}`)
    rules.push(parts.join(', '))
  }
  if (schedule.closedOnHolidays) rules.push('PH off')
  else if (schedule.holidayHours) rules.push(`PH ${osmIntervals(schedule.holidayHours)}`)
  const dated: { day: number; rule: string }[] = []
  for (const c of schedule.closures ?? []) {
    dated.push({ day: dayNumber(c.from), rule: `${osmRange(c.from, c.to)} off${comment(c.reason)}` })
  }
  for (const e of schedule.extraOpenings ?? []) {
    dated.push({
      day: dayNumber(e.date),
      rule: `${osmDate(e.date)} ${osmIntervals(e.intervals)} open${comment(e.reason)}`,
    })
  }
  dated.sort((a, b) => a.day - b.day)
  for (const d of dated) rules.push(d.rule)
  return rules.length === 0 ? 'off' : rules.join('; ')
}
