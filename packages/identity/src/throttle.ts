import type { TenantDb } from '@cerdas/core'
import { sha256 } from './secrets'
import { normaliseEmail } from './users'

/**
 * Login throttling (docs/decisions/0104-login-throttle.md). Every attempt is
 * counted before its password is checked, in one statement, so however many
 * arrive at once at most the limit are ever checked. Past the limit a key
 * waits, first `firstDelayMs`, doubling with each further failure up to
 * `maxDelayMs`: a delay, never a lock the owner cannot wait out. An address
 * the account logged in from recently (known-addresses.ts) skips the
 * account-wide counter, so a distributed attack cannot keep the owner out.
 */
export interface ThrottlePolicy {
  /** Failures allowed before the delay starts: per account at one address, per address, per account anywhere. */
  limits: { accountAtAddress: number; address: number; account: number }
  firstDelayMs: number
  maxDelayMs: number
  /** A key's failures are forgotten (its row deleted) this long after the last one. */
  forgetMs: number
  /** How long after a successful login its address stays known to the account. */
  knownAddressMs: number
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  limits: { accountAtAddress: 5, address: 20, account: 20 },
  firstDelayMs: 60_000,
  maxDelayMs: 15 * 60_000,
  forgetMs: 60 * 60_000,
  knownAddressMs: 30 * 24 * 60 * 60_000,
}

/** One counter: the SHA-256 of its normalised name (fixed size, whatever was typed) and its limit. */
export interface ThrottleKey {
  hash: string
  limit: number
  /** A success forgets this key's failures (the one at the owner's own address), else only refunds the attempt. */
  clearOnSuccess: boolean
}

/**
 * The counters of a login attempt. Without a client address (an app mounted
 * without the Node bindings) the account-at-address counter covers every
 * unknown address together, so the account still has its low limit. From an
 * address the account logged in from recently (`knownAddress`), the
 * account-wide counter is left out: neither counted nor waited for.
 */
export function loginThrottleKeys(
  email: string,
  ip: string | undefined,
  policy: ThrottlePolicy = DEFAULT_THROTTLE,
  options: { knownAddress?: boolean } = {},
): ThrottleKey[] {
  const account = normaliseEmail(email)
  const address = ip?.trim().toLowerCase() || 'unknown'
  return [
    {
      hash: sha256(`account-at-address:${account}|${address}`),
      limit: policy.limits.accountAtAddress,
      clearOnSuccess: true,
    },
    ...(ip ? [{ hash: sha256(`address:${address}`), limit: policy.limits.address, clearOnSuccess: false }] : []),
    ...(options.knownAddress
      ? []
      : [{ hash: sha256(`account:${account}`), limit: policy.limits.account, clearOnSuccess: false }]),
  ]
}

export type Reservation = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/**
 * Counts an attempt against every key, unless one of them is waiting out a
 * delay: then nothing is counted and the attempt is refused. One statement
 * (SQLite runs it alone and reads the waiting keys before it writes), so
 * parallel attempts, also from other server processes, each see the counts of
 * the ones before. A key reaching its limit starts its delay; the attempt that
 * reached it is still checked. Forgotten keys are deleted first.
 */
export async function reserveAttempt(
  db: TenantDb,
  keys: ThrottleKey[],
  now: Date,
  policy: ThrottlePolicy = DEFAULT_THROTTLE,
): Promise<Reservation> {
  const at = now.getTime()
  const names = keys.map((_, i) => ({ key: `:k${i}`, limit: `:l${i}` }))
  const args: Record<string, string | number> = {
    now: at,
    first: policy.firstDelayMs,
    max: policy.maxDelayMs,
    forgotten: at - policy.forgetMs,
  }
  keys.forEach((k, i) => {
    args[`k${i}`] = k.hash
    args[`l${i}`] = k.limit
  })
  const [, counted] = await db.$client.batch(
    [
      { sql: 'DELETE FROM identity_throttle WHERE last_failure_at < :forgotten', args },
      {
        // The delay doubles with each failure past the limit: first, 2 × first, … up to the maximum.
        sql: `INSERT INTO identity_throttle (key_hash, failures, max_failures, last_failure_at, blocked_until)
          SELECT column1, 1, column2, :now, CASE WHEN column2 <= 1 THEN :now + :first END
          FROM (VALUES ${names.map((n) => `(${n.key}, ${n.limit})`).join(', ')})
          WHERE NOT EXISTS (
            SELECT 1 FROM identity_throttle
            WHERE key_hash IN (${names.map((n) => n.key).join(', ')}) AND blocked_until > :now
          )
          ON CONFLICT (key_hash) DO UPDATE SET
            failures = failures + 1,
            max_failures = excluded.max_failures,
            last_failure_at = excluded.last_failure_at,
            blocked_until = CASE WHEN failures + 1 >= excluded.max_failures
              THEN :now + min(:first * (1 << min(failures + 1 - excluded.max_failures, 20)), :max) END
          RETURNING key_hash`,
        args,
      },
    ],
    'write',
  )
  if (counted && counted.rows.length > 0) return { allowed: true }
  return { allowed: false, retryAfterSeconds: await waitFor(db, keys, now) }
}

/** Seconds until every key of a login is free again (0 when none waits). */
export async function waitFor(db: TenantDb, keys: ThrottleKey[], now: Date): Promise<number> {
  const row = (
    await db.$client.execute({
      sql: `SELECT max(blocked_until) AS until FROM identity_throttle WHERE key_hash IN (${keys.map(() => '?').join(', ')})`,
      args: keys.map((k) => k.hash),
    })
  ).rows[0]
  const until = Number(row?.until ?? 0)
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0
}

/**
 * After a successful login: the account's counter at this address is
 * forgotten; the others give back the attempt (a success is not a failure),
 * and lose a delay that this attempt alone started.
 */
export async function settleSuccess(db: TenantDb, keys: ThrottleKey[]): Promise<void> {
  const cleared = keys.filter((k) => k.clearOnSuccess).map((k) => k.hash)
  const refunded = keys.filter((k) => !k.clearOnSuccess).map((k) => k.hash)
  const marks = (list: string[]) => list.map(() => '?').join(', ')
  await db.$client.batch(
    [
      { sql: `DELETE FROM identity_throttle WHERE key_hash IN (${marks(cleared)})`, args: cleared },
      {
        sql: `UPDATE identity_throttle SET failures = failures - 1,
            blocked_until = CASE WHEN failures - 1 < max_failures THEN NULL ELSE blocked_until END
          WHERE key_hash IN (${marks(refunded)})`,
        args: refunded,
      },
      {
        sql: `DELETE FROM identity_throttle WHERE key_hash IN (${marks(refunded)}) AND failures <= 0`,
        args: refunded,
      },
    ],
    'write',
  )
}
