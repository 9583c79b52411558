import type { TenantDb } from '@cerdas/core'
import { sha256 } from './secrets'
import { DEFAULT_THROTTLE, type ThrottlePolicy } from './throttle'
import { normaliseEmail } from './users'

/**
 * Addresses an account has logged in from successfully (ADR 0104). A login
 * from one of them is not held up by the account-wide counter, so failures
 * spread over other addresses cannot keep the owner out. Stored only as the
 * SHA-256 of (account, address), forgotten `knownAddressMs` after the last
 * success there.
 */
function knownAddressHash(email: string, ip: string): string {
  return sha256(`known-address:${normaliseEmail(email)}|${ip.trim().toLowerCase()}`)
}

/** Whether the account logged in successfully from this address recently. An unknown address (no ip) never is. */
export async function isKnownAddress(
  db: TenantDb,
  email: string,
  ip: string | undefined,
  now: Date,
  policy: ThrottlePolicy = DEFAULT_THROTTLE,
): Promise<boolean> {
  if (!ip?.trim()) return false
  const found = await db.$client.execute({
    sql: 'SELECT 1 FROM identity_known_addresses WHERE pair_hash = ? AND last_success_at >= ?',
    args: [knownAddressHash(email, ip), now.getTime() - policy.knownAddressMs],
  })
  return found.rows.length > 0
}

/** Records a successful login from this address, and deletes the pairs not seen for `knownAddressMs`. */
export async function rememberAddress(
  db: TenantDb,
  email: string,
  ip: string | undefined,
  now: Date,
  policy: ThrottlePolicy = DEFAULT_THROTTLE,
): Promise<void> {
  if (!ip?.trim()) return
  await db.$client.batch(
    [
      {
        sql: 'DELETE FROM identity_known_addresses WHERE last_success_at < ?',
        args: [now.getTime() - policy.knownAddressMs],
      },
      {
        sql: `INSERT INTO identity_known_addresses (pair_hash, last_success_at) VALUES (?, ?)
          ON CONFLICT (pair_hash) DO UPDATE SET last_success_at = max(last_success_at, excluded.last_success_at)`,
        args: [knownAddressHash(email, ip), now.getTime()],
      },
    ],
    'write',
  )
}
