import type { TenantContext } from '@cerdas/core'
import { sha256 } from './codes'

const WINDOW_MS = 60 * 60_000

export interface CounterKey {
  /** `ip:<address>` or `device:<id>`; only its SHA-256 is stored. */
  name: string
  limit: number
  /** Which limit refused, for the message. */
  kind: 'ip' | 'device'
}

export type CountResult = { allowed: true } | { allowed: false; kind: 'ip' | 'device'; retryAfterSeconds: number }

/**
 * Counts a submission against every key FIRST, in one statement on the tenant database (ADR 0104,
 * 0112), so concurrent submissions from any number of processes never pass the limit: each
 * hour-long window starts at a key's first submission and restarts once it has passed.
 */
export async function countSubmission(ctx: TenantContext, keys: CounterKey[], now: Date): Promise<CountResult> {
  if (keys.length === 0) return { allowed: true }
  const at = now.toISOString()
  const floor = new Date(now.getTime() - WINDOW_MS).toISOString()
  const args: Record<string, string> = { now: at, floor }
  keys.forEach((k, i) => {
    args[`k${i}`] = sha256(k.name)
  })
  const [, counted] = await ctx.db.$client.batch(
    [
      { sql: 'DELETE FROM reports_submit_counters WHERE window_start <= :floor', args: { floor } },
      {
        sql: `INSERT INTO reports_submit_counters (key, window_start, count)
          VALUES ${keys.map((_, i) => `(:k${i}, :now, 1)`).join(', ')}
          ON CONFLICT (key) DO UPDATE SET
            count = CASE WHEN window_start <= :floor THEN 1 ELSE count + 1 END,
            window_start = CASE WHEN window_start <= :floor THEN :now ELSE window_start END
          RETURNING key, window_start, count`,
        args,
      },
    ],
    'write',
  )
  const rows = counted?.rows ?? []
  for (const [i, k] of keys.entries()) {
    const row = rows.find((r) => r.key === args[`k${i}`])
    if (!row || Number(row.count) <= k.limit) continue
    const endsAt = new Date(String(row.window_start)).getTime() + WINDOW_MS
    return { allowed: false, kind: k.kind, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) }
  }
  return { allowed: true }
}
