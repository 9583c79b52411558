import { z } from 'zod'
import { DAY_MINUTES, dayNumber, isLocalDate, parseWallTime, WEEKDAYS, type WeekdayKey } from './local-time'
import { isKnownZone } from './zone'

/** Text in Indonesian (required) and optionally English; same shape as `@cerdas/core`'s LocalizedText. */
export const localizedTextSchema = z.strictObject({
  id: z.string().trim().min(1),
  en: z.string().trim().min(1).optional(),
})
export type LocalizedText = z.infer<typeof localizedTextSchema>

export const localDateSchema = z.string().refine(isLocalDate, { message: 'Expected a real date as YYYY-MM-DD' })

const wallTimeSchema = z
  .string()
  .refine((text) => !Number.isNaN(parseWallTime(text)), { message: 'Expected a time as HH:MM between 00:00 and 24:00' })

/**
 * One opening interval in local wall-clock time.
 * - `end` after `start` (`24:00` closes at midnight): a same-day interval.
 * - `end` before `start`: only with `overnight: true`, meaning it runs past midnight into the next
 *   date (night market `18:00`–`02:00`). The flag is required so a typo such as `08:00-04:00`
 *   is an error instead of a 20-hour opening.
 * - `end` equal to `start` is always rejected (ambiguous: empty or 24 hours).
 * @example intervalSchema.parse({ start: '18:00', end: '02:00', overnight: true })
 */
export const intervalSchema = z
  .strictObject({ start: wallTimeSchema, end: wallTimeSchema, overnight: z.boolean().optional() })
  .superRefine((value, ctx) => {
    const start = parseWallTime(value.start)
    const end = parseWallTime(value.end)
    if (Number.isNaN(start) || Number.isNaN(end)) return
    if (start === DAY_MINUTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['start'],
        message: 'An interval cannot start at 24:00; use 00:00 of the next day',
      })
    } else if (end === start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'End must differ from start' })
    } else if (end < start && value.overnight !== true) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: 'End is before start: set overnight: true for an interval that runs past midnight',
      })
    } else if (end > start && value.overnight === true) {
      ctx.addIssue({ code: 'custom', path: ['overnight'], message: 'overnight: true needs an end before the start' })
    } else if (end === 0 && value.overnight === true) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'To close at midnight use end 24:00 without overnight' })
    }
  })
export type Interval = z.infer<typeof intervalSchema>

const dayIntervalsSchema = z.array(intervalSchema).max(24)

/** Opening intervals per weekday; a missing or empty day is closed. */
export const weeklyHoursSchema = z.strictObject({
  mo: dayIntervalsSchema.optional(),
  tu: dayIntervalsSchema.optional(),
  we: dayIntervalsSchema.optional(),
  th: dayIntervalsSchema.optional(),
  fr: dayIntervalsSchema.optional(),
  sa: dayIntervalsSchema.optional(),
  su: dayIntervalsSchema.optional(),
})
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>

export const HOLIDAY_KINDS = ['national', 'cuti_bersama', 'regional'] as const
export type HolidayKind = (typeof HOLIDAY_KINDS)[number]

/** A date-ranged replacement of the weekly hours (Ramadan hours, seasonal hours). `to` is inclusive. */
export const overrideSchema = z.strictObject({
  from: localDateSchema,
  to: localDateSchema,
  weekly: weeklyHoursSchema,
  reason: localizedTextSchema,
})
export type ScheduleOverride = z.infer<typeof overrideSchema>

/** A one-off closure of one date or an inclusive date range. */
export const closureSchema = z.strictObject({
  from: localDateSchema,
  to: localDateSchema.optional(),
  reason: localizedTextSchema,
})
export type Closure = z.infer<typeof closureSchema>

/** Hours on one specific date that replace whatever else would apply (service day on a Saturday). */
export const extraOpeningSchema = z.strictObject({
  date: localDateSchema,
  intervals: z.array(intervalSchema).min(1).max(24),
  reason: localizedTextSchema,
})
export type ExtraOpening = z.infer<typeof extraOpeningSchema>

type Issue = { path: (string | number)[]; message: string }

function span(interval: Interval): [number, number] | null {
  const start = parseWallTime(interval.start)
  const end = parseWallTime(interval.end)
  if (Number.isNaN(start) || Number.isNaN(end) || start === end || start === DAY_MINUTES) return null
  return [start, end < start ? end + DAY_MINUTES : end]
}

/** Overlaps inside one day's list; reported on the later interval. */
function dayOverlaps(list: readonly Interval[], path: (string | number)[], issues: Issue[]): void {
  const spans = list.map(span)
  for (let i = 0; i < spans.length; i++) {
    const a = spans[i]
    if (!a) continue
    for (let j = 0; j < i; j++) {
      const b = spans[j]
      if (b && a[0] < b[1] && b[0] < a[1]) {
        issues.push({ path: [...path, i], message: `Overlaps interval ${j} of the same day` })
        break
      }
    }
  }
}

/** Overlaps within a weekly table, including the after-midnight part of the previous day. */
function weeklyOverlaps(weekly: WeeklyHours, path: (string | number)[], issues: Issue[]): void {
  WEEKDAYS.forEach((day, index) => {
    const list = weekly[day] ?? []
    dayOverlaps(list, [...path, day], issues)
    const previous: WeekdayKey = WEEKDAYS[(index + 6) % 7] ?? 'su'
    const spill = Math.max(0, ...(weekly[previous] ?? []).map((iv) => (span(iv)?.[1] ?? 0) - DAY_MINUTES))
    list.forEach((iv, i) => {
      const s = span(iv)
      if (s && spill > 0 && s[0] < spill) {
        issues.push({ path: [...path, day, i], message: `Overlaps the overnight interval of ${previous}` })
      }
    })
  })
}

function rangeOf(from: string, to: string | undefined): [number, number] {
  const a = dayNumber(from)
  return [a, to === undefined ? a : dayNumber(to)]
}

/**
 * A schedule definition as stored and edited by admins (JSON-friendly, local wall-clock rules).
 * Precedence per date: one-off closure/extra opening > holiday (when observed) > override > weekly.
 * @example
 * scheduleSchema.parse({
 *   zone: 'Asia/Jakarta',
 *   closedOnHolidays: true,
 *   weekly: { mo: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '16:00' }] },
 * })
 */
export const scheduleSchema = z
  .strictObject({
    /** IANA zone of the tenant, e.g. Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT). */
    zone: z.string().refine(isKnownZone, { message: 'Unknown IANA time zone' }),
    weekly: weeklyHoursSchema,
    /** Offices: true. Hospitals and attractions: false. */
    closedOnHolidays: z.boolean(),
    /** Hours on holidays (OSM `PH 08:00-12:00`); only meaningful when closedOnHolidays is false. */
    holidayHours: z.array(intervalSchema).min(1).max(24).optional(),
    /** Which holiday kinds this schedule observes; all kinds when omitted. */
    holidayKinds: z.array(z.enum(HOLIDAY_KINDS)).min(1).optional(),
    overrides: z.array(overrideSchema).max(500).optional(),
    closures: z.array(closureSchema).max(2000).optional(),
    extraOpenings: z.array(extraOpeningSchema).max(2000).optional(),
    label: localizedTextSchema.optional(),
  })
  .superRefine((value, ctx) => {
    const issues: Issue[] = []
    weeklyOverlaps(value.weekly, ['weekly'], issues)
    if (value.holidayHours) {
      if (value.closedOnHolidays) {
        issues.push({ path: ['holidayHours'], message: 'holidayHours needs closedOnHolidays: false' })
      }
      dayOverlaps(value.holidayHours, ['holidayHours'], issues)
    }
    const overrides = value.overrides ?? []
    overrides.forEach((o, i) => {
      const [a, b] = rangeOf(o.from, o.to)
      if (b < a) issues.push({ path: ['overrides', i, 'to'], message: 'to is before from' })
      weeklyOverlaps(o.weekly, ['overrides', i, 'weekly'], issues)
      for (let j = 0; j < i; j++) {
        const other = overrides[j]
        if (!other) continue
        const [c, d] = rangeOf(other.from, other.to)
        if (a <= d && c <= b) {
          issues.push({ path: ['overrides', i, 'from'], message: `Date range overlaps override ${j}` })
          break
        }
      }
    })
    // Closures and extra openings both pin specific dates: two on one date would be ambiguous.
    const pinned = new Map<number, string>()
    ;(value.closures ?? []).forEach((c, i) => {
      const [a, b] = rangeOf(c.from, c.to)
      if (b < a) {
        issues.push({ path: ['closures', i, 'to'], message: 'to is before from' })
        return
      }
      if (b - a > 3660) {
        issues.push({ path: ['closures', i, 'to'], message: 'A closure may span at most ten years' })
        return
      }
      for (let d = a; d <= b; d++) {
        const seen = pinned.get(d)
        if (seen) {
          issues.push({ path: ['closures', i, 'from'], message: `Date overlaps ${seen}` })
          return
        }
      }
      for (let d = a; d <= b; d++) pinned.set(d, `closure ${i}`)
    })
    ;(value.extraOpenings ?? []).forEach((e, i) => {
      const d = dayNumber(e.date)
      const seen = pinned.get(d)
      if (seen) issues.push({ path: ['extraOpenings', i, 'date'], message: `Date overlaps ${seen}` })
      pinned.set(d, `extra opening ${i}`)
      dayOverlaps(e.intervals, ['extraOpenings', i, 'intervals'], issues)
    })
    for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
  })

/** A validated schedule definition. */
export type ScheduleDefinition = z.infer<typeof scheduleSchema>

/** A holiday: national day, cuti bersama (collective leave) or a regency's local holiday. */
export const holidaySchema = z.strictObject({
  date: localDateSchema,
  name: localizedTextSchema,
  kind: z.enum(HOLIDAY_KINDS),
  /** Where the date comes from, e.g. the SKB 3 Menteri decree number. */
  source: z.string().trim().min(1).optional(),
  /** False for seed data nobody has checked yet ("belum diverifikasi"). */
  verified: z.boolean(),
})
export type Holiday = z.infer<typeof holidaySchema>

/** A tenant's holiday list (any number of years). */
export const holidayCalendarSchema = z.strictObject({
  holidays: z.array(holidaySchema),
})
export type HolidayCalendar = z.infer<typeof holidayCalendarSchema>
