import { dayNumber, formatDay, weekdayIndex } from '@cerdas/schedules'
import { type Recurrence, WEEKDAY_KEYS, type WeekdayKey } from './labels'

/** What of an event decides its dates; local dates `YYYY-MM-DD` in the tenant's zone. */
export interface EventDates {
  startDate: string
  endDate?: string | null | undefined
  recurrence: Recurrence
  /** A weekly event's day; its start date's weekday when left out. */
  weekday?: WeekdayKey | null | undefined
  /** The last date an occurrence may start on (inclusive), as RFC 5545 UNTIL. */
  recurrenceUntil?: string | null | undefined
}

/** One time an event takes place: its first and last local date. */
export interface EventOccurrence {
  startDate: string
  endDate: string
}

/** Most occurrences one expansion returns: a weekly event over the longest window (366 days) has 53. */
const MAX_OCCURRENCES = 400

/** Days from the first to the last day of one occurrence (0 for a one-day event). */
export function occurrenceLength(event: EventDates): number {
  const start = dayNumber(event.startDate)
  const end = event.endDate ? dayNumber(event.endDate) : start
  return Math.max(0, end - start)
}

/** Day number of the given year, month (0-based, may overflow into the next years) and day, or NaN when no such date. */
function dateOf(year: number, month: number, day: number): number {
  const y = year + Math.floor(month / 12)
  const m = ((month % 12) + 12) % 12
  return dayNumber(`${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`)
}

/**
 * Start days of an event's occurrences in order, from its first, as long as `keepGoing` says. A
 * monthly event on the 31st skips shorter months and a yearly one on 29 February skips common
 * years, as RFC 5545 does with BYMONTHDAY and a yearly RRULE: the feed and the pages agree.
 */
function* startDays(event: EventDates, fromDay: number): Generator<number> {
  const start = dayNumber(event.startDate)
  const until = event.recurrenceUntil ? dayNumber(event.recurrenceUntil) : Number.POSITIVE_INFINITY
  if (event.recurrence === 'none') {
    yield start
    return
  }
  if (event.recurrence === 'weekly') {
    const wanted = WEEKDAY_KEYS.indexOf(event.weekday ?? (WEEKDAY_KEYS[weekdayIndex(start)] as WeekdayKey))
    const first = start + ((wanted - weekdayIndex(start) + 7) % 7)
    // Jump straight to the first week that can reach the window.
    const skip = Math.max(0, Math.floor((fromDay - first) / 7))
    for (let day = first + skip * 7; day <= until; day += 7) yield day
    return
  }
  const [y, m, d] = event.startDate.split('-').map(Number) as [number, number, number]
  const step = event.recurrence === 'monthly' ? 1 : 12
  const fromYear = Number(formatDay(fromDay).slice(0, 4))
  const fromMonth = Number(formatDay(fromDay).slice(5, 7)) - 1
  const monthsToWindow = (fromYear - y) * 12 + (fromMonth - (m - 1))
  let k = Math.max(0, Math.floor(monthsToWindow / step) - 1)
  for (let n = 0; n < 100_000; n++, k++) {
    const day = dateOf(y, m - 1 + k * step, d)
    if (Number.isNaN(day)) continue
    if (day > until) return
    yield day
  }
}

/**
 * The occurrences of an event that overlap the local dates `from` to `to` (both inclusive), in
 * order: a multi-day occurrence that began before `from` and is still on is included.
 * @example eventOccurrences({ startDate: '2026-01-05', recurrence: 'weekly' }, '2026-02-01', '2026-02-28') // four Mondays
 */
export function eventOccurrences(event: EventDates, from: string, to: string): EventOccurrence[] {
  const a = dayNumber(from)
  const b = dayNumber(to)
  const start = dayNumber(event.startDate)
  if ([a, b, start].some(Number.isNaN) || b < a) return []
  const length = occurrenceLength(event)
  const out: EventOccurrence[] = []
  for (const day of startDays(event, a - length)) {
    if (day > b || out.length >= MAX_OCCURRENCES) break
    if (day + length < a) continue
    out.push({ startDate: formatDay(day), endDate: formatDay(day + length) })
  }
  return out
}

/** The first occurrence of an event (a weekly one starts on its weekday on or after the start date). */
export function firstOccurrence(event: EventDates): EventOccurrence | null {
  for (const day of startDays(event, dayNumber(event.startDate))) {
    const length = occurrenceLength(event)
    return { startDate: formatDay(day), endDate: formatDay(day + length) }
  }
  return null
}

/**
 * The next `count` occurrences still on or after `today` (one under way included), looking at
 * most two years ahead; empty when the event is over.
 */
export function upcomingOccurrences(event: EventDates, today: string, count: number): EventOccurrence[] {
  const horizon = formatDay(dayNumber(today) + 2 * 366)
  return eventOccurrences(event, today, horizon).slice(0, count)
}

/** Whether every occurrence of the event ended before `today`. */
export function isPastEvent(event: EventDates, today: string): boolean {
  return upcomingOccurrences(event, today, 1).length === 0
}
