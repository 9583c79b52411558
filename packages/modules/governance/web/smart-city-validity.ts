/** How long a regulation still holds, from its last valid day and today (both local dates). */
export type Validity =
  | { state: 'open-ended' }
  | { state: 'not-yet'; days: number }
  | { state: 'valid'; months: number; days: number }
  | { state: 'expired'; days: number }

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000

/**
 * Whole months and days from today to the end of `validUntil` (its last valid day), or how long
 * ago it ended; a regulation whose `validFrom` is still ahead is not in force yet.
 * @example validity({ validFrom: '2021-06-01', validUntil: '2026-05-31' }, '2025-12-07') // { state: 'valid', months: 5, days: 176 }
 */
export function validity(
  regulation: { validFrom?: string | null | undefined; validUntil?: string | null | undefined },
  today: string,
): Validity {
  if (regulation.validFrom && regulation.validFrom > today)
    return { state: 'not-yet', days: dayNumber(regulation.validFrom) - dayNumber(today) }
  const until = regulation.validUntil
  if (!until) return { state: 'open-ended' }
  if (until < today) return { state: 'expired', days: dayNumber(today) - dayNumber(until) }
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number]
  const [uy, um, ud] = until.split('-').map(Number) as [number, number, number]
  // Counted to the day after the last valid day: valid through 31 May is "6 months" from 1 December.
  const end = new Date(Date.UTC(uy, um - 1, ud + 1))
  let months = (end.getUTCFullYear() - ty) * 12 + (end.getUTCMonth() + 1 - tm)
  if (end.getUTCDate() < td) months -= 1
  return { state: 'valid', months: Math.max(0, months), days: dayNumber(until) - dayNumber(today) + 1 }
}
