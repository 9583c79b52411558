import { type CalendarIndex, indexCalendar } from './compile'
import { type DepartureTimetable, departuresSchema, type HolidayRule, type WeeklyDepartures } from './departures-schema'
import {
  DAY_MS,
  dayNumber,
  formatDay,
  formatWallTime,
  type LocalDate,
  MINUTE_MS,
  parseWallTime,
  type WallTime,
  WEEKDAYS,
  type WeekdayKey,
  weekdayIndex,
} from './local-time'
import type { Holiday, HolidayCalendar, HolidayKind, LocalizedText } from './schema'
import { localToUtcIn, offsetIn, type ZoneInfo, zoneInfo } from './zone'

/**
 * Why a date has the departures it has:
 * - `weekly`: the regular timetable of that weekday;
 * - `override`: a date-ranged timetable (label: its reason);
 * - `holiday`: a holiday changed the day (label: the holiday; `runsAs` the weekday whose times
 *   apply, or null for no service);
 * - `exception`: a replacement list for that one date (label: its reason);
 * - `cancelled`: no departures that date (label: its reason).
 */
export type DepartureReasonKind = 'weekly' | 'override' | 'holiday' | 'exception' | 'cancelled'

export interface DepartureReason {
  kind: DepartureReasonKind
  label?: LocalizedText
  /** For `holiday`: the weekday whose times run, or null when there is no service. */
  runsAs?: WeekdayKey | null
}

export interface Departure {
  /** The instant it leaves (UTC). */
  at: Date
  /** Its local date and wall-clock time. */
  date: LocalDate
  time: WallTime
  /** Why its day has these times (shared by every departure of a date). */
  reason: DepartureReason
}

export interface DepartureDay {
  date: LocalDate
  weekday: WeekdayKey
  departures: { time: WallTime; at: Date }[]
  reason: DepartureReason
  /** A holiday on this date from the calendar, even when it does not change the timetable. */
  holiday?: Holiday
}

interface DayTable {
  readonly minutes: readonly number[]
  readonly reason: DepartureReason
}

interface CompiledOverride {
  readonly from: number
  readonly to: number
  readonly tables: readonly (readonly number[])[]
  readonly onHolidays: HolidayRule
  readonly reason: LocalizedText
}

interface CompiledDepartures {
  readonly zone: ZoneInfo
  readonly weekly: readonly (readonly number[])[]
  readonly onHolidays: HolidayRule
  readonly kinds: ReadonlySet<HolidayKind>
  readonly overrides: readonly CompiledOverride[]
  readonly exceptions: ReadonlyMap<number, DayTable>
  /** Last day with a date-specific rule of the timetable itself. */
  readonly lastDatedDay: number
}

const compiled = new WeakMap<object, CompiledDepartures>()

/** Days scanned past the last special date when looking for the next departure: one repeating week decides. */
const WEEK_MARGIN = 8
/** Most departures one call lists, and the longest stretch a view or feed may cover. */
export const MAX_DEPARTURES = 500
export const MAX_DEPARTURE_DAYS = 366
/** Bounds a search over a far-future holiday list (ten years). */
const MAX_SCAN_DAYS = 3660

function tableOf(list: readonly string[] | undefined): number[] {
  return [...new Set(list ?? [])].map(parseWallTime).sort((a, b) => a - b)
}

function weeklyTables(weekly: WeeklyDepartures): number[][] {
  return WEEKDAYS.map((day) => tableOf(weekly[day]))
}

/**
 * Validates a timetable once and turns it into lookup tables; cached per object, so treat
 * timetables as immutable.
 * @throws ZodError when the timetable is invalid.
 */
function compileDepartures(timetable: DepartureTimetable): CompiledDepartures {
  const hit = compiled.get(timetable)
  if (hit) return hit
  const def = departuresSchema.parse(timetable)
  let lastDatedDay = Number.NEGATIVE_INFINITY
  const overrides = (def.overrides ?? [])
    .map((o) => {
      const to = dayNumber(o.to)
      lastDatedDay = Math.max(lastDatedDay, to)
      return {
        from: dayNumber(o.from),
        to,
        tables: weeklyTables(o.weekly),
        onHolidays: o.onHolidays ?? def.onHolidays,
        reason: o.reason,
      }
    })
    .sort((a, b) => a.from - b.from)
  const exceptions = new Map<number, DayTable>()
  for (const e of def.exceptions ?? []) {
    const day = dayNumber(e.date)
    const minutes = tableOf(e.times)
    exceptions.set(day, { minutes, reason: { kind: minutes.length > 0 ? 'exception' : 'cancelled', label: e.reason } })
    lastDatedDay = Math.max(lastDatedDay, day)
  }
  const result: CompiledDepartures = {
    zone: zoneInfo(def.zone),
    weekly: weeklyTables(def.weekly),
    onHolidays: def.onHolidays,
    kinds: new Set(def.holidayKinds ?? ['national', 'cuti_bersama', 'regional']),
    overrides,
    exceptions,
    lastDatedDay,
  }
  compiled.set(timetable, result)
  return result
}

function holidayOn(c: CompiledDepartures, cal: CalendarIndex, day: number): Holiday | undefined {
  for (const h of cal.byDay.get(day) ?? []) if (c.kinds.has(h.kind)) return h
  return undefined
}

/** The departures governing a local date, by precedence: exception > holiday > override > weekly. */
function tableFor(c: CompiledDepartures, cal: CalendarIndex, day: number): DayTable {
  const exception = c.exceptions.get(day)
  if (exception) return exception
  const override = c.overrides.find((o) => day >= o.from && day <= o.to)
  const tables = override?.tables ?? c.weekly
  const rule = override?.onHolidays ?? c.onHolidays
  if (rule !== 'usual') {
    const holiday = holidayOn(c, cal, day)
    if (holiday) {
      if (rule === 'none') return { minutes: [], reason: { kind: 'holiday', label: holiday.name, runsAs: null } }
      const minutes = tables[WEEKDAYS.indexOf(rule)] ?? []
      return { minutes, reason: { kind: 'holiday', label: holiday.name, runsAs: rule } }
    }
  }
  const minutes = tables[weekdayIndex(day)] ?? []
  return override
    ? { minutes, reason: { kind: 'override', label: override.reason } }
    : { minutes, reason: { kind: 'weekly' } }
}

function instant(c: CompiledDepartures, day: number, minutes: number): Date {
  return new Date(localToUtcIn(c.zone, day * DAY_MS + minutes * MINUTE_MS))
}

function parseDate(date: LocalDate): number {
  const day = dayNumber(date)
  if (Number.isNaN(day)) throw new RangeError(`Invalid date (expected YYYY-MM-DD): ${date}`)
  return day
}

function dayOf(c: CompiledDepartures, cal: CalendarIndex, day: number): DepartureDay {
  const table = tableFor(c, cal, day)
  const out: DepartureDay = {
    date: formatDay(day),
    weekday: WEEKDAYS[weekdayIndex(day)] as WeekdayKey,
    departures: table.minutes.map((m) => ({ time: formatWallTime(m), at: instant(c, day, m) })),
    reason: { ...table.reason },
  }
  const holiday = cal.byDay.get(day)?.[0]
  if (holiday) out.holiday = table.reason.kind === 'holiday' ? (holidayOn(c, cal, day) ?? holiday) : holiday
  return out
}

/**
 * The departures of one local date, after exceptions, holidays and overrides, with their instants.
 * @example departuresOn(ferry, '2026-08-17', calendar).reason // { kind: 'holiday', runsAs: 'su', label: … }
 */
export function departuresOn(timetable: DepartureTimetable, date: LocalDate, calendar?: HolidayCalendar): DepartureDay {
  return dayOf(compileDepartures(timetable), indexCalendar(calendar), parseDate(date))
}

/**
 * Consecutive local dates from `from` (default seven: a week view), each with its departures.
 * @example departureDays(ferry, '2026-03-16', calendar).map((d) => d.departures.length)
 */
export function departureDays(
  timetable: DepartureTimetable,
  from: LocalDate,
  calendar?: HolidayCalendar,
  count = 7,
): DepartureDay[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_DEPARTURE_DAYS)
    throw new RangeError(`count must be a whole number from 1 to ${MAX_DEPARTURE_DAYS}`)
  const c = compileDepartures(timetable)
  const cal = indexCalendar(calendar)
  const first = parseDate(from)
  return Array.from({ length: count }, (_, i) => dayOf(c, cal, first + i))
}

/**
 * The next `limit` departures strictly after an instant, crossing days, holidays and overrides.
 * Stops early when no departure is left: once past every special date, a week without departures
 * means none will come.
 * @example nextDepartures(ferry, new Date('2026-08-16T22:00:00+07:00'), 3, calendar)[0]?.time // '07:00'
 */
export function nextDepartures(
  timetable: DepartureTimetable,
  after: Date | number,
  limit: number,
  calendar?: HolidayCalendar,
): Departure[] {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_DEPARTURES)
    throw new RangeError(`limit must be a whole number from 1 to ${MAX_DEPARTURES}`)
  const c = compileDepartures(timetable)
  const cal = indexCalendar(calendar)
  const t = typeof after === 'number' ? after : after.getTime()
  if (!Number.isFinite(t)) throw new RangeError('nextDepartures needs a valid instant')
  const day0 = Math.floor((t + offsetIn(c.zone, t)) / DAY_MS)
  // After the last special date only the weekly table repeats: if it is empty, nothing more comes.
  const special = Math.max(day0, c.lastDatedDay, cal.lastDay)
  const weeklyEmpty = c.weekly.every((table) => table.length === 0)
  const out: Departure[] = []
  for (let d = day0; out.length < limit && d - day0 <= MAX_SCAN_DAYS; d++) {
    if (d > special + WEEK_MARGIN && weeklyEmpty) break
    const table = tableFor(c, cal, d)
    const date = formatDay(d)
    for (const m of table.minutes) {
      const at = instant(c, d, m)
      if (at.getTime() <= t) continue
      out.push({ at, date, time: formatWallTime(m), reason: { ...table.reason } })
      if (out.length === limit) break
    }
  }
  return out
}

/**
 * The last day whose timetable differs from the plain weekly one for this timetable and calendar;
 * callers that cache a "next departure" answer only need the instant of that departure.
 */
export function departuresLastSpecialDay(timetable: DepartureTimetable, calendar?: HolidayCalendar): LocalDate | null {
  const c = compileDepartures(timetable)
  const cal = indexCalendar(calendar)
  const last = c.onHolidays === 'usual' ? c.lastDatedDay : Math.max(c.lastDatedDay, cal.lastDay)
  return Number.isFinite(last) ? formatDay(last) : null
}

/** True when no weekday, override or exception has a departure: nothing to show ("belum ada data"). */
export function hasNoDepartures(timetable: DepartureTimetable): boolean {
  const c = compileDepartures(timetable)
  return (
    c.weekly.every((t) => t.length === 0) &&
    c.overrides.every((o) => o.tables.every((t) => t.length === 0)) &&
    [...c.exceptions.values()].every((e) => e.minutes.length === 0)
  )
}

/**
 * Overrides and exceptions not over yet on `today`, by start date: what a page announces ahead
 * ("20–27 Mar: Lebaran timetable", "1 Apr: no crossings").
 */
export function upcomingDepartureChanges(
  timetable: DepartureTimetable,
  today: LocalDate,
): {
  overrides: NonNullable<DepartureTimetable['overrides']>
  exceptions: NonNullable<DepartureTimetable['exceptions']>
} {
  return {
    overrides: (timetable.overrides ?? []).filter((o) => o.to >= today).sort((a, b) => a.from.localeCompare(b.from)),
    exceptions: (timetable.exceptions ?? [])
      .filter((e) => e.date >= today)
      .sort((a, b) => a.date.localeCompare(b.date)),
  }
}
