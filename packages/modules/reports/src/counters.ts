import type { TenantContext } from '@cerdas/core'
import { sha256 } from './codes'
import { groupCommit, perClient } from './group-commit'

const WINDOW_MS = 60 * 60_000

export interface CounterKey {
  /** `ip:<address>` or `device:<id>`; only its SHA-256 is stored. */
  name: string
  limit: number
  /** Which limit refused, for the message. */
  kind: 'ip' | 'device'
}

export type CountResult = { allowed: true } | { allowed: false; kind: 'ip' | 'device'; retryAfterSeconds: number }

type CountRequest = { keys: CounterKey[]; now: Date }
type Client = { batch: TenantContext['db']['$client']['batch'] }

const counting = new WeakMap<object, Map<string, (request: CountRequest) => Promise<CountResult>>>()

/** Each request's upsert in one write batch: statements run in order, so each sees the ones before. */
async function countAll(client: Client, requests: CountRequest[]): Promise<CountResult[]> {
  const now = requests[0]?.now ?? new Date()
  const floor = new Date(now.getTime() - WINDOW_MS).toISOString()
  const statements = [
    { sql: 'DELETE FROM reports_submit_counters WHERE window_start <= :floor', args: { floor } },
    ...requests.map(({ keys, now }) => {
      const args: Record<string, string> = {
        now: now.toISOString(),
        floor: new Date(now.getTime() - WINDOW_MS).toISOString(),
      }
      keys.forEach((k, i) => {
        args[`k${i}`] = sha256(k.name)
      })
      return {
        sql: `INSERT INTO reports_submit_counters (key, window_start, count)
          VALUES ${keys.map((_, i) => `(:k${i}, :now, 1)`).join(', ')}
          ON CONFLICT (key) DO UPDATE SET
            count = CASE WHEN window_start <= :floor THEN 1 ELSE count + 1 END,
            window_start = CASE WHEN window_start <= :floor THEN :now ELSE window_start END
          RETURNING key, window_start, count`,
        args,
      }
    }),
  ]
  const results = await client.batch(statements, 'write')
  return requests.map(({ keys, now }, r) => {
    const rows = results[r + 1]?.rows ?? []
    for (const k of keys) {
      const row = rows.find((x) => x.key === sha256(k.name))
      if (!row || Number(row.count) <= k.limit) continue
      const endsAt = new Date(String(row.window_start)).getTime() + WINDOW_MS
      return {
        allowed: false as const,
        kind: k.kind,
        retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)),
      }
    }
    return { allowed: true as const }
  })
}

/**
 * Counts a submission against every key FIRST, in the tenant database (ADR 0104, 0112), so
 * concurrent submissions from any number of processes never pass the limit: each hour-long
 * window starts at a key's first submission and restarts once it has passed. Submissions counted
 * at the same moment share one write (see group-commit.ts).
 */
export async function countSubmission(ctx: TenantContext, keys: CounterKey[], now: Date): Promise<CountResult> {
  if (keys.length === 0) return { allowed: true }
  const client = ctx.db.$client
  const count = perClient(counting, client, 'count', () =>
    groupCommit((requests: CountRequest[]) => countAll(client, requests)),
  )
  return count({ keys, now })
}
