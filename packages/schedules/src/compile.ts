import { DAY_MINUTES, dayNumber, WEEKDAYS, weekdayIndex } from './local-time'
import {
  type Holiday,
  type HolidayCalendar,
  type HolidayKind,
  type Interval,
  type LocalizedText,
  type ScheduleDefinition,
  scheduleSchema,
  type WeeklyHours,
} from './schema'
import { type ZoneInfo, zoneInfo } from './zone'

/** Where a date's hours come from; also the open-state reason kind. */
export type PlanSource = 'weekly' | 'always' | 'override' | 'holiday' | 'closure' | 'extra'

/** The hours that govern one local date. Shared, immutable objects: lookups allocate nothing. */
export interface DayPlan {
  /** Flat [start, end, start, end, …] minutes from local midnight, sorted; end > 1440 runs past midnight. */
  readonly spans: readonly number[]
  readonly source: PlanSource
  readonly label: LocalizedText | undefined
  readonly holiday: Holiday | undefined
  /** Identity of the rule that produced the plan (weekly table, one override, one date entry, holidays). */
  readonly entry: number
  /** Precedence: weekly 0, override 1, holiday 2, closure/extra 3. */
  readonly level: number
}

interface OverrideRange {
  readonly from: number
  readonly to: number
  readonly plans: readonly DayPlan[]
}

export interface CompiledSchedule {
  readonly zone: string
  readonly zoneInfo: ZoneInfo
  readonly definition: ScheduleDefinition
  readonly weekly: readonly DayPlan[]
  readonly overrides: readonly OverrideRange[]
  readonly dated: ReadonlyMap<number, DayPlan>
  readonly observesHolidays: boolean
  readonly holidayKinds: ReadonlySet<HolidayKind>
  readonly holidaySpans: readonly number[]
  readonly holidayPlans: Map<Holiday, DayPlan>
  /** Last day number with a date-specific rule; after it only the weekly table applies. */
  readonly lastDatedDay: number
}

export interface CalendarIndex {
  readonly byDay: ReadonlyMap<number, readonly Holiday[]>
  readonly lastDay: number
}

const HOLIDAY_ENTRY = -2
const compiled = new WeakMap<object, CompiledSchedule>()
const indexed = new WeakMap<object, CalendarIndex>()
const EMPTY_CALENDAR: CalendarIndex = { byDay: new Map(), lastDay: Number.NEGATIVE_INFINITY }

function toSpans(list: readonly Interval[] | undefined): number[] {
  const pairs: [number, number][] = []
  for (const iv of list ?? []) {
    const [sh, sm] = iv.start.split(':')
    const [eh, em] = iv.end.split(':')
    const start = Number(sh) * 60 + Number(sm)
    let end = Number(eh) * 60 + Number(em)
    if (end < start) end += DAY_MINUTES
    pairs.push([start, end])
  }
  pairs.sort((a, b) => a[0] - b[0])
  return pairs.flat()
}

function isFullDay(spans: readonly number[]): boolean {
  return spans.length === 2 && spans[0] === 0 && spans[1] === DAY_MINUTES
}

function weeklyPlans(
  weekly: WeeklyHours,
  source: 'weekly' | 'override',
  entry: number,
  level: number,
  label: LocalizedText | undefined,
): DayPlan[] {
  const spans = WEEKDAYS.map((day) => toSpans(weekly[day]))
  // A table that is open all day every day is "24/7": reported as reason 'always'.
  const always = source === 'weekly' && spans.every(isFullDay)
  return spans.map((s) => ({
    spans: s,
    source: always ? 'always' : source,
    label,
    holiday: undefined,
    entry,
    level,
  }))
}

/**
 * Validates a definition once and turns it into lookup tables; cached per definition object,
 * so callers should keep and reuse the same object (treat definitions as immutable).
 * @throws ZodError when the definition is invalid.
 */
export function compileSchedule(definition: ScheduleDefinition): CompiledSchedule {
  const hit = compiled.get(definition)
  if (hit) return hit
  const def = scheduleSchema.parse(definition)
  let entry = 1
  let lastDatedDay = Number.NEGATIVE_INFINITY
  const overrides = (def.overrides ?? [])
    .map((o) => {
      const from = dayNumber(o.from)
      const to = dayNumber(o.to)
      lastDatedDay = Math.max(lastDatedDay, to)
      return { from, to, plans: weeklyPlans(o.weekly, 'override', entry++, 1, o.reason) }
    })
    .sort((a, b) => a.from - b.from)
  const dated = new Map<number, DayPlan>()
  for (const c of def.closures ?? []) {
    const plan: DayPlan = {
      spans: [],
      source: 'closure',
      label: c.reason,
      holiday: undefined,
      entry: entry++,
      level: 3,
    }
    const from = dayNumber(c.from)
    const to = c.to === undefined ? from : dayNumber(c.to)
    for (let d = from; d <= to; d++) dated.set(d, plan)
    lastDatedDay = Math.max(lastDatedDay, to)
  }
  for (const e of def.extraOpenings ?? []) {
    const day = dayNumber(e.date)
    dated.set(day, {
      spans: toSpans(e.intervals),
      source: 'extra',
      label: e.reason,
      holiday: undefined,
      entry: entry++,
      level: 3,
    })
    lastDatedDay = Math.max(lastDatedDay, day)
  }
  const result: CompiledSchedule = {
    zone: def.zone,
    zoneInfo: zoneInfo(def.zone),
    definition,
    weekly: weeklyPlans(def.weekly, 'weekly', 0, 0, undefined),
    overrides,
    dated,
    observesHolidays: def.closedOnHolidays || def.holidayHours !== undefined,
    holidayKinds: new Set(def.holidayKinds ?? ['national', 'cuti_bersama', 'regional']),
    holidaySpans: def.closedOnHolidays ? [] : toSpans(def.holidayHours),
    holidayPlans: new Map(),
    lastDatedDay,
  }
  compiled.set(definition, result)
  return result
}

/**
 * Indexes a holiday calendar by day number; cached per calendar object.
 * Not validated here (calendars are validated where they enter the system, with holidayCalendarSchema).
 */
export function indexCalendar(calendar: HolidayCalendar | undefined): CalendarIndex {
  if (!calendar) return EMPTY_CALENDAR
  const hit = indexed.get(calendar)
  if (hit) return hit
  const byDay = new Map<number, Holiday[]>()
  let lastDay = Number.NEGATIVE_INFINITY
  for (const h of calendar.holidays) {
    const day = dayNumber(h.date)
    if (Number.isNaN(day)) continue
    const list = byDay.get(day)
    if (list) list.push(h)
    else byDay.set(day, [h])
    lastDay = Math.max(lastDay, day)
  }
  const result = { byDay, lastDay }
  indexed.set(calendar, result)
  return result
}

/** The first holiday on a day that a schedule observes (national before regional by list order). */
export function observedHoliday(c: CompiledSchedule, cal: CalendarIndex, day: number): Holiday | undefined {
  const list = cal.byDay.get(day)
  if (!list) return undefined
  for (const h of list) if (c.holidayKinds.has(h.kind)) return h
  return undefined
}

/** The plan governing a local date, by precedence: closure/extra > holiday > override > weekly. */
export function planFor(c: CompiledSchedule, cal: CalendarIndex, day: number): DayPlan {
  if (c.dated.size > 0) {
    const pinned = c.dated.get(day)
    if (pinned) return pinned
  }
  if (c.observesHolidays && cal.byDay.size > 0) {
    const holiday = observedHoliday(c, cal, day)
    if (holiday) {
      let plan = c.holidayPlans.get(holiday)
      if (!plan) {
        plan = {
          spans: c.holidaySpans,
          source: 'holiday',
          label: holiday.name,
          holiday,
          entry: HOLIDAY_ENTRY,
          level: 2,
        }
        c.holidayPlans.set(holiday, plan)
      }
      return plan
    }
  }
  const wd = weekdayIndex(day)
  for (const o of c.overrides) {
    if (day >= o.from && day <= o.to) return o.plans[wd] as DayPlan
  }
  return c.weekly[wd] as DayPlan
}

/**
 * Whether the after-midnight part of `plan` continues into the next date. It stops at midnight
 * when the next date is governed by a different rule of equal or higher precedence (a holiday,
 * the first day of an override, a one-off date): special dates start fresh at 00:00. This is
 * also how OSM opening_hours evaluates a later rule, so exported strings mean the same thing.
 */
export function spillsInto(plan: DayPlan, next: DayPlan): boolean {
  return next.entry === plan.entry || next.level < plan.level
}

/** Last day after which only the weekly table applies for this schedule and calendar. */
export function lastSpecialDay(c: CompiledSchedule, cal: CalendarIndex): number {
  return c.observesHolidays ? Math.max(c.lastDatedDay, cal.lastDay) : c.lastDatedDay
}
