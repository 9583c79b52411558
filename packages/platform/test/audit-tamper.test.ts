import type { TenantDb } from '@cerdas/core'
import { beforeEach, describe, expect, it } from 'vitest'
import { auditHead, readAuditAnchor } from '../src/audit-anchor'
import { appendAudit, chainedFieldsOf, entryHash, GENESIS_HASH } from '../src/audit-log'
import type { Platform } from '../src/platform'
import { createTenant } from '../src/provision-tenant'
import { testPlatform } from './support'

/**
 * Someone with write access to a tenant's database file (but not to the
 * control plane) tries to hide what happened: each way must be detected.
 */
let platform: Platform
let db: TenantDb
let tenantId: string
let slugSeq = 0

async function write(count: number) {
  const tenant = await platform.tenantBySlug(slug())
  if (!tenant) throw new Error('tenant missing')
  const ctx = platform.context(tenant, db, { actor: { kind: 'cli', id: 'test' } })
  for (let i = 0; i < count; i++)
    await ctx.transaction((tx) => tx.audit({ action: 'update', entity: 'test.thing', entityId: `t${i}`, after: { i } }))
}

const slug = () => `tamper${slugSeq}`
const verify = () => platform.verifyAudit(tenantId, db)

/** The attacker's first step: the append-only triggers are only in the file they control. */
async function dropTriggers() {
  await db.$client.execute('DROP TRIGGER IF EXISTS cerdas_audit_log_no_update')
  await db.$client.execute('DROP TRIGGER IF EXISTS cerdas_audit_log_no_delete')
}

/** Rewrites entry `seq` and recomputes every hash after it, as a careful attacker would. */
async function rewriteAndRecompute(seq: number, after: unknown) {
  await dropTriggers()
  await db.$client.execute({
    sql: 'UPDATE cerdas_audit_log SET after = ? WHERE seq = ?',
    args: [JSON.stringify(after), seq],
  })
  const rows = await db.$client.execute('SELECT * FROM cerdas_audit_log ORDER BY seq')
  let prev = GENESIS_HASH
  for (const r of rows.rows) {
    const fields = { ...chainedFieldsOf(r), prevHash: prev }
    const hash = entryHash(fields)
    await db.$client.execute({
      sql: 'UPDATE cerdas_audit_log SET prev_hash = ?, hash = ? WHERE seq = ?',
      args: [prev, hash, Number(r.seq)],
    })
    prev = hash
  }
}

beforeEach(async () => {
  platform ??= await testPlatform()
  slugSeq++
  await createTenant(platform, { slug: slug(), template: 'kabupaten', name: `Kabupaten ${slug()}` })
  const tenant = await platform.tenantBySlug(slug())
  if (!tenant) throw new Error('tenant missing')
  tenantId = tenant.record.id
  db = await platform.tenantDb(tenant.record)
  await write(6)
})

describe('the audit log, checked against what the control plane keeps', () => {
  it('an untouched log verifies; its head is anchored and every entry signed', async () => {
    const result = await verify()
    expect(result.ok).toBe(true)
    const head = await auditHead(db)
    expect(await readAuditAnchor(platform.controlPlane, tenantId)).toMatchObject({ seq: head.seq, hash: head.hash })
    const unsigned = await db.$client.execute('SELECT COUNT(*) AS n FROM cerdas_audit_log WHERE mac IS NULL')
    expect(Number(unsigned.rows[0]?.n)).toBe(0)
  })

  it('detects the newest entries removed (truncation)', async () => {
    const head = await auditHead(db)
    await dropTriggers()
    await db.$client.execute({ sql: 'DELETE FROM cerdas_audit_log WHERE seq > ?', args: [head.seq - 2] })
    const result = await verify()
    expect(result.ok).toBe(false)
    expect(result.brokenAt?.seq).toBe(head.seq)
    expect(result.brokenAt?.reason).toMatch(/missing/)
  })

  it('detects an entry rewritten with the whole chain recomputed', async () => {
    const head = await auditHead(db)
    await rewriteAndRecompute(head.seq - 3, { i: 'nothing happened' })
    const result = await verify()
    expect(result.ok).toBe(false)
    expect(result.brokenAt?.seq).toBe(head.seq - 3)
    expect(result.brokenAt?.reason).toMatch(/signature/)
  })

  it('detects a rewrite that also strips the signatures', async () => {
    const head = await auditHead(db)
    await rewriteAndRecompute(head.seq - 1, { i: 'nothing happened' })
    await db.$client.execute('UPDATE cerdas_audit_log SET mac = NULL')
    const result = await verify()
    expect(result.ok).toBe(false)
    expect(result.brokenAt?.reason).toMatch(/signature/)
  })

  it('detects entries forged after the head with a made-up signature', async () => {
    await dropTriggers()
    await appendAudit(db, null, { action: 'delete', entity: 'test.thing', entityId: 'x' }, new Date(), 'ab'.repeat(32))
    const result = await verify()
    expect(result.ok).toBe(false)
    expect(result.brokenAt?.reason).toMatch(/signature/)
  })

  it('a log written before anchoring is vouched for by the anchor: rewriting it with recomputed hashes shows', async () => {
    // As an upgraded tenant: entries without signatures, then the anchor taken on first use.
    await platform.controlPlane.$client.execute({
      sql: 'DELETE FROM tenant_audit_anchors WHERE tenant_id = ?',
      args: [tenantId],
    })
    await dropTriggers()
    await db.$client.execute('UPDATE cerdas_audit_log SET mac = NULL')
    await platform.controlPlane.$client.execute({
      sql: `INSERT INTO tenant_audit_anchors (tenant_id, mac_key, keyed_from_seq, anchor_seq, anchor_hash, updated_at)
        SELECT ?, ?, ?, ?, ?, ?`,
      args: [
        tenantId,
        'cd'.repeat(32),
        (await auditHead(db)).seq + 1,
        (await auditHead(db)).seq,
        (await auditHead(db)).hash,
        '',
      ],
    })
    expect((await verify()).ok).toBe(true)
    await rewriteAndRecompute(2, { i: 'rewritten' })
    const result = await verify()
    expect(result.ok).toBe(false)
    expect(result.brokenAt?.reason).toMatch(/recorded outside/)
  })

  it('a plain edit without recomputing is caught by the chain itself', async () => {
    await dropTriggers()
    await db.$client.execute("UPDATE cerdas_audit_log SET action = 'view' WHERE seq = 3")
    const result = await verify()
    expect(result).toMatchObject({ ok: false, brokenAt: { seq: 3, reason: 'content does not match its hash' } })
  })
})
