import { compileSchedule, type DayPlan, indexCalendar, planFor } from './compile'
import { DAY_MS, dayNumber, type LocalDate, MINUTE_MS, WEEKDAYS, weekdayIndex } from './local-time'
import type { HolidayCalendar, Interval, LocalizedText, ScheduleDefinition, WeeklyHours } from './schema'
import { groupWeekdays } from './weekday-groups'
import { localMsToUtc, zoneOffset } from './zone'

export interface ICalendarOptions {
  /** First and last local date covered (RRULE UNTIL, EXDATEs and holiday events stay inside). */
  from: LocalDate
  to: LocalDate
  /** Event title, e.g. the office name; default the schedule label, else "Buka". */
  summary?: LocalizedText | string
  locale?: 'id' | 'en'
  /** UIDs are `${uidPrefix}-${n}@${uidDomain}`; give each schedule its own prefix. */
  uidPrefix?: string
  uidDomain?: string
  /** DTSTAMP; pass a fixed value for reproducible output. Default: now. */
  stamp?: Date
  prodId?: string
}

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']

/** RFC 5545 TEXT escaping. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1) without splitting a UTF-8 character;
 * continuation lines start with one space.
 * @example foldLine('X'.repeat(80)) // 'XXX…(75)\r\n XXXXX'
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder()
  const out: string[] = []
  let current = ''
  let octets = 0
  let limit = 75
  for (const ch of line) {
    const size = encoder.encode(ch).length
    if (octets + size > limit) {
      out.push(current)
      current = ' '
      octets = 1
      limit = 75
    }
    current += ch
    octets += size
  }
  out.push(current)
  return out.join('\r\n')
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** Local date-time `YYYYMMDDTHHMMSS` for a day number and minutes (minutes may pass 1440). */
function localStamp(day: number, minutes: number): string {
  const d = new Date(day * DAY_MS + minutes * MINUTE_MS)
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`
}

function utcStamp(ms: number): string {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':')
  return Number(h) * 60 + Number(m)
}

function span(iv: Interval): [number, number] {
  const start = minutesOf(iv.start)
  const end = minutesOf(iv.end)
  return [start, end < start ? end + 1440 : end]
}

function offsetText(ms: number): string {
  const sign = ms < 0 ? '-' : '+'
  const minutes = Math.abs(ms) / MINUTE_MS
  return `${sign}${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}`
}

/** VTIMEZONE with the zone's real transitions in the covered years (none for Indonesian zones). */
export function vtimezone(zone: string, firstDay: number, lastDay: number): string[] {
  const start = localMsToUtc(zone, (firstDay - 366) * DAY_MS)
  const end = localMsToUtc(zone, (lastDay + 2) * DAY_MS)
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`]
  let offset = zoneOffset(zone, start)
  lines.push(
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${offsetText(offset)}`,
    `TZOFFSETTO:${offsetText(offset)}`,
    'END:STANDARD',
  )
  for (let t = start; t < end; t += 6 * 3_600_000) {
    const next = zoneOffset(zone, t + 6 * 3_600_000)
    if (next === offset) continue
    // Binary search the transition to the minute.
    let lo = t
    let hi = t + 6 * 3_600_000
    while (hi - lo > MINUTE_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS
      if (zoneOffset(zone, mid) === offset) lo = mid
      else hi = mid
    }
    const kind = next > offset ? 'DAYLIGHT' : 'STANDARD'
    const local = new Date(hi + offset)
    const dtstart = `${local.getUTCFullYear()}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}T${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}00`
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${dtstart}`,
      `TZOFFSETFROM:${offsetText(offset)}`,
      `TZOFFSETTO:${offsetText(next)}`,
      `END:${kind}`,
    )
    offset = next
  }
  lines.push('END:VTIMEZONE')
  return lines
}

/**
 * RFC 5545 calendar of a schedule between two dates: one VEVENT per weekly interval with a weekly
 * RRULE (DTSTART with TZID, UNTIL in UTC) and EXDATEs on dates where other hours apply (holidays,
 * overrides, closures, extra openings); overrides get their own recurring events, extra openings
 * and holiday hours single events. CRLF line endings, lines folded at 75 octets.
 * Not expressed: the midnight cut of an overnight interval before a special date.
 * @example toICalendar(office, calendar, { from: '2026-01-01', to: '2026-12-31', summary: 'Disdukcapil Toba' })
 */
export function toICalendar(
  schedule: ScheduleDefinition,
  calendar: HolidayCalendar | undefined,
  options: ICalendarOptions,
): string {
  const c = compileSchedule(schedule)
  const cal = indexCalendar(calendar)
  const zone = c.zone
  const first = dayNumber(options.from)
  const last = dayNumber(options.to)
  if (Number.isNaN(first) || Number.isNaN(last) || last < first)
    throw new RangeError('from/to must be YYYY-MM-DD with from ≤ to')
  const locale = options.locale ?? 'id'
  const pick = (t: LocalizedText): string => (locale === 'en' ? t.en : undefined) ?? t.id
  const summary =
    typeof options.summary === 'string'
      ? options.summary
      : options.summary
        ? pick(options.summary)
        : schedule.label
          ? pick(schedule.label)
          : locale === 'en'
            ? 'Open'
            : 'Buka'
  const stamp = utcStamp((options.stamp ?? new Date()).getTime())
  const uid = (n: number): string => `${options.uidPrefix ?? 'jadwal'}-${n}@${options.uidDomain ?? 'cerdas.invalid'}`
  const events: string[][] = []

  const event = (day: number, iv: Interval, extra: string[], title: string): void => {
    const [s, e] = span(iv)
    events.push([
      'BEGIN:VEVENT',
      `UID:${uid(events.length + 1)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;TZID=${zone}:${localStamp(day, s)}`,
      `DTEND;TZID=${zone}:${localStamp(day, e)}`,
      ...extra,
      `SUMMARY:${escapeText(title)}`,
      'END:VEVENT',
    ])
  }

  // Recurring events for a weekly table between two days, skipping days governed by other plans.
  const recurring = (
    weekly: WeeklyHours,
    a: number,
    b: number,
    owns: (plan: DayPlan) => boolean,
    title: string,
  ): void => {
    const keys = WEEKDAYS.map((d) => JSON.stringify(weekly[d] ?? []))
    for (const group of groupWeekdays(keys)) {
      const list = JSON.parse(group.key) as Interval[]
      let firstDay = a
      while (firstDay <= b && !group.days.includes(weekdayIndex(firstDay))) firstDay++
      if (list.length === 0 || firstDay > b) continue
      const until = utcStamp(localMsToUtc(zone, (b + 1) * DAY_MS) - 1000)
      const byday = group.days.map((d) => BYDAY[d]).join(',')
      for (const iv of list) {
        const [s] = span(iv)
        const excluded: string[] = []
        for (let d = firstDay; d <= b; d++) {
          if (group.days.includes(weekdayIndex(d)) && !owns(planFor(c, cal, d))) excluded.push(localStamp(d, s))
        }
        const extra = [`RRULE:FREQ=WEEKLY;BYDAY=${byday};UNTIL=${until}`]
        if (excluded.length > 0) extra.push(`EXDATE;TZID=${zone}:${excluded.join(',')}`)
        event(firstDay, iv, extra, title)
      }
    }
  }

  const weeklyPlan = (plan: DayPlan): boolean => plan.source === 'weekly' || plan.source === 'always'
  recurring(schedule.weekly, first, last, weeklyPlan, summary)
  const overrides = [...c.overrides]
  for (const o of schedule.overrides ?? []) {
    const range = overrides.find((r) => r.from === dayNumber(o.from))
    const a = Math.max(first, dayNumber(o.from))
    const b = Math.min(last, dayNumber(o.to))
    if (a > b || !range) continue
    recurring(o.weekly, a, b, (plan) => range.plans.includes(plan), `${summary} (${pick(o.reason)})`)
  }
  for (let d = first; d <= last; d++) {
    const plan = planFor(c, cal, d)
    if ((plan.source === 'holiday' || plan.source === 'extra') && plan.spans.length > 0) {
      const list =
        plan.source === 'extra'
          ? ((schedule.extraOpenings ?? []).find((e) => dayNumber(e.date) === d)?.intervals ?? [])
          : (schedule.holidayHours ?? [])
      for (const iv of list) event(d, iv, [], `${summary} (${plan.label ? pick(plan.label) : ''})`)
    }
  }

  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${options.prodId ?? '-//Cerdas//Jadwal//ID'}`,
    'CALSCALE:GREGORIAN',
    ...vtimezone(zone, first, last),
    ...events.flat(),
    'END:VCALENDAR',
  ]
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}
