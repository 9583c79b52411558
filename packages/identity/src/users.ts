import { type Grant, newId, problem, type TenantDb } from '@cerdas/core'
import { z } from 'zod'

/** Longest email an account can have (RFC 5321); longer input is refused everywhere. */
export const MAX_EMAIL_LENGTH = 254

/** Lowercased, trimmed: `Admin@Toba ` and `admin@toba` are one account. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

export const emailSchema = z
  .email()
  .max(MAX_EMAIL_LENGTH)
  .transform((e) => e.toLowerCase())

export interface User {
  id: string
  email: string
  name: string
  status: 'active' | 'disabled'
  hasPassword: boolean
  /** The password was given by someone else (the demo admin's): the console asks for a new one first. */
  mustChangePassword: boolean
  grants: Grant[]
  createdAt: string
  lastLoginAt: string | null
}

async function grantsOf(db: TenantDb, userIds: string[]): Promise<Map<string, Grant[]>> {
  const out = new Map<string, Grant[]>(userIds.map((id) => [id, []]))
  if (userIds.length === 0) return out
  const rows = await db.$client.execute({
    sql: `SELECT DISTINCT user_id, role, dimension FROM identity_grants WHERE user_id IN (${userIds.map(() => '?').join(',')})
      ORDER BY role, dimension`,
    args: userIds,
  })
  for (const r of rows.rows) {
    out
      .get(String(r.user_id))
      ?.push({ role: r.role as Grant['role'], dimension: (r.dimension || null) as Grant['dimension'] })
  }
  return out
}

function toUser(r: Record<string, unknown>, grants: Grant[]): User {
  return {
    id: String(r.id),
    email: String(r.email),
    name: String(r.name),
    status: r.status as User['status'],
    hasPassword: r.password_hash !== null,
    mustChangePassword: Number(r.must_change_password) === 1,
    grants,
    createdAt: String(r.created_at),
    lastLoginAt: (r.last_login_at as string | null) ?? null,
  }
}

export async function listUsers(db: TenantDb): Promise<User[]> {
  const rows = await db.$client.execute('SELECT * FROM identity_users ORDER BY email')
  const grants = await grantsOf(
    db,
    rows.rows.map((r) => String(r.id)),
  )
  return rows.rows.map((r) => toUser(r as Record<string, unknown>, grants.get(String(r.id)) ?? []))
}

export async function findUser(db: TenantDb, by: { id?: string; email?: string }): Promise<User | undefined> {
  const row = (
    await db.$client.execute({
      sql: `SELECT * FROM identity_users WHERE ${by.id ? 'id' : 'email'} = ?`,
      args: [by.id ?? by.email?.toLowerCase() ?? ''],
    })
  ).rows[0]
  if (!row) return undefined
  return toUser(row as Record<string, unknown>, (await grantsOf(db, [String(row.id)])).get(String(row.id)) ?? [])
}

/** The stored password hash of an active account, for login. */
export async function passwordHashOf(
  db: TenantDb,
  email: string,
): Promise<{ id: string; hash: string | null } | undefined> {
  const row = (
    await db.$client.execute({
      sql: "SELECT id, password_hash FROM identity_users WHERE email = ? AND status = 'active'",
      args: [email.toLowerCase()],
    })
  ).rows[0]
  return row ? { id: String(row.id), hash: (row.password_hash as string | null) ?? null } : undefined
}

export async function createUser(
  db: TenantDb,
  input: { email: string; name: string; grants: Grant[]; passwordHash?: string | null; mustChangePassword?: boolean },
  now: Date,
): Promise<User> {
  const email = emailSchema.parse(input.email)
  if (await findUser(db, { email })) throw problem('conflict', `An account for ${email} already exists.`)
  const id = newId('usr')
  const at = now.toISOString()
  await db.$client.batch(
    [
      {
        sql: `INSERT INTO identity_users (id, email, name, password_hash, status, created_at, updated_at, must_change_password)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [id, email, input.name, input.passwordHash ?? null, 'active', at, at, input.mustChangePassword ? 1 : 0],
      },
      ...grantStatements(id, input.grants),
    ],
    'write',
  )
  return (await findUser(db, { id })) as User
}

function grantStatements(userId: string, grants: Grant[], source = '') {
  return grants.map((g) => ({
    sql: 'INSERT OR IGNORE INTO identity_grants (user_id, role, dimension, source) VALUES (?, ?, ?, ?)',
    args: [userId, g.role, g.dimension ?? '', source],
  }))
}

/**
 * Replaces the roles a user was given by hand; those another source gives (a dimension team
 * membership, see setSourcedGrants) stay, and are not taken as given by hand when sent again. Their sessions end, so new rights apply at the next
 * login (session rotation).
 */
export async function setUserGrants(db: TenantDb, userId: string, grants: Grant[], now: Date): Promise<User> {
  const user = await findUser(db, { id: userId })
  if (!user) throw problem('notFound', `No user ${userId}`)
  // A role another source gives now is not also recorded as given by hand: a client sending back
  // the roles it read would otherwise keep the role after the membership giving it ends.
  const sourced = await db.$client.execute({
    sql: "SELECT role, dimension FROM identity_grants WHERE user_id = ? AND source <> ''",
    args: [userId],
  })
  const fromSources = new Set(sourced.rows.map((r) => `${r.role}:${r.dimension}`))
  const byHand = grants.filter((g) => !fromSources.has(`${g.role}:${g.dimension ?? ''}`))
  await db.$client.batch(
    [
      { sql: "DELETE FROM identity_grants WHERE user_id = ? AND source = ''", args: [userId] },
      ...grantStatements(userId, byHand),
      { sql: 'UPDATE identity_users SET updated_at = ? WHERE id = ?', args: [now.toISOString(), userId] },
      { sql: 'DELETE FROM identity_sessions WHERE user_id = ?', args: [userId] },
    ],
    'write',
  )
  return (await findUser(db, { id: userId })) as User
}

/** A grant and where it comes from: '' by hand, else the source that gives it (`governance.team`). */
export interface GrantOrigin extends Grant {
  userId: string
  source: string
}

/** Every grant of the tenant's accounts (or of some) with its source; a grant from two sources is two rows. */
export async function grantOrigins(db: TenantDb, userIds?: readonly string[]): Promise<GrantOrigin[]> {
  const only = userIds ? `WHERE user_id IN (${userIds.map(() => '?').join(',') || 'NULL'})` : ''
  const rows = await db.$client.execute({
    sql: `SELECT user_id, role, dimension, source FROM identity_grants ${only} ORDER BY user_id, role, dimension, source`,
    args: [...(userIds ?? [])],
  })
  return rows.rows.map((r) => ({
    userId: String(r.user_id),
    role: r.role as Grant['role'],
    dimension: (r.dimension || null) as Grant['dimension'],
    source: String(r.source),
  }))
}

/**
 * Replaces the grants one source gives a user (a dimension team membership: `governance.team`),
 * leaving those set by hand or by other sources. When the roles the user holds change, their
 * sessions end, as with setUserGrants; `changed` tells whether they did.
 */
export async function setSourcedGrants(
  db: TenantDb,
  userId: string,
  source: string,
  grants: Grant[],
  now: Date,
): Promise<{ before: User; after: User; changed: boolean }> {
  if (source === '') throw new Error('grants set by hand go through setUserGrants')
  const before = await findUser(db, { id: userId })
  if (!before) throw problem('notFound', `No user ${userId}`)
  await db.$client.batch(
    [
      { sql: 'DELETE FROM identity_grants WHERE user_id = ? AND source = ?', args: [userId, source] },
      ...grantStatements(userId, grants, source),
    ],
    'write',
  )
  const after = (await findUser(db, { id: userId })) as User
  const key = (u: User) => u.grants.map((g) => `${g.role}:${g.dimension ?? ''}`).join(',')
  const changed = key(before) !== key(after)
  if (changed)
    await db.$client.batch(
      [
        { sql: 'UPDATE identity_users SET updated_at = ? WHERE id = ?', args: [now.toISOString(), userId] },
        { sql: 'DELETE FROM identity_sessions WHERE user_id = ?', args: [userId] },
      ],
      'write',
    )
  return { before, after, changed }
}

export async function setUserStatus(db: TenantDb, userId: string, status: User['status'], now: Date): Promise<User> {
  const user = await findUser(db, { id: userId })
  if (!user) throw problem('notFound', `No user ${userId}`)
  await db.$client.batch(
    [
      {
        sql: 'UPDATE identity_users SET status = ?, updated_at = ? WHERE id = ?',
        args: [status, now.toISOString(), userId],
      },
      ...(status === 'disabled'
        ? [{ sql: 'DELETE FROM identity_sessions WHERE user_id = ?', args: [userId] }, endLinksOf(userId, now)]
        : []),
    ],
    'write',
  )
  return (await findUser(db, { id: userId })) as User
}

export async function setPasswordHash(db: TenantDb, userId: string, passwordHash: string, now: Date): Promise<void> {
  await db.$client.batch(
    [
      {
        sql: 'UPDATE identity_users SET password_hash = ?, must_change_password = 0, updated_at = ? WHERE id = ?',
        args: [passwordHash, now.toISOString(), userId],
      },
      // A new password ends every existing session, and every link that could set another one.
      { sql: 'DELETE FROM identity_sessions WHERE user_id = ?', args: [userId] },
      endLinksOf(userId, now),
    ],
    'write',
  )
}

/** Marks every unused one-time link of an account as used: an older reset link must not undo a newer password. */
function endLinksOf(userId: string, now: Date) {
  return {
    sql: 'UPDATE identity_links SET used_at = ? WHERE user_id = ? AND used_at IS NULL',
    args: [now.toISOString(), userId],
  }
}
