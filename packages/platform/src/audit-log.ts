import { type Actor, type AuditEntry, newId, type TenantDb } from '@cerdas/core'

/** Appends one entry to the tenant's append-only audit log. */
export async function appendAudit(db: TenantDb, actor: Actor | null, entry: AuditEntry, at: Date): Promise<void> {
  await db.$client.execute({
    sql: `INSERT INTO cerdas_audit_log (id, at, actor_kind, actor_id, action, entity, entity_id, before, after)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [
      newId('aud'),
      at.toISOString(),
      actor?.kind ?? 'system',
      actor?.id ?? 'system',
      entry.action,
      entry.entity,
      entry.entityId,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
    ],
  })
}

export interface AuditRecord {
  id: string
  at: string
  actorKind: string
  actorId: string
  action: string
  entity: string
  entityId: string
  before: unknown
  after: unknown
}

export async function listAudit(db: TenantDb, options: { entity?: string; entityId?: string; limit?: number } = {}) {
  const where: string[] = []
  const args: string[] = []
  if (options.entity) {
    where.push('entity = ?')
    args.push(options.entity)
  }
  if (options.entityId) {
    where.push('entity_id = ?')
    args.push(options.entityId)
  }
  const result = await db.$client.execute({
    sql: `SELECT * FROM cerdas_audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ${Math.min(options.limit ?? 100, 1000)}`,
    args,
  })
  return result.rows.map(
    (r): AuditRecord => ({
      id: String(r.id),
      at: String(r.at),
      actorKind: String(r.actor_kind),
      actorId: String(r.actor_id),
      action: String(r.action),
      entity: String(r.entity),
      entityId: String(r.entity_id),
      before: r.before === null ? null : JSON.parse(String(r.before)),
      after: r.after === null ? null : JSON.parse(String(r.after)),
    }),
  )
}
