import { createHash, randomBytes } from 'node:crypto'
import { newId, problem } from '@cerdas/core'
import type { ControlPlane } from '@cerdas/db'

/**
 * Platform operators act on every tenant (as tenant admin) with a token kept
 * in the control plane, hashed. Tenant accounts and tokens live in each
 * tenant's own database instead.
 */
const PREFIX = 'cerdas_op_'

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex')

export interface OperatorToken {
  id: string
  name: string
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

/**
 * Creates an operator token. The secret is generated unless given (e.g. from
 * a secret manager); it is returned once and stored only as a hash.
 */
export async function createOperatorToken(
  cp: ControlPlane,
  input: { name: string; secret?: string | undefined },
): Promise<{ id: string; secret: string }> {
  const secret = input.secret ?? `${PREFIX}${randomBytes(32).toString('base64url')}`
  if (!secret.startsWith(PREFIX) || secret.length < PREFIX.length + 32) {
    throw problem('validation', `An operator token starts with ${PREFIX} and has at least 32 characters after it.`)
  }
  const id = newId('opt')
  await cp.$client.execute({
    sql: 'INSERT INTO operator_tokens (id, name, token_hash, created_at) VALUES (?, ?, ?, ?)',
    args: [id, input.name, hash(secret), new Date().toISOString()],
  })
  return { id, secret }
}

/** The live operator token behind a bearer secret, if any. */
export async function authenticateOperatorToken(cp: ControlPlane, secret: string): Promise<OperatorToken | undefined> {
  if (!secret.startsWith(PREFIX) || secret.length > 200) return undefined
  const row = (
    await cp.$client.execute({
      sql: 'SELECT * FROM operator_tokens WHERE token_hash = ? AND revoked_at IS NULL',
      args: [hash(secret)],
    })
  ).rows[0]
  if (!row) return undefined
  const now = new Date()
  if (!row.last_used_at || now.getTime() - Date.parse(String(row.last_used_at)) > 60_000) {
    await cp.$client.execute({
      sql: 'UPDATE operator_tokens SET last_used_at = ? WHERE id = ?',
      args: [now.toISOString(), String(row.id)],
    })
  }
  return {
    id: String(row.id),
    name: String(row.name),
    createdAt: String(row.created_at),
    lastUsedAt: (row.last_used_at as string | null) ?? null,
    revokedAt: null,
  }
}

export async function listOperatorTokens(cp: ControlPlane): Promise<OperatorToken[]> {
  const rows = await cp.$client.execute('SELECT * FROM operator_tokens ORDER BY created_at')
  return rows.rows.map((r) => ({
    id: String(r.id),
    name: String(r.name),
    createdAt: String(r.created_at),
    lastUsedAt: (r.last_used_at as string | null) ?? null,
    revokedAt: (r.revoked_at as string | null) ?? null,
  }))
}

export async function revokeOperatorToken(cp: ControlPlane, id: string): Promise<void> {
  const result = await cp.$client.execute({
    sql: 'UPDATE operator_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?',
    args: [new Date().toISOString(), id],
  })
  if (result.rowsAffected === 0) throw problem('notFound', `No operator token ${id}`)
}
