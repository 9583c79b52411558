import { createHash, createHmac } from 'node:crypto'
import { type Actor, type AuditEntry, newId, type TenantDb } from '@cerdas/core'
import { inTransaction, withTransaction } from '@cerdas/db'
import type { Row } from '@libsql/client'
import { type AuditAnchor, type AuditHead, auditHead } from './audit-anchor'

/** The hash before the first entry of a log. */
export const GENESIS_HASH = '0'.repeat(64)

export interface ChainedFields {
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

/** The chained fields of a stored entry (a row of `cerdas_audit_log`). */
export function chainedFieldsOf(r: Row): ChainedFields {
  return {
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
}

/** SHA-256 over the entry's fields and the previous hash: editing or removing any entry breaks every later hash. */
export function entryHash(fields: ChainedFields): string {
  return createHash('sha256')
    .update(JSON.stringify(chainedValues(fields)))
    .digest('hex')
}

/** The chained fields in their one order: hashed in it, and stored in it (the insert's first columns). */
function chainedValues(f: ChainedFields): (string | null)[] {
  return [f.id, f.at, f.actorKind, f.actorId, f.action, f.entity, f.entityId, f.before, f.after, f.prevHash]
}

/** The entry's hash keyed with the tenant's secret: only a holder of the key can sign a rewritten entry. */
export function entryMac(key: string, hash: string): string {
  return createHmac('sha256', Buffer.from(key, 'hex')).update(hash).digest('hex')
}

/**
 * The chain's head as the transaction holding a handle last wrote it: the transaction holds the
 * write lock and this is the log's only writer, so the head need not be read again for every
 * entry of a batch.
 */
const writtenHeads = new WeakMap<TenantDb, AuditHead>()

/**
 * Appends one entry to the tenant's audit log, chained to the last one and,
 * with a key, signed. Inside a write transaction (see `withTransaction`),
 * which holds the database's write lock, so no other writer, in this process
 * or another, can fork the chain; called with a plain handle it opens its own.
 * An entry with an `id` already in the log is skipped (a retried move of
 * pending entries), and null is returned.
 */
export async function appendAudit(
  db: TenantDb,
  actor: Actor | null,
  entry: AuditEntry,
  at: Date,
  key?: string | undefined,
): Promise<AuditHead | null> {
  if (!inTransaction(db)) return withTransaction(db, (tx) => appendAudit(tx, actor, entry, at, key))
  if (entry.id) {
    const seen = await db.$client.execute({ sql: 'SELECT 1 FROM cerdas_audit_log WHERE id = ?', args: [entry.id] })
    if (seen.rows.length > 0) return null
  }
  const last = writtenHeads.get(db) ?? (await auditHead(db))
  const fields = chainedFieldsFor(entry, actor, at, last.seq === 0 ? GENESIS_HASH : last.hash)
  const hash = entryHash(fields)
  const inserted = await db.$client.execute({
    sql: `INSERT INTO cerdas_audit_log (${AUDIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
    args: [...chainedValues(fields), hash, key ? entryMac(key, hash) : null],
  })
  const head = { seq: Number(inserted.rows[0]?.seq), hash }
  writtenHeads.set(db, head)
  return head
}

/**
 * Appends entries in their order, chained and signed as {@link appendAudit} would append them
 * one after another, in one statement: what a write of many records leaves. Entries moved in
 * from elsewhere (with an `id`) go one by one, to be skipped when already in the log.
 * @example await appendAuditEntries(tx, actor, [{ entry, at: new Date() }], key)
 */
export async function appendAuditEntries(
  db: TenantDb,
  actor: Actor | null,
  entries: readonly { entry: AuditEntry; at: Date }[],
  key?: string | undefined,
): Promise<AuditHead | null> {
  if (entries.length === 0) return null
  if (!inTransaction(db)) return withTransaction(db, (tx) => appendAuditEntries(tx, actor, entries, key))
  if (entries.some(({ entry }) => entry.id)) {
    let head: AuditHead | null = null
    for (const { entry, at } of entries) head = (await appendAudit(db, actor, entry, at, key)) ?? head
    return head
  }
  const last = writtenHeads.get(db) ?? (await auditHead(db))
  let hash = last.seq === 0 ? GENESIS_HASH : last.hash
  const rows = entries.map(({ entry, at }) => {
    const fields = chainedFieldsFor(entry, actor, at, hash)
    hash = entryHash(fields)
    return [...chainedValues(fields), hash, key ? entryMac(key, hash) : null]
  })
  const values = AUDIT_COLUMNS.split(', ').map((_, i) => `json_extract(value, '$[${i}]')`)
  const inserted = await db.$client.execute({
    sql: `INSERT INTO cerdas_audit_log (${AUDIT_COLUMNS}) SELECT ${values.join(', ')} FROM json_each(?) ORDER BY key RETURNING seq`,
    args: [JSON.stringify(rows)],
  })
  const head = { seq: Math.max(...inserted.rows.map((row) => Number(row.seq))), hash }
  writtenHeads.set(db, head)
  return head
}

const AUDIT_COLUMNS = 'id, at, actor_kind, actor_id, action, entity, entity_id, before, after, prev_hash, hash, mac'

/** The chained fields of a new entry, after the entry whose hash is `prevHash`. */
function chainedFieldsFor(entry: AuditEntry, actor: Actor | null, at: Date, prevHash: string): ChainedFields {
  const who = entry.actor ?? actor
  return {
    id: entry.id ?? newId('aud'),
    at: at.toISOString(),
    actorKind: who?.kind ?? 'system',
    actorId: who?.id ?? 'system',
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    prevHash,
  }
}

export interface AuditVerification {
  ok: boolean
  entries: number
  /** The first entry whose stored hash, link or signature does not match, when not ok. */
  brokenAt?: { seq: number; id: string; reason: string }
}

/**
 * Recomputes the whole chain: any edited, inserted or removed entry shows up
 * as a break. With the tenant's anchor from the control plane it also finds
 * entries rewritten with their hashes recomputed (signature) and the newest
 * entries removed (the anchored entry is missing or differs).
 */
export async function verifyAuditChain(db: TenantDb, anchor?: AuditAnchor): Promise<AuditVerification> {
  const rows = await db.$client.execute('SELECT * FROM cerdas_audit_log ORDER BY seq')
  const entries = rows.rows.length
  const broken = (seq: number, id: string, reason: string): AuditVerification => ({
    ok: false,
    entries,
    brokenAt: { seq, id, reason },
  })
  let prev = GENESIS_HASH
  let anchored: { id: string; hash: string } | undefined
  for (const r of rows.rows) {
    const fields = chainedFieldsOf(r)
    const seq = Number(r.seq)
    if (fields.prevHash !== prev) return broken(seq, fields.id, 'link to the previous entry does not match')
    if (entryHash(fields) !== r.hash) return broken(seq, fields.id, 'content does not match its hash')
    if (anchor && seq >= anchor.keyedFromSeq && r.mac !== entryMac(anchor.key, String(r.hash)))
      return broken(seq, fields.id, 'signature does not match: the entry was rewritten or added outside Cerdas')
    if (anchor && seq === anchor.seq) anchored = { id: fields.id, hash: String(r.hash) }
    prev = String(r.hash)
  }
  if (anchor && anchor.seq > 0) {
    if (!anchored)
      return broken(anchor.seq, '', `entries up to #${anchor.seq}, recorded outside the tenant database, are missing`)
    if (anchored.hash !== anchor.hash)
      return broken(anchor.seq, anchored.id, 'differs from the hash recorded outside the tenant database')
  }
  return { ok: true, entries }
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
  /** Only entries of these modules' entities (`directory` of `directory.office`). */
  modules?: readonly string[] | undefined
  /**
   * With `modules`: entities whose records follow their owner's team (ADR 0110), each counted as
   * the module its entry names at `path` (`$.owner.module` of a schedule), not its own.
   */
  owned?: readonly { entity: string; path: string; by?: 'module' | 'dimension' | undefined }[] | undefined
  /** With `owned`: the dimensions whose entries of records naming their team (`by: 'dimension'`) are read. */
  dimensions?: readonly string[] | undefined
}

export async function listAudit(db: TenantDb, query: AuditQuery = {}): Promise<AuditRecord[]> {
  const where: string[] = []
  const args: (string | number)[] = []
  if (query.modules) {
    const among = `IN (${query.modules.map(() => '?').join(', ') || 'NULL'})`
    const owned = query.owned ?? []
    const own = owned.length ? ` AND entity NOT IN (${owned.map(() => '?').join(', ')})` : ''
    const dimensions = `IN (${(query.dimensions ?? []).map(() => '?').join(', ') || 'NULL'})`
    const byOwner = owned.map(
      (o) =>
        ` OR (entity = ? AND json_extract(coalesce(after, before), ?) ${o.by === 'dimension' ? dimensions : among})`,
    )
    where.push(`((substr(entity, 1, instr(entity || '.', '.') - 1) ${among}${own})${byOwner.join('')})`)
    args.push(...query.modules, ...owned.map((o) => o.entity))
    for (const o of owned)
      args.push(o.entity, o.path, ...(o.by === 'dimension' ? (query.dimensions ?? []) : query.modules))
  }
  const filters: [Exclude<keyof AuditQuery, 'modules' | 'owned' | 'dimensions'>, string][] = [
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
