import { type Actor, type AuditEntry, newId } from '@cerdas/core'
import { findTenantBySlug, type TenantRecord } from '@cerdas/db'
import type { InStatement } from '@libsql/client'
import type { Platform } from './platform'
import { toTenantInfo } from './tenant-info'

/**
 * The audit trail of writes that live in the control plane (tenant profile,
 * mail settings, module enablement and settings). The tenant's audit log is
 * in another database, so one transaction cannot hold both: the change and
 * its entry are written together in one control-plane batch (`pending_audit`),
 * then the entry is moved into the tenant's log under the pending row's id and
 * deleted from the control plane. A crash between the two leaves the entry
 * pending, never lost; the tenant log skips an id it already has, so moving
 * again after a crash half-way through adds nothing twice.
 */

/** The actor as stored with a pending entry: who, not what they may do. */
const storedActor = (actor: Actor | null): Actor =>
  actor
    ? { kind: actor.kind, id: actor.id, ...(actor.name ? { name: actor.name } : {}) }
    : { kind: 'system', id: 'system' }

/** The insert of one pending audit entry, to put in the batch of the write it records. */
export function pendingAuditStatement(tenantId: string, actor: Actor | null, entry: AuditEntry, at = new Date()) {
  return {
    sql: `INSERT INTO pending_audit (id, tenant_id, at, actor, action, entity, entity_id, before, after)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [
      newId('aud'),
      tenantId,
      at.toISOString(),
      JSON.stringify(storedActor(actor)),
      entry.action,
      entry.entity,
      entry.entityId,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
    ],
  } satisfies InStatement
}

/**
 * Writes control-plane statements and their audit entry in one batch (all or
 * nothing), then moves the entry into the tenant's log. The write has
 * committed once the batch returns: a failed move is only logged, and the
 * entry waits for the next flush.
 */
export async function writeAudited(
  platform: Platform,
  record: TenantRecord,
  statements: InStatement[],
  actor: Actor | null,
  entry: AuditEntry,
): Promise<void> {
  await platform.controlPlane.$client.batch([...statements, pendingAuditStatement(record.id, actor, entry)], 'write')
  await flushPendingAudit(platform, record).catch((error: unknown) => {
    process.stderr.write(
      `${JSON.stringify({
        level: 'warn',
        time: new Date().toISOString(),
        msg: 'audit entry left pending',
        tenant: record.slug,
        error: String((error as Error)?.message ?? error),
      })}\n`,
    )
  })
}

/**
 * Moves the tenant's pending control-plane audit entries into its audit log,
 * oldest first, and returns how many were pending. Safe to repeat and to run
 * concurrently: an entry already in the log (same id) is skipped and deleted.
 * Called after each audited control-plane write and before the log is read
 * or verified, so nothing pending stays out of sight.
 */
export async function flushPendingAudit(platform: Platform, record: TenantRecord): Promise<number> {
  const pending = await platform.controlPlane.$client.execute({
    sql: 'SELECT * FROM pending_audit WHERE tenant_id = ? ORDER BY at, rowid',
    args: [record.id],
  })
  if (pending.rows.length === 0) return 0
  const db = await platform.tenantDb(record)
  const tenant = { record, info: toTenantInfo(record, platform.modules) }
  const entries: (AuditEntry & { id: string })[] = pending.rows.map((row) => ({
    id: String(row.id),
    at: String(row.at),
    actor: JSON.parse(String(row.actor)) as Actor,
    action: String(row.action),
    entity: String(row.entity),
    entityId: String(row.entity_id),
    ...(row.before === null ? {} : { before: JSON.parse(String(row.before)) }),
    ...(row.after === null ? {} : { after: JSON.parse(String(row.after)) }),
  }))
  // One transaction: each entry keeps its own actor and time, and is chained and signed like any other.
  await platform.context(tenant, db).transaction(async (tx) => {
    for (const entry of entries) await tx.audit(entry)
  })
  await platform.controlPlane.$client.execute({
    sql: `DELETE FROM pending_audit WHERE id IN (${entries.map(() => '?').join(', ')})`,
    args: entries.map((e) => e.id),
  })
  return pending.rows.length
}

/** {@link flushPendingAudit} for a tenant known by id (the audit screens and the CLI have the id at hand). */
export async function flushPendingAuditOf(platform: Platform, tenantId: string): Promise<number> {
  const row = await platform.controlPlane.$client.execute({
    sql: 'SELECT slug FROM tenants WHERE id = ?',
    args: [tenantId],
  })
  const slug = row.rows[0]?.slug
  if (typeof slug !== 'string') return 0
  const record = await findTenantBySlug(platform.controlPlane, slug)
  return record ? flushPendingAudit(platform, record) : 0
}
