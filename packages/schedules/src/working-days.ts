import { indexCalendar } from './compile'
import { dayNumber, formatDay, type LocalDate, WEEKDAYS, type WeekdayKey, weekdayIndex } from './local-time'
import { HOLIDAY_KINDS, type HolidayCalendar, type HolidayKind } from './schema'

export interface WorkingDayOptions {
  /** Days off every week; default Saturday and Sunday. */
  weekend?: readonly WeekdayKey[]
  /** Holiday kinds that are not working days; default all (national, cuti bersama, regional). */
  holidayKinds?: readonly HolidayKind[]
}

interface Rules {
  weekend: boolean[]
  kinds: ReadonlySet<HolidayKind>
  byDay: ReturnType<typeof indexCalendar>['byDay']
}

function rules(calendar: HolidayCalendar | undefined, options: WorkingDayOptions | undefined): Rules {
  const weekendKeys = options?.weekend ?? ['sa', 'su']
  const weekend = WEEKDAYS.map((d) => weekendKeys.includes(d))
  if (weekend.every(Boolean)) throw new RangeError('At least one weekday must be a working day')
  return { weekend, kinds: new Set(options?.holidayKinds ?? HOLIDAY_KINDS), byDay: indexCalendar(calendar).byDay }
}

function parseDay(date: LocalDate): number {
  const day = dayNumber(date)
  if (Number.isNaN(day)) throw new RangeError(`Invalid date (expected YYYY-MM-DD): ${date}`)
  return day
}

function working(r: Rules, day: number): boolean {
  if (r.weekend[weekdayIndex(day)]) return false
  const list = r.byDay.get(day)
  return !list?.some((h) => r.kinds.has(h.kind))
}

/**
 * True when the date is neither a weekend day nor a holiday (incl. cuti bersama by default).
 * @example isWorkingDay('2026-03-21', calendar) // false (Saturday)
 */
export function isWorkingDay(date: LocalDate, calendar?: HolidayCalendar, options?: WorkingDayOptions): boolean {
  return working(rules(calendar, options), parseDay(date))
}

/**
 * The n-th working day after `date` (before it when n is negative); `date` itself is not counted,
 * n = 0 returns `date` unchanged. Used for SP4N-LAPOR deadlines ("within 3 working days").
 * @example addWorkingDays('2026-03-20', 1, calendar) // '2026-03-23' (Friday + 1 → Monday)
 */
export function addWorkingDays(
  date: LocalDate,
  n: number,
  calendar?: HolidayCalendar,
  options?: WorkingDayOptions,
): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError('n must be an integer')
  const r = rules(calendar, options)
  let day = parseDay(date)
  const step = n < 0 ? -1 : 1
  for (let left = Math.abs(n); left > 0; ) {
    day += step
    if (working(r, day)) left--
  }
  return formatDay(day)
}

/**
 * Working days in (a, b]: after a, up to and including b; negative when b is before a.
 * Inverse of addWorkingDays: workingDaysBetween(a, addWorkingDays(a, n)) === n.
 * @example workingDaysBetween('2026-03-20', '2026-03-23', calendar) // 1
 */
export function workingDaysBetween(
  a: LocalDate,
  b: LocalDate,
  calendar?: HolidayCalendar,
  options?: WorkingDayOptions,
): number {
  const r = rules(calendar, options)
  const from = parseDay(a)
  const to = parseDay(b)
  if (to < from) return -workingDaysBetween(b, a, calendar, options)
  let count = 0
  for (let d = from + 1; d <= to; d++) if (working(r, d)) count++
  return count
}
