import fc from 'fast-check'
import {
  type Closure,
  DAY_MINUTES,
  dayNumber,
  type ExtraOpening,
  formatDay,
  formatWallTime,
  type Interval,
  type LocalizedText,
  type ScheduleDefinition,
  type ScheduleOverride,
  scheduleSchema,
  WEEKDAYS,
  type WeeklyHours,
} from '../src/index'

/** Raw day: sorted distinct half-hour marks paired into intervals, maybe the last one overnight. */
const rawDay = fc.record({
  marks: fc.uniqueArray(fc.integer({ min: 0, max: 48 }), { minLength: 0, maxLength: 6 }),
  overnightEnd: fc.option(fc.integer({ min: 1, max: 16 }), { freq: 3 }),
})

type RawDay = { marks: number[]; overnightEnd: number | null }

function intervalsOf(day: RawDay, spillFromPrevious: number, night = true): Interval[] {
  const marks = [...day.marks].sort((a, b) => a - b).map((m) => m * 30)
  const out: Interval[] = []
  for (let i = 0; i + 1 < marks.length; i += 2) {
    const start = marks[i] as number
    const end = marks[i + 1] as number
    if (start < spillFromPrevious) continue
    out.push({ start: formatWallTime(start), end: formatWallTime(end) })
  }
  // An odd mark left over becomes an overnight start when asked for.
  const last = marks.length % 2 === 1 ? (marks[marks.length - 1] as number) : undefined
  if (night && last !== undefined && day.overnightEnd !== null && last < DAY_MINUTES && last >= spillFromPrevious) {
    const end = Math.min(day.overnightEnd * 30, last - 30)
    if (end > 0) out.push({ start: formatWallTime(last), end: formatWallTime(end), overnight: true })
  }
  return out
}

function spillOf(list: Interval[]): number {
  const o = list.find((iv) => iv.overnight)
  if (!o) return 0
  const [h, m] = o.end.split(':')
  return Number(h) * 60 + Number(m)
}

/** Builds a weekly table whose overnight parts never overlap the next day (incl. Su → Mo). */
function weeklyOf(days: RawDay[], night: boolean): WeeklyHours {
  const weekly: WeeklyHours = {}
  let spill = 0
  const lists: Interval[][] = []
  days.forEach((raw, i) => {
    const list = intervalsOf(raw, spill, night)
    lists[i] = list
    spill = spillOf(list)
  })
  // Sunday's overnight part lands on Monday: drop Monday intervals it would overlap.
  const sundaySpill = spillOf(lists[6] ?? [])
  lists[0] = (lists[0] ?? []).filter((iv) => {
    const [h, m] = iv.start.split(':')
    return Number(h) * 60 + Number(m) >= sundaySpill
  })
  WEEKDAYS.forEach((key, i) => {
    const list = lists[i] ?? []
    if (list.length > 0) weekly[key] = list
  })
  return weekly
}

export function weeklyArb(night = true): fc.Arbitrary<WeeklyHours> {
  return fc.oneof(
    {
      weight: 1,
      arbitrary: fc.constant(Object.fromEntries(WEEKDAYS.map((d) => [d, [{ start: '00:00', end: '24:00' }]]))),
    },
    { weight: 12, arbitrary: fc.array(rawDay, { minLength: 7, maxLength: 7 }).map((days) => weeklyOf(days, night)) },
  )
}

const reasonArb: fc.Arbitrary<LocalizedText> = fc.constantFrom(
  { id: 'Jam kerja Ramadan', en: 'Ramadan hours' },
  { id: 'Renovasi' },
  { id: 'Pelayanan keliling' },
)

/** Days of 2026 (day numbers) for date-specific rules. */
const BASE = dayNumber('2026-01-01')

/**
 * Where overnight intervals may appear. 'anywhere' is the engine's full model; the others avoid
 * the one case where OSM opening_hours differs on purpose (see toOpeningHours): the after-midnight
 * tail of a rule whose start date is replaced by a higher-precedence rule.
 */
export type NightMode = 'anywhere' | 'weekly' | 'overrides' | 'holidays' | 'extras'

export interface ScheduleArbOptions {
  zone?: string
  dated?: boolean
  holidays?: boolean
  night?: NightMode
}

export function scheduleArb(options: ScheduleArbOptions = {}): fc.Arbitrary<ScheduleDefinition> {
  const zone = options.zone ?? 'Asia/Jakarta'
  const night = options.night ?? 'anywhere'
  const any = night === 'anywhere'
  // Which rule kinds may exist alongside overnight hours in the chosen mode.
  const dated = options.dated !== false && (any || night === 'extras' || night === 'overrides' || night === 'holidays')
  const withClosures = dated && (any || night === 'extras')
  const withHolidays = options.holidays !== false && (any || night === 'extras' || night === 'holidays')
  const overridesArb = dated
    ? fc.array(
        fc.record({
          start: fc.integer({ min: 0, max: 330 }),
          length: fc.integer({ min: 0, max: 40 }),
          weekly: weeklyArb(any || night === 'overrides'),
          reason: reasonArb,
        }),
        { maxLength: 2 },
      )
    : fc.constant([])
  const closuresArb = withClosures
    ? fc.array(
        fc.record({
          start: fc.integer({ min: 0, max: 364 }),
          length: fc.integer({ min: 0, max: 4 }),
          reason: reasonArb,
        }),
        { maxLength: 3 },
      )
    : fc.constant([])
  const extrasArb = withClosures
    ? fc.array(fc.record({ start: fc.integer({ min: 0, max: 364 }), day: rawDay, reason: reasonArb }), { maxLength: 3 })
    : fc.constant([])
  const holidayModeArb = !withHolidays
    ? fc.constant<'ignore' | 'closed' | 'hours'>('ignore')
    : night === 'holidays'
      ? fc.constantFrom<'ignore' | 'closed' | 'hours'>('hours', 'hours', 'ignore')
      : fc.constantFrom<'ignore' | 'closed' | 'hours'>('ignore', 'closed', 'closed', 'hours')
  return fc
    .record({
      weekly: weeklyArb(any || night === 'weekly'),
      overrides: overridesArb,
      closures: closuresArb,
      extras: extrasArb,
      holidayMode: holidayModeArb,
      holidayDay: rawDay,
    })
    .map((raw) => {
      const schedule: ScheduleDefinition = { zone, weekly: raw.weekly, closedOnHolidays: raw.holidayMode === 'closed' }
      if (raw.holidayMode === 'hours') {
        const hours = intervalsOf(raw.holidayDay, 0, any || night === 'holidays')
        if (hours.length > 0) schedule.holidayHours = hours
      }
      const overrides: ScheduleOverride[] = []
      const taken: [number, number][] = []
      for (const o of raw.overrides) {
        const a = BASE + o.start
        const b = a + o.length
        if (taken.some(([c, d]) => a <= d && c <= b)) continue
        taken.push([a, b])
        overrides.push({ from: formatDay(a), to: formatDay(b), weekly: o.weekly, reason: o.reason })
      }
      if (overrides.length > 0) schedule.overrides = overrides
      const pinned = new Set<number>()
      const closures: Closure[] = []
      for (const c of raw.closures) {
        const a = BASE + c.start
        const b = a + c.length
        let free = true
        for (let d = a; d <= b; d++) if (pinned.has(d)) free = false
        if (!free) continue
        for (let d = a; d <= b; d++) pinned.add(d)
        closures.push(
          b === a
            ? { from: formatDay(a), reason: c.reason }
            : { from: formatDay(a), to: formatDay(b), reason: c.reason },
        )
      }
      if (closures.length > 0) schedule.closures = closures
      const extras: ExtraOpening[] = []
      for (const e of raw.extras) {
        const d = BASE + e.start
        const intervals = intervalsOf(e.day, 0, any || night === 'extras')
        if (pinned.has(d) || intervals.length === 0) continue
        pinned.add(d)
        extras.push({ date: formatDay(d), intervals, reason: e.reason })
      }
      if (extras.length > 0) schedule.extraOpenings = extras
      // The generator must only produce valid definitions; fail loudly if it does not.
      return scheduleSchema.parse(schedule)
    })
}

/** Instants in 2026, on the minute, with a bias towards exact half-hour boundaries. */
export function instantArb(zoneOffsetHours = 7): fc.Arbitrary<Date> {
  const start = Date.UTC(2026, 0, 1) - zoneOffsetHours * 3_600_000
  return fc.oneof(
    fc.integer({ min: 0, max: 365 * 1440 - 1 }).map((m) => new Date(start + m * 60_000)),
    fc.integer({ min: 0, max: 365 * 48 - 1 }).map((h) => new Date(start + h * 1_800_000)),
  )
}
