import { compileSchedule, indexCalendar, observedHoliday } from './compile'
import { dayNumber, formatDay, type LocalDate, WEEKDAYS } from './local-time'
import type { HolidayCalendar, Interval, LocalizedText, ScheduleDefinition, WeeklyHours } from './schema'
import { groupWeekdays } from './weekday-groups'

const DAY_URLS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map(
  (d) => `https://schema.org/${d}`,
)

/** A schema.org OpeningHoursSpecification as JSON-LD. */
export interface OpeningHoursSpecification {
  '@type': 'OpeningHoursSpecification'
  dayOfWeek?: string[]
  opens: string
  closes: string
  validFrom?: LocalDate
  validThrough?: LocalDate
  /** Reason or holiday name in the chosen locale. */
  name?: string
}

export interface SchemaOrgOptions {
  /** Only holidays, overrides, closures and extra openings that touch [from, to] are listed. */
  from?: LocalDate
  to?: LocalDate
  locale?: 'id' | 'en'
}

export interface SchemaOrgHours {
  openingHoursSpecification: OpeningHoursSpecification[]
  specialOpeningHoursSpecification: OpeningHoursSpecification[]
}

function text(value: LocalizedText, locale: 'id' | 'en'): string {
  return (locale === 'en' ? value.en : undefined) ?? value.id
}

function hours(iv: Interval): { opens: string; closes: string } {
  // Google's convention: open all day is 00:00–23:59; a close before the open means after midnight.
  return { opens: iv.start, closes: iv.end === '24:00' ? (iv.start === '00:00' ? '23:59' : '00:00') : iv.end }
}

const CLOSED = { opens: '00:00', closes: '00:00' } as const

function weeklySpecs(
  weekly: WeeklyHours,
  closedDays: boolean,
  extra: Partial<OpeningHoursSpecification>,
): OpeningHoursSpecification[] {
  const keys = WEEKDAYS.map((d) => JSON.stringify([...(weekly[d] ?? [])].sort((a, b) => (a.start < b.start ? -1 : 1))))
  const out: OpeningHoursSpecification[] = []
  for (const group of groupWeekdays(keys)) {
    const list = JSON.parse(group.key) as Interval[]
    const dayOfWeek = group.days.map((d) => DAY_URLS[d] as string)
    if (list.length === 0) {
      if (closedDays) out.push({ '@type': 'OpeningHoursSpecification', dayOfWeek, ...CLOSED, ...extra })
      continue
    }
    for (const iv of list) out.push({ '@type': 'OpeningHoursSpecification', dayOfWeek, ...hours(iv), ...extra })
  }
  return out
}

/**
 * schema.org opening hours for a Place's JSON-LD: the weekly hours, plus special hours with
 * validFrom/validThrough for overrides (Ramadan), closures, extra openings and observed holidays.
 * Closed all day is written as opens = closes = 00:00, as search engines expect.
 * @example
 * const { openingHoursSpecification, specialOpeningHoursSpecification } =
 *   toOpeningHoursSpecification(office, calendar, { from: '2026-01-01', to: '2026-12-31' })
 */
export function toOpeningHoursSpecification(
  schedule: ScheduleDefinition,
  calendar?: HolidayCalendar,
  options: SchemaOrgOptions = {},
): SchemaOrgHours {
  const c = compileSchedule(schedule)
  const locale = options.locale ?? 'id'
  const from = options.from === undefined ? Number.NEGATIVE_INFINITY : dayNumber(options.from)
  const to = options.to === undefined ? Number.POSITIVE_INFINITY : dayNumber(options.to)
  if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError('from/to must be YYYY-MM-DD dates')
  const touches = (a: number, b: number): boolean => a <= to && b >= from
  const special: OpeningHoursSpecification[] = []

  for (const o of schedule.overrides ?? []) {
    if (!touches(dayNumber(o.from), dayNumber(o.to))) continue
    special.push(
      ...weeklySpecs(o.weekly, true, { validFrom: o.from, validThrough: o.to, name: text(o.reason, locale) }),
    )
  }
  const cal = indexCalendar(calendar)
  if (c.observesHolidays) {
    for (const [day] of [...cal.byDay].sort((a, b) => a[0] - b[0])) {
      const holiday = observedHoliday(c, cal, day)
      // A closure or extra opening on the date wins over the holiday and is listed below.
      if (!holiday || !touches(day, day) || c.dated.has(day)) continue
      const date = formatDay(day)
      const base = {
        '@type': 'OpeningHoursSpecification' as const,
        validFrom: date,
        validThrough: date,
        name: text(holiday.name, locale),
      }
      if (schedule.closedOnHolidays || !schedule.holidayHours) special.push({ ...base, ...CLOSED })
      else for (const iv of schedule.holidayHours) special.push({ ...base, ...hours(iv) })
    }
  }
  for (const cl of schedule.closures ?? []) {
    const end = cl.to ?? cl.from
    if (!touches(dayNumber(cl.from), dayNumber(end))) continue
    special.push({
      '@type': 'OpeningHoursSpecification',
      ...CLOSED,
      validFrom: cl.from,
      validThrough: end,
      name: text(cl.reason, locale),
    })
  }
  for (const e of schedule.extraOpenings ?? []) {
    const day = dayNumber(e.date)
    if (!touches(day, day)) continue
    for (const iv of e.intervals) {
      special.push({
        '@type': 'OpeningHoursSpecification',
        ...hours(iv),
        validFrom: e.date,
        validThrough: e.date,
        name: text(e.reason, locale),
      })
    }
  }
  // Specific dates sort before ranges that contain them, so readers see the exception in date order.
  special.sort((a, b) => (a.validFrom ?? '').localeCompare(b.validFrom ?? ''))
  return {
    openingHoursSpecification: weeklySpecs(schedule.weekly, false, {}),
    specialOpeningHoursSpecification: special,
  }
}
