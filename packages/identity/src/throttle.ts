import type { TenantDb } from '@cerdas/core'

export interface ThrottlePolicy {
  /** Failed attempts allowed within the window before blocking. */
  maxFailures: number
  windowMs: number
  blockMs: number
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, blockMs: 15 * 60_000 }

/**
 * Seconds until the first blocked key is free again, or 0. Kept in the
 * tenant database so every server process sees the same counts.
 */
export async function throttledFor(db: TenantDb, keys: string[], now: Date): Promise<number> {
  const rows = await db.$client.execute({
    sql: `SELECT blocked_until FROM identity_throttle WHERE key IN (${keys.map(() => '?').join(',')}) AND blocked_until IS NOT NULL`,
    args: keys,
  })
  const until = Math.max(0, ...rows.rows.map((r) => Date.parse(String(r.blocked_until))))
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0
}

/** Counts a failure against each key; a key over the limit is blocked for the block time. */
export async function recordFailure(
  db: TenantDb,
  keys: string[],
  now: Date,
  policy: ThrottlePolicy = DEFAULT_THROTTLE,
): Promise<void> {
  const at = now.toISOString()
  const windowStart = new Date(now.getTime() - policy.windowMs).toISOString()
  const blockedUntil = new Date(now.getTime() + policy.blockMs).toISOString()
  await db.$client.batch(
    keys.flatMap((key) => [
      {
        // A new window starts when the old one has passed; otherwise count up.
        sql: `INSERT INTO identity_throttle (key, failures, window_started_at) VALUES (?, 1, ?)
          ON CONFLICT (key) DO UPDATE SET
            failures = CASE WHEN window_started_at < ? THEN 1 ELSE failures + 1 END,
            window_started_at = CASE WHEN window_started_at < ? THEN excluded.window_started_at ELSE window_started_at END`,
        args: [key, at, windowStart, windowStart],
      },
      {
        sql: 'UPDATE identity_throttle SET blocked_until = ? WHERE key = ? AND failures >= ?',
        args: [blockedUntil, key, policy.maxFailures],
      },
    ]),
    'write',
  )
}

/** Forgets failures after a successful login. */
export async function clearFailures(db: TenantDb, keys: string[]): Promise<void> {
  await db.$client.execute({
    sql: `DELETE FROM identity_throttle WHERE key IN (${keys.map(() => '?').join(',')})`,
    args: keys,
  })
}
