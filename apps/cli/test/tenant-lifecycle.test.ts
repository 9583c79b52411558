import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TenantSummary } from '../src/commands/tenant-list'
import { STACK_TRACE, spawnCli, tempDataDir } from './support/run-cli'
import { openTenantFile, tableRows } from './support/tenant-db'

// One data directory for the file; the tests build on each other in order, as an operator would.
const dataDir = tempDataDir()
const env = { CERDAS_DATA_DIR: dataDir }
const cli = (...args: string[]) => spawnCli(args, env)

const listJson = async (): Promise<TenantSummary[]> => {
  const res = await cli('tenant', 'list', '--json')
  expect(res.code, res.stderr).toBe(0)
  return JSON.parse(res.stdout)
}

describe('cerdas tenant: create, list, export/import, backup/restore, remove', () => {
  beforeAll(async () => {
    const toba = await cli('tenant', 'create', 'toba', '--template', 'toba')
    expect(toba.code, toba.stderr).toBe(0)
    expect(toba.stdout).toContain('created tenant toba (Kabupaten Toba) from template toba')
    const samosir = await cli(
      'tenant',
      'create',
      'samosir',
      '--template',
      'kabupaten',
      '--name',
      'Kabupaten Samosir',
      '--host',
      'samosirkab.go.id',
    )
    expect(samosir.code, samosir.stderr).toBe(0)
  }, 60_000)
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('lists both tenants with hosts, template, modules and an up-to-date schema', async () => {
    const tenants = await listJson()
    expect(tenants.map((t) => t.slug)).toEqual(['samosir', 'toba'])
    const [samosir, toba] = tenants as [TenantSummary, TenantSummary]
    expect(toba).toMatchObject({ name: 'Kabupaten Toba', template: 'toba', hosts: ['toba.localhost'] })
    expect(samosir).toMatchObject({ name: 'Kabupaten Samosir', template: 'kabupaten' })
    expect(samosir.hosts).toEqual(['samosirkab.go.id', 'samosir.localhost'])
    for (const t of tenants) {
      expect(t.modules).toContain('announcements')
      expect(t.schema).toEqual({ upToDate: true, pending: [] })
    }
    const table = await cli('tenant', 'list')
    expect(table.code).toBe(0)
    expect(table.stdout.split('\n')[0]).toMatch(/^SLUG\s+NAME\s+HOSTS\s+TEMPLATE\s+MODULES\s+SCHEMA/)
    expect(table.stdout).toMatch(
      // Modules by id; others may join between them as templates enable them.
      /toba\s+Kabupaten Toba\s+toba\.localhost\s+toba\s+announcements,directory,[a-z,]*schedules,services,[a-z,]*transport,waste\s+up to date/,
    )
  }, 30_000)

  it('exports a tenant and imports it under a new slug with the same table contents', async () => {
    const file = join(dataDir, 'toba-export.json')
    const exported = await cli('tenant', 'export', 'toba', '--out', file)
    expect(exported.code, exported.stderr).toBe(0)
    expect(existsSync(file)).toBe(true)
    const imported = await cli('tenant', 'import', file, '--slug', 'toba-copy', '--host', 'copy.example.id')
    expect(imported.code, imported.stderr).toBe(0)
    expect(imported.stdout).toContain('imported toba as toba-copy')
    // Progress goes to stderr; not a terminal here, so plain lines.
    expect(imported.stderr).toContain('importing 3/3')

    const original = openTenantFile(dataDir, 'toba')
    const copy = openTenantFile(dataDir, 'toba-copy')
    try {
      for (const table of ['announcements_items', 'cerdas_audit_log']) {
        const rows = await tableRows(original, table)
        expect(rows.length, table).toBeGreaterThan(0)
        expect(await tableRows(copy, table), table).toEqual(rows)
      }
    } finally {
      original.close()
      copy.close()
    }
    const copyRecord = (await listJson()).find((t) => t.slug === 'toba-copy')
    expect(copyRecord?.hosts).toEqual(['copy.example.id', 'toba-copy.localhost'])
  }, 60_000)

  it('restores data changed after a backup, and only with confirmation', async () => {
    const backup = join(dataDir, 'toba-backup.db')
    const made = await cli('tenant', 'backup', 'toba', '--out', backup)
    expect(made.code, made.stderr).toBe(0)
    expect(made.stdout.trim()).toBe(backup)

    const db = openTenantFile(dataDir, 'toba')
    const before = await tableRows(db, 'announcements_items')
    await db.execute("UPDATE announcements_items SET title_id = 'diubah setelah cadangan'")
    await db.execute('DELETE FROM announcements_items WHERE rowid = (SELECT MIN(rowid) FROM announcements_items)')
    db.close()

    const refused = await cli('tenant', 'restore', 'toba', backup)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('stdin is not a terminal; add --yes')
    const stillChanged = openTenantFile(dataDir, 'toba')
    expect((await tableRows(stillChanged, 'announcements_items')).length).toBe(before.length - 1)
    stillChanged.close()

    const restored = await cli('tenant', 'restore', 'toba', backup, '--yes')
    expect(restored.code, restored.stderr).toBe(0)
    const after = openTenantFile(dataDir, 'toba')
    expect(await tableRows(after, 'announcements_items')).toEqual(before)
    after.close()
  }, 60_000)

  it('removes a tenant only after confirmation, then deletes its database', async () => {
    const refused = await cli('tenant', 'remove', 'toba-copy')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('without confirmation')
    expect(refused.stderr).not.toMatch(STACK_TRACE)
    expect(existsSync(join(dataDir, 'tenants', 'toba-copy.db'))).toBe(true)

    const removed = await cli('tenant', 'remove', 'toba-copy', '--yes')
    expect(removed.code, removed.stderr).toBe(0)
    expect(existsSync(join(dataDir, 'tenants', 'toba-copy.db'))).toBe(false)
    expect((await listJson()).map((t) => t.slug)).toEqual(['samosir', 'toba'])
  }, 60_000)
})
