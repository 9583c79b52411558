import { createHash } from 'node:crypto'
import { type Actor, type AuditEntry, newId, type TenantDb } from '@cerdas/core'

/** The hash before the first entry of a log. */
export const GENESIS_HASH = '0'.repeat(64)

interface ChainedFields {
  id: string
  at: string
  actorKind: string
  actorId: string
  action: string
  entity: string
  entityId: string
  before: string | null
  after: string | null
  prevHash: string
}

/** SHA-256 over the entry's fields and the previous hash: editing or removing any entry breaks every later hash. */
export function entryHash(fields: ChainedFields): string {
  const canonical = JSON.stringify([
    fields.id,
    fields.at,
    fields.actorKind,
    fields.actorId,
    fields.action,
    fields.entity,
    fields.entityId,
    fields.before,
    fields.after,
    fields.prevHash,
  ])
  return createHash('sha256').update(canonical).digest('hex')
}

/** Appends queued per database client: writers of one process never race each other for the chain's head. */
const queues = new WeakMap<object, Promise<unknown>>()

function serialized<T>(key: object, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve()
  const run = previous.then(task, task)
  queues.set(
    key,
    run.catch(() => undefined),
  )
  return run
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Appends one entry to the tenant's audit log, chained to the last one. The
 * insert is conditional on the last hash still being the one read, in a single
 * statement, so concurrent writers (other processes, other connections) cannot
 * fork the chain; a writer that loses the race waits a random moment, reads
 * again and retries. Appends through one client are queued, so the writers of
 * a process do not race each other at all. No interactive transaction:
 * holding one open across awaits would stall other writers of the same process.
 */
export function appendAudit(db: TenantDb, actor: Actor | null, entry: AuditEntry, at: Date): Promise<void> {
  return serialized(db.$client, () => appendChained(db, actor, entry, at))
}

async function appendChained(db: TenantDb, actor: Actor | null, entry: AuditEntry, at: Date): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (attempt > 0) await pause(Math.random() * Math.min(100, 2 ** attempt))
    const last = await db.$client.execute('SELECT hash FROM cerdas_audit_log ORDER BY seq DESC LIMIT 1')
    const fields: ChainedFields = {
      id: newId('aud'),
      at: at.toISOString(),
      actorKind: actor?.kind ?? 'system',
      actorId: actor?.id ?? 'system',
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      prevHash: (last.rows[0]?.hash as string | undefined) ?? GENESIS_HASH,
    }
    const result = await db.$client.execute({
      sql: `INSERT INTO cerdas_audit_log (id, at, actor_kind, actor_id, action, entity, entity_id, before, after, prev_hash, hash)
        SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
        WHERE COALESCE((SELECT hash FROM cerdas_audit_log ORDER BY seq DESC LIMIT 1), ?) = ?`,
      args: [
        fields.id,
        fields.at,
        fields.actorKind,
        fields.actorId,
        fields.action,
        fields.entity,
        fields.entityId,
        fields.before,
        fields.after,
        fields.prevHash,
        entryHash(fields),
        GENESIS_HASH,
        fields.prevHash,
      ],
    })
    if (result.rowsAffected === 1) return
  }
  throw new Error('could not append to the audit log: too much contention')
}

export interface AuditVerification {
  ok: boolean
  entries: number
  /** The first entry whose stored hash or link does not match, when not ok. */
  brokenAt?: { seq: number; id: string; reason: string }
}

/** Recomputes the whole chain; any edited, inserted or removed entry shows up as a break. */
export async function verifyAuditChain(db: TenantDb): Promise<AuditVerification> {
  const rows = await db.$client.execute('SELECT * FROM cerdas_audit_log ORDER BY seq')
  let prev = GENESIS_HASH
  for (const r of rows.rows) {
    const fields: ChainedFields = {
      id: String(r.id),
      at: String(r.at),
      actorKind: String(r.actor_kind),
      actorId: String(r.actor_id),
      action: String(r.action),
      entity: String(r.entity),
      entityId: String(r.entity_id),
      before: (r.before as string | null) ?? null,
      after: (r.after as string | null) ?? null,
      prevHash: String(r.prev_hash),
    }
    const at = { seq: Number(r.seq), id: fields.id }
    if (fields.prevHash !== prev)
      return {
        ok: false,
        entries: rows.rows.length,
        brokenAt: { ...at, reason: 'link to the previous entry does not match' },
      }
    if (entryHash(fields) !== r.hash)
      return { ok: false, entries: rows.rows.length, brokenAt: { ...at, reason: 'content does not match its hash' } }
    prev = String(r.hash)
  }
  return { ok: true, entries: rows.rows.length }
}

export interface AuditRecord {
  seq: number
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

export interface AuditQuery {
  entity?: string | undefined
  entityId?: string | undefined
  actorId?: string | undefined
  action?: string | undefined
  /** Entries older than this sequence number (for paging back). */
  beforeSeq?: number | undefined
  limit?: number | undefined
}

export async function listAudit(db: TenantDb, query: AuditQuery = {}): Promise<AuditRecord[]> {
  const where: string[] = []
  const args: (string | number)[] = []
  const filters: [keyof AuditQuery, string][] = [
    ['entity', 'entity = ?'],
    ['entityId', 'entity_id = ?'],
    ['actorId', 'actor_id = ?'],
    ['action', 'action = ?'],
    ['beforeSeq', 'seq < ?'],
  ]
  for (const [key, clause] of filters) {
    const value = query[key]
    if (value === undefined || value === '') continue
    where.push(clause)
    args.push(value)
  }
  args.push(Math.min(Math.max(query.limit ?? 100, 1), 1000))
  const result = await db.$client.execute({
    sql: `SELECT * FROM cerdas_audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`,
    args,
  })
  return result.rows.map((r) => ({
    seq: Number(r.seq),
    id: String(r.id),
    at: String(r.at),
    actorKind: String(r.actor_kind),
    actorId: String(r.actor_id),
    action: String(r.action),
    entity: String(r.entity),
    entityId: String(r.entity_id),
    before: r.before === null ? null : JSON.parse(String(r.before)),
    after: r.after === null ? null : JSON.parse(String(r.after)),
  }))
}
