import { compileSchedule, type DayPlan, indexCalendar, planFor } from './compile'
import {
  DAY_MINUTES,
  DAY_MS,
  dayNumber,
  formatDay,
  formatWallTime,
  type LocalDate,
  MINUTE_MS,
  type WallTime,
  WEEKDAYS,
  type WeekdayKey,
  weekdayIndex,
} from './local-time'
import type { Holiday, HolidayCalendar, ScheduleDefinition } from './schema'
import { cutEnd, reasonOf, type StatusReason } from './status'
import { localToUtcIn, utcToLocalMs } from './zone'

export interface WeekViewInterval {
  start: WallTime
  /** Local end time; with `overnight` it is on the next date. */
  end: WallTime
  overnight: boolean
  startsAt: Date
  endsAt: Date
}

export interface WeekViewDay {
  date: LocalDate
  weekday: WeekdayKey
  /** Intervals that start on this date, after holidays, overrides and closures are applied. */
  intervals: WeekViewInterval[]
  /** Why the day has these hours: weekly/always/override/extra/holiday, or closure/holiday/closed_day when closed. */
  reason: StatusReason
  /** A holiday on this date from the calendar, even when the schedule does not observe it. */
  holiday?: Holiday
}

/** The local date of an instant in a zone. */
export function localDateOf(instant: Date | number, zone: string): LocalDate {
  return formatDay(Math.floor(utcToLocalMs(zone, typeof instant === 'number' ? instant : instant.getTime()) / DAY_MS))
}

export function dayReason(plan: DayPlan): StatusReason {
  if (plan.spans.length > 0) return reasonOf(plan.source, plan.label)
  if (plan.source === 'closure' || plan.source === 'holiday') return reasonOf(plan.source, plan.label)
  return reasonOf('closed_day', plan.label)
}

/**
 * Seven consecutive local dates starting at `from` (a date, or an instant read in the schedule's zone),
 * each with the hours that really apply.
 * @example weekView(office, '2026-03-16', calendar).map((d) => d.reason.kind)
 */
export function weekView(
  schedule: ScheduleDefinition,
  from: LocalDate | Date,
  calendar?: HolidayCalendar,
): WeekViewDay[] {
  const c = compileSchedule(schedule)
  const cal = indexCalendar(calendar)
  const first = typeof from === 'string' ? dayNumber(from) : Math.floor(utcToLocalMs(c.zone, from.getTime()) / DAY_MS)
  if (Number.isNaN(first)) throw new RangeError(`Invalid date: ${String(from)}`)
  const days: WeekViewDay[] = []
  let plan = planFor(c, cal, first)
  for (let d = first; d < first + 7; d++) {
    const next = planFor(c, cal, d + 1)
    const intervals: WeekViewInterval[] = []
    for (let i = 0; i < plan.spans.length; i += 2) {
      const s = plan.spans[i] as number
      const e = cutEnd(plan, next, plan.spans[i + 1] as number)
      intervals.push({
        start: formatWallTime(s),
        end: formatWallTime(e > DAY_MINUTES ? e - DAY_MINUTES : e),
        overnight: e > DAY_MINUTES,
        startsAt: new Date(localToUtcIn(c.zoneInfo, d * DAY_MS + s * MINUTE_MS)),
        endsAt: new Date(localToUtcIn(c.zoneInfo, d * DAY_MS + e * MINUTE_MS)),
      })
    }
    const holiday = cal.byDay.get(d)?.[0]
    const day: WeekViewDay = {
      date: formatDay(d),
      weekday: WEEKDAYS[weekdayIndex(d)] as WeekdayKey,
      intervals,
      reason: dayReason(plan),
    }
    if (holiday) day.holiday = plan.holiday ?? holiday
    days.push(day)
    plan = next
  }
  return days
}
