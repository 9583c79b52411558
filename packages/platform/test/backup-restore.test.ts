import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { TenantDb } from '@cerdas/core'
import { closeDatabase, fileUrl, openDatabase } from '@cerdas/db'
import { createClient } from '@libsql/client'
import { beforeAll, describe, expect, it } from 'vitest'
import { readAuditAnchor } from '../src/audit-anchor'
import { chainedFieldsOf, entryHash, GENESIS_HASH } from '../src/audit-log'
import type { Platform } from '../src/platform'
import { createTenant } from '../src/provision-tenant'
import { backupTenant, restoreTenant } from '../src/tenant-backup'
import { tempDir, testPlatform } from './support'

let platform: Platform
let dataDir: string

async function tenantDb(): Promise<TenantDb> {
  const tenant = await platform.tenantBySlug('toba')
  if (!tenant) throw new Error('toba missing')
  return platform.tenantDb(tenant.record)
}

async function ids(db: TenantDb): Promise<string[]> {
  const rows = await db.$client.execute('SELECT id FROM announcements_items ORDER BY id')
  return rows.rows.map((r) => String(r.id))
}

let counter = 0
async function insert(db: TenantDb): Promise<string> {
  const id = `ann_test_${String(++counter).padStart(5, '0')}`
  await db.$client.execute({
    sql: `INSERT INTO announcements_items (id, title_id, body_id, category, publish_at, created_at, updated_at)
      VALUES (?, 'Uji', 'Isi', 'general', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
    args: [id],
  })
  return id
}

beforeAll(async () => {
  dataDir = tempDir()
  platform = await testPlatform({ dataDir })
  await createTenant(platform, { slug: 'toba', template: 'toba' })
})

describe('backup and restore', () => {
  it('takes a consistent backup while another connection writes, and restore brings that state back', async () => {
    const db = await tenantDb()
    const tenant = await platform.tenantBySlug('toba')
    // A second connection to the same file, as the CLI or another worker would have.
    const writer = await openDatabase({ url: platform.tenantDbUrl(tenant!.record) })
    try {
      const beforeBackup = [...(await ids(db)), await insert(writer), await insert(writer)]
      let writing = true
      const during: string[] = []
      const writes = (async () => {
        while (writing) during.push(await insert(writer))
      })()
      const target = join(dataDir, 'manual-backups', 'toba.db')
      const path = await backupTenant(platform, 'toba', { to: target })
      writing = false
      await writes
      expect(path).toBe(target)
      expect(during.length).toBeGreaterThan(0)
      const afterBackup = [await insert(writer), await insert(writer)]

      const backup = await openDatabase({ url: fileUrl(path) })
      const backedUp = await ids(backup)
      expect((await backup.$client.execute('PRAGMA integrity_check')).rows[0]?.[0]).toBe('ok')
      closeDatabase(backup)
      // Everything committed before the backup started is in it; nothing written after it ended.
      for (const id of beforeBackup) expect(backedUp).toContain(id)
      for (const id of afterBackup) expect(backedUp).not.toContain(id)
      // What it holds of the concurrent writes is a prefix: a consistent snapshot, not a torn copy.
      const included = during.filter((id) => backedUp.includes(id))
      expect(included).toEqual(during.slice(0, included.length))
      expect((await ids(db)).length).toBe(beforeBackup.length + during.length + afterBackup.length)

      closeDatabase(writer)
      await restoreTenant(platform, 'toba', path)
      expect(await ids(await tenantDb())).toEqual(backedUp)
      const files = await import('node:fs').then((fs) => fs.readdirSync(join(dataDir, 'tenants')))
      expect(files.some((f) => f.startsWith('toba.db.before-restore-'))).toBe(true)
    } finally {
      if (!writer.$client.closed) closeDatabase(writer)
    }
  })

  it('keeps working after a restore: writes land in the restored database', async () => {
    const db = await tenantDb()
    const before = await ids(db)
    const id = await insert(db)
    expect(await ids(await tenantDb())).toEqual([...before, id].sort())
  })

  it('a restored audit log verifies: the anchor starts again from it, and the lifecycle record keeps the one it replaced', async () => {
    const tenant = await platform.tenantBySlug('toba')
    if (!tenant) throw new Error('toba missing')
    const audited = async (entityId: string) => {
      const ctx = platform.context(tenant, await tenantDb(), { actor: { kind: 'cli', id: 'test' } })
      await ctx.transaction((tx) => tx.audit({ action: 'update', entity: 'test.thing', entityId }))
    }
    await audited('before-backup')
    const path = await backupTenant(platform, 'toba', { to: join(dataDir, 'manual-backups', 'audited.db') })
    await audited('after-backup-1')
    await audited('after-backup-2')
    const anchorBefore = await readAuditAnchor(platform.controlPlane, tenant.record.id)
    await restoreTenant(platform, 'toba', path)
    const db = await tenantDb()
    expect(await platform.verifyAudit(tenant.record.id, db)).toMatchObject({ ok: true })
    const events = await platform.controlPlane.$client.execute({
      sql: "SELECT detail FROM lifecycle_events WHERE tenant_id = ? AND kind = 'restored' ORDER BY at DESC LIMIT 1",
      args: [tenant.record.id],
    })
    const detail = JSON.parse(String(events.rows[0]?.detail))
    expect(detail.auditAnchorBefore).toEqual({ seq: anchorBefore?.seq, hash: anchorBefore?.hash })
    expect(detail.restoredAuditLog.ok).toBe(true)
    // Writes after the restore are signed and anchored as before.
    await audited('after-restore')
    expect(await platform.verifyAudit(tenant.record.id, db)).toMatchObject({ ok: true })
  })

  it('refuses a backup whose audit log was rewritten, with the hashes recomputed, and keeps the tenant as it was', async () => {
    const tenant = await platform.tenantBySlug('toba')
    if (!tenant) throw new Error('toba missing')
    const ctx = platform.context(tenant, await tenantDb(), { actor: { kind: 'cli', id: 'test' } })
    await ctx.transaction((tx) => tx.audit({ action: 'update', entity: 'test.thing', entityId: 'signed' }))
    const path = await backupTenant(platform, 'toba', { to: join(dataDir, 'manual-backups', 'tampered.db') })
    // Someone with the file: triggers gone, the newest entry's actor changed, every hash recomputed.
    const file = createClient({ url: fileUrl(path) })
    await file.execute('DROP TRIGGER IF EXISTS cerdas_audit_log_no_update')
    await file.execute(
      "UPDATE cerdas_audit_log SET actor_id = 'nobody' WHERE seq = (SELECT MAX(seq) FROM cerdas_audit_log)",
    )
    let prev = GENESIS_HASH
    for (const r of (await file.execute('SELECT * FROM cerdas_audit_log ORDER BY seq')).rows) {
      const hash = entryHash({ ...chainedFieldsOf(r), prevHash: prev })
      await file.execute({
        sql: 'UPDATE cerdas_audit_log SET prev_hash = ?, hash = ? WHERE seq = ?',
        args: [prev, hash, Number(r.seq)],
      })
      prev = hash
    }
    file.close()
    const before = await ids(await tenantDb())
    await expect(restoreTenant(platform, 'toba', path)).rejects.toThrow(/audit log .* does not verify/)
    expect(await ids(await tenantDb())).toEqual(before)
    expect(await platform.verifyAudit(tenant.record.id, await tenantDb())).toMatchObject({ ok: true })
  })

  it('refuses to overwrite an existing backup file', async () => {
    const target = join(dataDir, 'manual-backups', 'twice.db')
    await backupTenant(platform, 'toba', { to: target })
    await expect(backupTenant(platform, 'toba', { to: target })).rejects.toThrow(/already exists/)
  })

  it('refuses to restore from a file that is not a sound database, leaving the tenant as it was', async () => {
    const { writeFileSync } = await import('node:fs')
    const junk = join(dataDir, 'junk.db')
    writeFileSync(junk, 'this is not a database')
    const before = await ids(await tenantDb())
    await expect(restoreTenant(platform, 'toba', junk)).rejects.toThrow(/not a sound database/)
    await expect(restoreTenant(platform, 'toba', join(dataDir, 'missing.db'))).rejects.toThrow(/no backup at/)
    expect(await ids(await tenantDb())).toEqual(before)
    expect(existsSync(junk)).toBe(true)
  })
})
