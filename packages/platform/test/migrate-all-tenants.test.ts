import { join } from 'node:path'
import { defineModule } from '@cerdas/core'
import { getSchemaVersions, listTenants } from '@cerdas/db'
import { modules as registeredModules } from '@cerdas/registry'
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { migrateAllTenants, migrationStatus, type TenantMigrationResult } from '../src/migrate-tenants'
import type { Platform } from '../src/platform'
import { createTenant } from '../src/provision-tenant'
import { breakTenantDatabase, setTenantDbUrl, tempDir, testPlatform } from './support'

/** A module added after the tenants exist, so every tenant has migrations pending. */
const notes = defineModule({
  id: 'notes',
  dimension: 'society',
  title: { id: 'Catatan' },
  schema: { items: sqliteTable('notes_items', { id: text('id').primaryKey() }) },
  migrations: [
    { id: '0001_create', statements: ['CREATE TABLE notes_items (id TEXT PRIMARY KEY)'] },
    { id: '0002_body', statements: ['ALTER TABLE notes_items ADD COLUMN body TEXT'] },
  ],
})

const SLUGS = ['dairi', 'humbahas', 'samosir']
let dataDir: string
let platform: Platform
let brokenUrl: string

const bySlug = (results: TenantMigrationResult[]) => Object.fromEntries(results.map((r) => [r.slug, r]))

beforeAll(async () => {
  dataDir = tempDir()
  const first = await testPlatform({ dataDir })
  for (const slug of SLUGS) await createTenant(first, { slug, template: 'kabupaten' })
  for (const tenant of await listTenants(first.controlPlane)) {
    await first.controlPlane.$client.execute({
      sql: "INSERT INTO tenant_modules (tenant_id, module_id, enabled, settings) VALUES (?, 'notes', 1, '{}')",
      args: [tenant.id],
    })
  }
  first.close()
  platform = await testPlatform({ dataDir, modules: [...registeredModules, notes] })
  brokenUrl = await breakTenantDatabase(platform, 'humbahas', join(dataDir, 'not-a-database'))
})

describe('migrateAllTenants', () => {
  it('reports the broken tenant and migrates the others', async () => {
    const progress: [number, number, string][] = []
    const results = bySlug(
      await migrateAllTenants(platform, {
        concurrency: 2,
        onProgress: (done, total, r) => progress.push([done, total, r.slug]),
      }),
    )
    expect(Object.keys(results).sort()).toEqual(SLUGS)
    expect(results.humbahas?.status).toBe('failed')
    expect(results.humbahas?.error).toBeTruthy()
    for (const slug of ['dairi', 'samosir']) {
      expect(results[slug]?.status).toBe('ok')
      expect(results[slug]?.applied).toEqual([
        { owner: 'notes', id: '0001_create' },
        { owner: 'notes', id: '0002_body' },
      ])
      expect(results[slug]?.versions.notes).toBe('0002_body')
    }
    expect(progress.map(([done, total]) => [done, total])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ])
    const status = Object.fromEntries((await migrationStatus(platform)).map((s) => [s.slug, s]))
    expect(status.dairi?.upToDate).toBe(true)
    expect(status.humbahas?.upToDate).toBe(false)
  })

  it('records the schema versions of migrated tenants in the control plane', async () => {
    const tenants = Object.fromEntries((await listTenants(platform.controlPlane)).map((t) => [t.slug, t.id]))
    expect((await getSchemaVersions(platform.controlPlane, tenants.dairi!)).notes).toBe('0002_body')
    expect((await getSchemaVersions(platform.controlPlane, tenants.humbahas!)).notes).toBeUndefined()
  })

  it('after the fix, a re-run migrates only the repaired tenant', async () => {
    await setTenantDbUrl(platform, 'humbahas', brokenUrl)
    const results = bySlug(await migrateAllTenants(platform))
    expect(results.humbahas).toMatchObject({ status: 'ok' })
    expect(results.humbahas?.applied.map((m) => `${m.owner}/${m.id}`)).toEqual(['notes/0001_create', 'notes/0002_body'])
    expect(results.dairi?.applied).toEqual([])
    expect(results.samosir?.applied).toEqual([])
    expect((await migrationStatus(platform)).every((s) => s.upToDate && s.pending.length === 0)).toBe(true)
    // And a further run has nothing to do anywhere.
    expect((await migrateAllTenants(platform)).flatMap((r) => r.applied)).toEqual([])
  })
})
