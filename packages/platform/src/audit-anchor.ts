import { randomBytes } from 'node:crypto'
import type { TenantDb } from '@cerdas/core'
import type { ControlPlane } from '@cerdas/db'

/**
 * What the control plane knows of a tenant's audit log, kept outside the
 * tenant database: the key entries are signed with (from `keyedFromSeq` on)
 * and the newest entry it has seen (`seq`, `hash`). With file access to the
 * tenant database alone, removing the newest entries or rewriting any entry
 * and recomputing the chain no longer verifies. See docs/architecture.md.
 */
export interface AuditAnchor {
  key: string
  keyedFromSeq: number
  seq: number
  hash: string
}

/** The newest entry of a log. */
export interface AuditHead {
  seq: number
  hash: string
}

const NO_HEAD: AuditHead = { seq: 0, hash: '' }

export async function auditHead(db: TenantDb): Promise<AuditHead> {
  const rows = await db.$client.execute('SELECT seq, hash FROM cerdas_audit_log ORDER BY seq DESC LIMIT 1')
  const row = rows.rows[0]
  return row ? { seq: Number(row.seq), hash: String(row.hash) } : NO_HEAD
}

/** The tenant's anchor, or undefined before its first write (or verification) under this scheme. */
export async function readAuditAnchor(controlPlane: ControlPlane, tenantId: string): Promise<AuditAnchor | undefined> {
  const rows = await controlPlane.$client.execute({
    sql: 'SELECT mac_key, keyed_from_seq, anchor_seq, anchor_hash FROM tenant_audit_anchors WHERE tenant_id = ?',
    args: [tenantId],
  })
  const row = rows.rows[0]
  if (!row) return undefined
  return {
    key: String(row.mac_key),
    keyedFromSeq: Number(row.keyed_from_seq),
    seq: Number(row.anchor_seq),
    hash: String(row.anchor_hash),
  }
}

/**
 * The tenant's anchor, created on first use: a new key for the entries to
 * come, and the log as it stands taken as the starting point (trust on first
 * use; a log that predates anchoring is vouched for from here on).
 */
export async function ensureAuditAnchor(
  controlPlane: ControlPlane,
  tenantId: string,
  db: TenantDb,
): Promise<AuditAnchor> {
  const existing = await readAuditAnchor(controlPlane, tenantId)
  if (existing) return existing
  const head = await auditHead(db)
  // Two processes may race here: the first insert wins and both read it back.
  await controlPlane.$client.execute({
    sql: `INSERT OR IGNORE INTO tenant_audit_anchors (tenant_id, mac_key, keyed_from_seq, anchor_seq, anchor_hash, updated_at)
      VALUES (?, ?, ?, ?, ?, ?)`,
    args: [tenantId, randomBytes(32).toString('hex'), head.seq + 1, head.seq, head.hash, new Date().toISOString()],
  })
  const created = await readAuditAnchor(controlPlane, tenantId)
  if (!created) throw new Error(`tenant ${tenantId} has no control-plane record`)
  return created
}

/** Moves the anchor forward to a newer head (never back: writers of several processes may finish out of order). */
export async function advanceAuditAnchor(controlPlane: ControlPlane, tenantId: string, head: AuditHead): Promise<void> {
  await controlPlane.$client.execute({
    sql: `UPDATE tenant_audit_anchors SET anchor_seq = ?, anchor_hash = ?, updated_at = ?
      WHERE tenant_id = ? AND anchor_seq < ?`,
    args: [head.seq, head.hash, new Date().toISOString(), tenantId, head.seq],
  })
}

/**
 * Takes a log that arrived from elsewhere (an import or a restored backup) as
 * the new starting point: its entries so far are vouched for by the anchor,
 * the ones to come are signed. The key stays, so running servers that hold it
 * keep signing correctly. The caller has checked the chain and records the event.
 */
export async function resetAuditAnchor(controlPlane: ControlPlane, tenantId: string, db: TenantDb): Promise<void> {
  const anchor = await ensureAuditAnchor(controlPlane, tenantId, db)
  const head = await auditHead(db)
  await controlPlane.$client.execute({
    sql: `UPDATE tenant_audit_anchors SET keyed_from_seq = ?, anchor_seq = ?, anchor_hash = ?, updated_at = ?
      WHERE tenant_id = ? AND mac_key = ?`,
    args: [head.seq + 1, head.seq, head.hash, new Date().toISOString(), tenantId, anchor.key],
  })
}
