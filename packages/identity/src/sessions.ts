import type { Grant, TenantDb } from '@cerdas/core'
import { randomSecret, sha256 } from './secrets'
import { findUser, type User } from './users'

export interface SessionPolicy {
  /** A session unused this long ends. */
  idleMs: number
  /** A session ends this long after login, used or not. */
  absoluteMs: number
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 2 * 3_600_000, absoluteMs: 12 * 3_600_000 }

export interface ActiveSession {
  /** The raw id (only ever in the cookie). */
  id: string
  user: User
  grants: Grant[]
  expiresAt: string
}

/** Starts a session: a fresh random id, stored only as its hash. */
export async function createSession(
  db: TenantDb,
  userId: string,
  meta: { userAgent?: string | undefined; ip?: string | undefined },
  now: Date,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<{ id: string; expiresAt: string }> {
  const id = randomSecret()
  const expiresAt = new Date(now.getTime() + policy.absoluteMs).toISOString()
  await db.$client.batch(
    [
      {
        sql: `INSERT INTO identity_sessions (id_hash, user_id, created_at, last_seen_at, expires_at, user_agent, ip)
          VALUES (?, ?, ?, ?, ?, ?, ?)`,
        args: [
          sha256(id),
          userId,
          now.toISOString(),
          now.toISOString(),
          expiresAt,
          meta.userAgent?.slice(0, 300) ?? null,
          // An address is at most 45 characters (IPv6 with an IPv4 tail); a forwarded header could be anything.
          meta.ip?.slice(0, 45) ?? null,
        ],
      },
      { sql: 'UPDATE identity_users SET last_login_at = ? WHERE id = ?', args: [now.toISOString(), userId] },
    ],
    'write',
  )
  return { id, expiresAt }
}

/**
 * The session behind a cookie value, if it is still valid (not expired, not
 * idle too long, account active). Touches its last-seen time at most once a
 * minute to keep reads cheap.
 */
export async function readSession(
  db: TenantDb,
  rawId: string,
  now: Date,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<ActiveSession | undefined> {
  if (!rawId || rawId.length > 100) return undefined
  const idHash = sha256(rawId)
  const row = (
    await db.$client.execute({
      sql: 'SELECT user_id, last_seen_at, expires_at FROM identity_sessions WHERE id_hash = ?',
      args: [idHash],
    })
  ).rows[0]
  if (!row) return undefined
  const lastSeen = Date.parse(String(row.last_seen_at))
  if (Date.parse(String(row.expires_at)) <= now.getTime() || lastSeen + policy.idleMs <= now.getTime()) {
    await db.$client.execute({ sql: 'DELETE FROM identity_sessions WHERE id_hash = ?', args: [idHash] })
    return undefined
  }
  const user = await findUser(db, { id: String(row.user_id) })
  if (user?.status !== 'active') return undefined
  if (now.getTime() - lastSeen > 60_000) {
    await db.$client.execute({
      sql: 'UPDATE identity_sessions SET last_seen_at = ? WHERE id_hash = ?',
      args: [now.toISOString(), idHash],
    })
  }
  return { id: rawId, user, grants: user.grants, expiresAt: String(row.expires_at) }
}

/** Ends one session (logout). */
export async function endSession(db: TenantDb, rawId: string): Promise<void> {
  await db.$client.execute({ sql: 'DELETE FROM identity_sessions WHERE id_hash = ?', args: [sha256(rawId)] })
}
