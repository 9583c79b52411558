/** Weekday keys in ISO order (Monday first), as used in schedule definitions and OSM. */
export const WEEKDAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const
export type WeekdayKey = (typeof WEEKDAYS)[number]

/** A local calendar date `YYYY-MM-DD` in the schedule's zone (no instant attached). */
export type LocalDate = string

/** A local wall-clock time `HH:MM`; `24:00` is allowed as an interval end. */
export type WallTime = string

export const MINUTE_MS = 60_000
export const DAY_MS = 86_400_000
export const DAY_MINUTES = 1440

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME_RE = /^(\d{2}):(\d{2})$/

/**
 * Days since 1970-01-01 for a local date, or NaN when the text is not a real date.
 * Day numbers make date arithmetic plain integer arithmetic.
 * @example dayNumber('1970-01-02') // 1
 */
export function dayNumber(date: LocalDate): number {
  const m = DATE_RE.exec(date)
  if (!m) return Number.NaN
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  const ms = Date.UTC(y, mo - 1, d)
  const back = new Date(ms)
  // Date.UTC silently rolls 2026-02-30 over to March: reject instead.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return Number.NaN
  return ms / DAY_MS
}

/**
 * The local date for a day number.
 * @example formatDay(0) // '1970-01-01'
 */
export function formatDay(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/**
 * Weekday index of a day number, Monday = 0 … Sunday = 6.
 * @example weekdayIndex(0) // 3 (1970-01-01 was a Thursday)
 */
export function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7
}

/** True when the text is a real `YYYY-MM-DD` date. */
export function isLocalDate(text: string): boolean {
  return !Number.isNaN(dayNumber(text))
}

/**
 * Minutes since local midnight for `HH:MM` (00:00–24:00), or NaN.
 * @example parseWallTime('13:30') // 810
 */
export function parseWallTime(text: WallTime): number {
  const m = TIME_RE.exec(text)
  if (!m) return Number.NaN
  const h = Number(m[1])
  const min = Number(m[2])
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return Number.NaN
  return h * 60 + min
}

/**
 * `HH:MM` for minutes since midnight (0–1440).
 * @example formatWallTime(810) // '13:30'
 */
export function formatWallTime(minutes: number): WallTime {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`
}
