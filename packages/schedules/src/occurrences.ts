import { compileSchedule, indexCalendar, planFor } from './compile'
import { DAY_MS, MINUTE_MS } from './local-time'
import type { HolidayCalendar, ScheduleDefinition } from './schema'
import { cutEnd, reasonOf, type StatusReason } from './status'
import { localToUtcIn, utcToLocalMs } from './zone'

export interface Occurrence {
  start: Date
  end: Date
  /** Reason of the first piece (intervals that touch or overlap are merged into one occurrence). */
  reason: StatusReason
}

/** Guards against accidental multi-decade expansions. */
const MAX_RANGE_DAYS = 3660

/**
 * Open intervals as UTC instants within [from, to), clipped to the range; touching intervals
 * (e.g. 24/7 days, or 18:00–24:00 followed by 00:00–02:00) are merged so each end is a real closing.
 * @example occurrences(office, new Date('2026-03-02T00:00:00+07:00'), new Date('2026-03-03T00:00:00+07:00'))
 */
export function occurrences(
  schedule: ScheduleDefinition,
  from: Date,
  to: Date,
  calendar?: HolidayCalendar,
): Occurrence[] {
  const c = compileSchedule(schedule)
  const cal = indexCalendar(calendar)
  const a = from.getTime()
  const b = to.getTime()
  if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError('occurrences needs valid instants')
  if (b <= a) return []
  const firstDay = Math.floor(utcToLocalMs(c.zone, a) / DAY_MS) - 1
  const lastDay = Math.floor(utcToLocalMs(c.zone, b) / DAY_MS)
  if (lastDay - firstDay > MAX_RANGE_DAYS) throw new RangeError(`occurrences spans more than ${MAX_RANGE_DAYS} days`)
  const out: Occurrence[] = []
  let cur: { s: number; e: number; reason: StatusReason } | undefined
  const flush = (): void => {
    if (cur && cur.e > a && cur.s < b) {
      out.push({ start: new Date(Math.max(cur.s, a)), end: new Date(Math.min(cur.e, b)), reason: cur.reason })
    }
  }
  let plan = planFor(c, cal, firstDay)
  for (let d = firstDay; d <= lastDay; d++) {
    const next = planFor(c, cal, d + 1)
    for (let i = 0; i < plan.spans.length; i += 2) {
      const s = localToUtcIn(c.zoneInfo, d * DAY_MS + (plan.spans[i] as number) * MINUTE_MS)
      const e = localToUtcIn(c.zoneInfo, d * DAY_MS + cutEnd(plan, next, plan.spans[i + 1] as number) * MINUTE_MS)
      if (e <= s) continue
      if (cur && s <= cur.e) {
        cur.e = Math.max(cur.e, e)
        continue
      }
      flush()
      cur = { s, e, reason: reasonOf(plan.source, plan.label) }
    }
    plan = next
  }
  flush()
  return out
}
