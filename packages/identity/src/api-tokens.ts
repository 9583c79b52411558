import { type Grant, newId, problem, type TenantDb } from '@cerdas/core'
import { randomSecret, sha256 } from './secrets'

export interface ApiToken {
  id: string
  name: string
  grants: Grant[]
  createdBy: string
  createdAt: string
  expiresAt: string | null
  lastUsedAt: string | null
  revokedAt: string | null
}

/** Tokens carry a recognisable prefix so leaked ones can be found by secret scanners. */
const PREFIX = 'cerdas_'

function toToken(r: Record<string, unknown>): ApiToken {
  return {
    id: String(r.id),
    name: String(r.name),
    grants: JSON.parse(String(r.grants)) as Grant[],
    createdBy: String(r.created_by),
    createdAt: String(r.created_at),
    expiresAt: (r.expires_at as string | null) ?? null,
    lastUsedAt: (r.last_used_at as string | null) ?? null,
    revokedAt: (r.revoked_at as string | null) ?? null,
  }
}

/** Creates a scoped token for an integration; the secret is returned once and stored only hashed. */
export async function createApiToken(
  db: TenantDb,
  input: { name: string; grants: Grant[]; expiresAt?: string | null },
  createdBy: string,
  now: Date,
): Promise<{ token: ApiToken; secret: string }> {
  const id = newId('tok')
  const secret = `${PREFIX}${randomSecret()}`
  await db.$client.execute({
    sql: `INSERT INTO identity_api_tokens (id, name, token_hash, grants, created_by, created_at, expires_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`,
    args: [
      id,
      input.name,
      sha256(secret),
      JSON.stringify(input.grants),
      createdBy,
      now.toISOString(),
      input.expiresAt ?? null,
    ],
  })
  const token = (await listApiTokens(db)).find((t) => t.id === id) as ApiToken
  return { token, secret }
}

export async function listApiTokens(db: TenantDb): Promise<ApiToken[]> {
  const rows = await db.$client.execute('SELECT * FROM identity_api_tokens ORDER BY created_at DESC')
  return rows.rows.map((r) => toToken(r as Record<string, unknown>))
}

/** The live token behind a bearer secret, recording when it was last used (at most once a minute). */
export async function authenticateApiToken(db: TenantDb, secret: string, now: Date): Promise<ApiToken | undefined> {
  if (!secret.startsWith(PREFIX) || secret.length > 100) return undefined
  const row = (
    await db.$client.execute({ sql: 'SELECT * FROM identity_api_tokens WHERE token_hash = ?', args: [sha256(secret)] })
  ).rows[0]
  if (!row) return undefined
  const token = toToken(row as Record<string, unknown>)
  if (token.revokedAt || (token.expiresAt && Date.parse(token.expiresAt) <= now.getTime())) return undefined
  if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) > 60_000) {
    await db.$client.execute({
      sql: 'UPDATE identity_api_tokens SET last_used_at = ? WHERE id = ?',
      args: [now.toISOString(), token.id],
    })
  }
  return token
}

export async function revokeApiToken(db: TenantDb, id: string, now: Date): Promise<ApiToken> {
  const result = await db.$client.execute({
    sql: 'UPDATE identity_api_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?',
    args: [now.toISOString(), id],
  })
  if (result.rowsAffected === 0) throw problem('notFound', `No API token ${id}`)
  return (await listApiTokens(db)).find((t) => t.id === id) as ApiToken
}
