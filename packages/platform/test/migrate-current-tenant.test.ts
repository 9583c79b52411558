import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { getSchemaVersions, schemaIsCurrent, type TenantRecord } from '@cerdas/db'
import { collectClosedConnections } from '@cerdas/testing'
import { beforeAll, describe, expect, it } from 'vitest'
import { migrateAllTenants, migrateTenant, migrationSetsFor } from '../src/migrate-tenants'
import type { Platform } from '../src/platform'
import { createTenant } from '../src/provision-tenant'
import { testPlatform } from './support'

let platform: Platform

let record: TenantRecord

beforeAll(async () => {
  platform = await testPlatform()
  await createTenant(platform, { slug: 'dairi', template: 'kabupaten', seed: false })
  const resolved = await platform.tenantBySlug('dairi')
  if (!resolved) throw new Error('dairi missing')
  record = resolved.record
})

/** The control plane's schema-version rows of the tenant, with the time each was last written. */
async function recordedRows(): Promise<string[]> {
  const rows = await platform.controlPlane.$client.execute({
    sql: 'SELECT owner, version, updated_at FROM tenant_schema_versions WHERE tenant_id = ? ORDER BY owner',
    args: [record.id],
  })
  return rows.rows.map((r) => `${r.owner} ${r.version} ${r.updated_at}`)
}

describe('the migration check of a tenant whose schema is current', () => {
  it('is marked current once provisioned', async () => {
    const db = await platform.tenantDb(record)
    expect(await schemaIsCurrent(db.$client, migrationSetsFor(record, platform.modules))).toBe(true)
  })

  it('writes nothing to the control plane and reports the versions it holds', async () => {
    const before = await recordedRows()
    expect(before.length).toBeGreaterThan(0)
    await new Promise((resolve) => setTimeout(resolve, 5)) // a write now would carry a later updated_at
    const result = await migrateTenant(platform, record)
    expect(result).toMatchObject({ status: 'ok', applied: [] })
    expect(result.versions).toEqual(await getSchemaVersions(platform.controlPlane, record.id))
    expect(await recordedRows()).toEqual(before)
    const [all] = await migrateAllTenants(platform)
    expect(all).toMatchObject({ slug: 'dairi', status: 'ok', applied: [] })
    expect(await recordedRows()).toEqual(before)
  })

  it('records the versions again when the control plane lost them', async () => {
    await platform.controlPlane.$client.execute({
      sql: 'DELETE FROM tenant_schema_versions WHERE tenant_id = ?',
      args: [record.id],
    })
    const result = await migrateTenant(platform, record)
    expect(result.status).toBe('ok')
    expect(Object.keys(result.versions)).toContain('cerdas')
    expect(await getSchemaVersions(platform.controlPlane, record.id)).toEqual(result.versions)
  })

  it('opens no tenant database at start when their files are marked current', async () => {
    const dataDir = platform.options.dataDir
    platform.close()
    await collectClosedConnections() // the connections close for good, folding their WAL into the file
    const next = await testPlatform({ dataDir })
    const [result] = await migrateAllTenants(next)
    expect(result).toMatchObject({ slug: 'dairi', status: 'ok', applied: [] })
    expect(result?.versions).toEqual(await getSchemaVersions(next.controlPlane, record.id))
    expect(next.stats().openTenantDatabases).toBe(0)
    expect(existsSync(join(dataDir, 'tenants', 'dairi.db-wal'))).toBe(false)
  })
})
