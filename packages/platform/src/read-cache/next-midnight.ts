import { localMsToUtc, utcToLocalMs } from '@cerdas/schedules'

const DAY_MS = 86_400_000

/**
 * The next midnight in a time zone, as epoch ms: where "today" ends for pages that show the
 * day's hours, this year's holidays or a week view.
 * @example nextLocalMidnight('Asia/Jakarta', Date.parse('2026-12-07T16:59:00Z')) // 2026-12-07T17:00:00Z
 */
export function nextLocalMidnight(zone: string, nowMs: number): number {
  const local = utcToLocalMs(zone, nowMs)
  return localMsToUtc(zone, (Math.floor(local / DAY_MS) + 1) * DAY_MS)
}
