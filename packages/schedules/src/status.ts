import {
  type CalendarIndex,
  type CompiledSchedule,
  compileSchedule,
  type DayPlan,
  indexCalendar,
  lastSpecialDay,
  planFor,
  spillsInto,
} from './compile'
import { DAY_MINUTES, DAY_MS, MINUTE_MS } from './local-time'
import type { HolidayCalendar, LocalizedText, ScheduleDefinition } from './schema'
import { localToUtcIn, offsetIn } from './zone'

/** Why a schedule is open or closed at an instant. */
export type StatusReasonKind =
  | 'weekly'
  | 'break'
  | 'holiday'
  | 'override'
  | 'closure'
  | 'extra'
  | 'closed_day'
  | 'always'

export interface StatusReason {
  kind: StatusReasonKind
  /** Override/closure/extra reason, or the holiday's name. */
  label?: LocalizedText
}

export interface ScheduleStatus {
  open: boolean
  /** Next change of state (closing when open, opening when closed); null when it never changes. */
  until: Date | null
  /** Next instant after now at which the schedule opens (after the current opening when open). */
  nextOpen: Date | null
  reason: StatusReason
}

/** Days scanned past the last date-specific rule: after it the weekly table repeats, so a week decides. */
const WEEK_MARGIN = 8

export function reasonOf(kind: StatusReasonKind, label: LocalizedText | undefined): StatusReason {
  return label === undefined ? { kind } : { kind, label }
}

/** Interval end in minutes after applying the midnight cut for the next date's plan. */
export function cutEnd(plan: DayPlan, next: DayPlan, end: number): number {
  return end > DAY_MINUTES && !spillsInto(plan, next) ? DAY_MINUTES : end
}

function closedReason(c: CompiledSchedule, cal: CalendarIndex, day: number, t: number): StatusReason {
  const plan = planFor(c, cal, day)
  if (plan.source === 'closure') return reasonOf('closure', plan.label)
  const spans = plan.spans
  if (spans.length === 0) return reasonOf(plan.source === 'holiday' ? 'holiday' : 'closed_day', plan.label)
  const next = planFor(c, cal, day + 1)
  const base = day * DAY_MS
  let endedBefore = false
  let startsAfter = false
  for (let i = 0; i < spans.length; i += 2) {
    const s = localToUtcIn(c.zoneInfo, base + (spans[i] as number) * MINUTE_MS)
    const e = localToUtcIn(c.zoneInfo, base + cutEnd(plan, next, spans[i + 1] as number) * MINUTE_MS)
    if (e <= t) endedBefore = true
    if (s > t) startsAfter = true
  }
  // A break is a gap between two intervals of the same date (ISHOMA, Friday prayers).
  if (endedBefore && startsAfter) return reasonOf('break', plan.label)
  return reasonOf(plan.source === 'always' ? 'weekly' : plan.source, plan.label)
}

/**
 * Open/closed state at an instant, with the next change and the next opening.
 * Evaluated in the schedule's own IANA zone, whatever the process zone is.
 * @example
 * const office = { zone: 'Asia/Jakarta', closedOnHolidays: true,
 *   weekly: { mo: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '16:00' }] } }
 * statusAt(office, new Date('2026-03-02T12:30:00+07:00'))
 * // { open: false, until: 13:00 WIB, nextOpen: 13:00 WIB, reason: { kind: 'break' } }
 */
export function statusAt(
  schedule: ScheduleDefinition,
  instant: Date | number,
  calendar?: HolidayCalendar,
): ScheduleStatus {
  const c = compileSchedule(schedule)
  const cal = indexCalendar(calendar)
  const t = typeof instant === 'number' ? instant : instant.getTime()
  if (!Number.isFinite(t)) throw new RangeError('statusAt needs a valid instant')
  const zone = c.zoneInfo
  const day0 = Math.floor((t + offsetIn(zone, t)) / DAY_MS)
  const horizon = Math.max(day0, lastSpecialDay(c, cal)) + WEEK_MARGIN

  let hasCur = false
  let curS = 0
  let curE = 0
  let openPlan: DayPlan | undefined
  let phase = 0 // 0: locating t; 1: open, looking for the next opening
  let open = false
  let until = Number.NaN
  let nextOpen = Number.NaN
  let done = false

  // Closes the merged interval [s, e): decides the state once an interval reaches past t.
  const settle = (s: number, e: number): void => {
    if (phase === 0) {
      if (e <= t) return
      if (s <= t) {
        open = true
        until = e
        phase = 1
        return
      }
      until = s
      nextOpen = s
      done = true
      return
    }
    nextOpen = s
    done = true
  }

  let plan = planFor(c, cal, day0 - 1)
  for (let d = day0 - 1; !done; d++) {
    if (d > horizon) {
      const dayStart = localToUtcIn(zone, d * DAY_MS)
      if (hasCur && curE < dayStart) {
        hasCur = false
        settle(curS, curE)
        if (done) break
      }
      if (!hasCur) break
      if (curS <= localToUtcIn(zone, (d - WEEK_MARGIN) * DAY_MS)) {
        // Unbroken for a full repeating week: it never ends.
        if (phase === 0 && curS > t) {
          until = curS
          nextOpen = curS
        } else if (phase === 0) {
          open = true
        } else {
          nextOpen = curS
        }
        done = true
        break
      }
    }
    const next = planFor(c, cal, d + 1)
    const spans = plan.spans
    const base = d * DAY_MS
    for (let i = 0; i < spans.length; i += 2) {
      const us = localToUtcIn(zone, base + (spans[i] as number) * MINUTE_MS)
      const ue = localToUtcIn(zone, base + cutEnd(plan, next, spans[i + 1] as number) * MINUTE_MS)
      if (ue <= us) continue
      if (openPlan === undefined && us <= t && t < ue) openPlan = plan
      if (hasCur && us <= curE) {
        if (ue > curE) curE = ue
        continue
      }
      if (hasCur) {
        settle(curS, curE)
        if (done) break
      }
      hasCur = true
      curS = us
      curE = ue
    }
    plan = next
  }

  const reason = open
    ? reasonOf((openPlan as DayPlan).source, (openPlan as DayPlan).label)
    : closedReason(c, cal, day0, t)
  return {
    open,
    until: Number.isNaN(until) ? null : new Date(until),
    nextOpen: Number.isNaN(nextOpen) ? null : new Date(nextOpen),
    reason,
  }
}
