import { z } from 'zod'
import { dayNumber, parseWallTime, WEEKDAYS } from './local-time'
import { HOLIDAY_KINDS, localDateSchema, localizedTextSchema } from './schema'
import { isKnownZone } from './zone'

/**
 * A departure time `HH:MM` from 00:00 to 23:59. A departure belongs to the date it leaves on, so
 * `24:00` is refused (use 00:00 of the next weekday).
 */
export const departureTimeSchema = z.string().refine(
  (text) => {
    const minutes = parseWallTime(text)
    return !Number.isNaN(minutes) && minutes < 1440
  },
  { message: 'Expected a departure time as HH:MM between 00:00 and 23:59' },
)

/** Departures of one day; at most one every ~7 minutes, enough for a busy ferry crossing. */
const dayTimesSchema = z.array(departureTimeSchema).max(200)

/** Departure times per weekday (`mo: ['07:00', '08:30']`); a missing or empty day has no service. */
export const weeklyDeparturesSchema = z.strictObject({
  mo: dayTimesSchema.optional(),
  tu: dayTimesSchema.optional(),
  we: dayTimesSchema.optional(),
  th: dayTimesSchema.optional(),
  fr: dayTimesSchema.optional(),
  sa: dayTimesSchema.optional(),
  su: dayTimesSchema.optional(),
})
export type WeeklyDepartures = z.infer<typeof weeklyDeparturesSchema>

/**
 * What runs on a public holiday: `usual` (the weekday's own times), `none` (no service), or a
 * weekday key whose times apply (`su`: "as on Sunday", the common rule for ferries and buses).
 */
export const HOLIDAY_RULES = ['usual', 'none', ...WEEKDAYS] as const
export type HolidayRule = (typeof HOLIDAY_RULES)[number]

/** A date-ranged timetable (peak season, Ramadan, a holiday week); `to` is inclusive. */
export const departureOverrideSchema = z.strictObject({
  from: localDateSchema,
  to: localDateSchema,
  weekly: weeklyDeparturesSchema,
  /** The holiday rule inside the range; the timetable's own rule when omitted. */
  onHolidays: z.enum(HOLIDAY_RULES).optional(),
  reason: localizedTextSchema,
})
export type DepartureOverride = z.infer<typeof departureOverrideSchema>

/** One date with its own departures: an empty list cancels the day (weather, a ceremony). */
export const departureExceptionSchema = z.strictObject({
  date: localDateSchema,
  times: dayTimesSchema,
  reason: localizedTextSchema,
})
export type DepartureException = z.infer<typeof departureExceptionSchema>

type Issue = { path: (string | number)[]; message: string }

function dayIssues(list: readonly string[] | undefined, path: (string | number)[], issues: Issue[]): void {
  const seen = new Set<string>()
  ;(list ?? []).forEach((time, i) => {
    if (seen.has(time)) issues.push({ path: [...path, i], message: `${time} is listed twice` })
    seen.add(time)
  })
}

function weeklyIssues(weekly: WeeklyDepartures, path: (string | number)[], issues: Issue[]): void {
  for (const day of WEEKDAYS) dayIssues(weekly[day], [...path, day], issues)
}

/**
 * A departure timetable as stored and edited (JSON-friendly, local wall-clock times in `zone`).
 * Precedence per date: exception > holiday (unless the rule is `usual`) > override > weekly.
 * Holidays come from the tenant's one holiday calendar, passed in when evaluating.
 * @example
 * departuresSchema.parse({
 *   zone: 'Asia/Jakarta',
 *   onHolidays: 'su',
 *   weekly: { mo: ['07:00', '09:00'], su: ['07:00', '08:00', '09:00'] },
 * })
 */
export const departuresSchema = z
  .strictObject({
    /** IANA zone of the tenant, e.g. Asia/Jakarta (WIB). */
    zone: z.string().refine(isKnownZone, { message: 'Unknown IANA time zone' }),
    weekly: weeklyDeparturesSchema,
    onHolidays: z.enum(HOLIDAY_RULES),
    /** Which holiday kinds change the timetable; all kinds (national, cuti bersama, regional) when omitted. */
    holidayKinds: z.array(z.enum(HOLIDAY_KINDS)).min(1).optional(),
    overrides: z.array(departureOverrideSchema).max(200).optional(),
    exceptions: z.array(departureExceptionSchema).max(2000).optional(),
    label: localizedTextSchema.optional(),
  })
  .superRefine((value, ctx) => {
    const issues: Issue[] = []
    weeklyIssues(value.weekly, ['weekly'], issues)
    const overrides = value.overrides ?? []
    overrides.forEach((o, i) => {
      const a = dayNumber(o.from)
      const b = dayNumber(o.to)
      if (b < a) issues.push({ path: ['overrides', i, 'to'], message: 'to is before from' })
      weeklyIssues(o.weekly, ['overrides', i, 'weekly'], issues)
      for (let j = 0; j < i; j++) {
        const other = overrides[j]
        if (other && a <= dayNumber(other.to) && dayNumber(other.from) <= b) {
          issues.push({ path: ['overrides', i, 'from'], message: `Date range overlaps override ${j}` })
          break
        }
      }
    })
    const dates = new Map<string, number>()
    ;(value.exceptions ?? []).forEach((e, i) => {
      const seen = dates.get(e.date)
      if (seen !== undefined)
        issues.push({ path: ['exceptions', i, 'date'], message: `Date repeats exception ${seen}` })
      dates.set(e.date, i)
      dayIssues(e.times, ['exceptions', i, 'times'], issues)
    })
    for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
  })

/** A validated departure timetable. */
export type DepartureTimetable = z.infer<typeof departuresSchema>
