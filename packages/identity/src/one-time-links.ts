import { type Grant, problem, type TenantDb } from '@cerdas/core'
import { hashPassword } from './passwords'
import { randomSecret, sha256 } from './secrets'
import { createUser, findUser, MAX_EMAIL_LENGTH, setPasswordHash, type User } from './users'

export const INVITATION_TTL_MS = 7 * 24 * 3_600_000
export const RESET_TTL_MS = 2 * 3_600_000

export type LinkKind = 'invitation' | 'reset'

async function issueLink(db: TenantDb, kind: LinkKind, userId: string, createdBy: string, now: Date): Promise<string> {
  const token = randomSecret()
  const ttl = kind === 'invitation' ? INVITATION_TTL_MS : RESET_TTL_MS
  await db.$client.execute({
    sql: 'INSERT INTO identity_links (token_hash, kind, user_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    args: [sha256(token), kind, userId, createdBy, now.toISOString(), new Date(now.getTime() + ttl).toISOString()],
  })
  return token
}

/**
 * Invites a person: creates the account without a password and returns the
 * one-time token of the link on which they choose one.
 */
export async function inviteUser(
  db: TenantDb,
  input: { email: string; name: string; grants: Grant[] },
  createdBy: string,
  now: Date,
): Promise<{ user: User; token: string }> {
  const user = await createUser(db, { ...input, passwordHash: null }, now)
  return { user, token: await issueLink(db, 'invitation', user.id, createdBy, now) }
}

/** A password-reset link for an active account; undefined for unknown emails (the caller says nothing different). */
export async function requestPasswordReset(
  db: TenantDb,
  email: string,
  createdBy: string,
  now: Date,
): Promise<{ user: User; token: string } | undefined> {
  if (email.length > MAX_EMAIL_LENGTH) return undefined
  const user = await findUser(db, { email })
  if (user?.status !== 'active') return undefined
  return { user, token: await issueLink(db, 'reset', user.id, createdBy, now) }
}

/** What a link is for, without using it (to show the form). */
export async function peekLink(
  db: TenantDb,
  token: string,
  now: Date,
): Promise<{ kind: LinkKind; user: User } | undefined> {
  const row = (
    await db.$client.execute({
      sql: 'SELECT kind, user_id, expires_at, used_at FROM identity_links WHERE token_hash = ?',
      args: [sha256(token)],
    })
  ).rows[0]
  if (!row || row.used_at !== null || Date.parse(String(row.expires_at)) <= now.getTime()) return undefined
  const user = await findUser(db, { id: String(row.user_id) })
  return user ? { kind: row.kind as LinkKind, user } : undefined
}

/**
 * Uses a link once: sets the password. The claim and the password change
 * happen only if the link was still unused, so two tabs cannot both use it.
 */
export async function redeemLink(db: TenantDb, token: string, password: string, now: Date): Promise<User> {
  const link = await peekLink(db, token, now)
  if (!link) throw problem('notFound', 'This link is not valid any more. Ask for a new one.')
  const claimed = await db.$client.execute({
    sql: 'UPDATE identity_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL',
    args: [now.toISOString(), sha256(token)],
  })
  if (claimed.rowsAffected !== 1) throw problem('notFound', 'This link has already been used.')
  await setPasswordHash(db, link.user.id, await hashPassword(password), now)
  return link.user
}
