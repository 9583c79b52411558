import { isProblemError } from '@cerdas/core'
import { findTenantBySlug } from '@cerdas/db'
import { beforeAll, describe, expect, it } from 'vitest'
import { listAudit } from '../src/audit-log'
import type { Platform } from '../src/platform'
import { createTenant } from '../src/provision-tenant'
import { exportTenant, importTenant, type TenantExport } from '../src/tenant-export'
import { testPlatform } from './support'

let platform: Platform
let original: TenantExport

async function searchRows(slug: string) {
  const tenant = await platform.tenantBySlug(slug)
  if (!tenant) throw new Error(`no tenant ${slug}`)
  const db = await platform.tenantDb(tenant.record)
  const rows = await db.$client.execute(
    'SELECT id, module, kind, url, title_id, title_en FROM cerdas_search_documents ORDER BY id',
  )
  return rows.rows.map((r) => ({ ...r }))
}

beforeAll(async () => {
  platform = await testPlatform()
  await createTenant(platform, { slug: 'toba', template: 'toba' })
  // A write the template did not make: verified by a person, with its audit entry.
  const tenant = await platform.tenantBySlug('toba')
  if (!tenant) throw new Error('toba missing')
  const db = await platform.tenantDb(tenant.record)
  const ctx = platform.context(tenant, db, { actor: { kind: 'user', id: 'usr_1', name: 'Editor Toba' } })
  await ctx.audit({ action: 'verify', entity: 'announcements.announcement', entityId: 'ann_x', after: { ok: true } })
  await db.$client.execute(
    "UPDATE announcements_items SET verified_at = '2026-11-01T00:00:00.000Z', verified_by = 'Editor Toba' WHERE rowid = 1",
  )
  original = await exportTenant(platform, 'toba')
})

describe('tenant export → import', () => {
  it('exports every module table and the audit log, not derived tables', () => {
    expect(original.format).toBe('cerdas-tenant-export')
    expect(Object.keys(original.tables)).toEqual(expect.arrayContaining(['announcements_items', 'cerdas_audit_log']))
    expect(Object.keys(original.tables).some((name) => name.startsWith('cerdas_search'))).toBe(false)
    expect(Object.keys(original.tables)).not.toContain('cerdas_migrations')
    expect(original.tables.announcements_items?.rows).toHaveLength(3)
    expect(original.tenant.slug).toBe('toba')
    expect(original.tenant.hosts).toEqual(['toba.localhost'])
  })

  it('round-trips losslessly through JSON under another slug', async () => {
    const json = JSON.parse(JSON.stringify(original))
    await importTenant(platform, json, { slug: 'toba-copy' })
    const copy = await exportTenant(platform, 'toba-copy')
    expect(copy.tables).toEqual(original.tables)
    const { slug, hosts, ...rest } = copy.tenant
    const { slug: _s, hosts: _h, ...originalRest } = original.tenant
    expect(rest).toEqual(originalRest)
    expect(slug).toBe('toba-copy')
    expect(hosts).toEqual(['toba-copy.localhost'])
    // The search index is rebuilt from the imported rows.
    expect(await searchRows('toba-copy')).toEqual(await searchRows('toba'))
    expect((await searchRows('toba-copy')).length).toBeGreaterThanOrEqual(3)
  })

  it('keeps the audit log entries with who and when', async () => {
    const tenant = await platform.tenantBySlug('toba-copy')
    const db = await platform.tenantDb(tenant!.record)
    const [latest] = await listAudit(db, { entityId: 'ann_x' })
    expect(latest).toMatchObject({ action: 'verify', actorKind: 'user', actorId: 'usr_1', after: { ok: true } })
  })

  it('refuses a file that is not an export, creating nothing', async () => {
    const bad = { ...JSON.parse(JSON.stringify(original)), format: 'something-else' }
    await expect(importTenant(platform, bad, { slug: 'toba-bad' })).rejects.toSatisfy(isProblemError)
    expect(await findTenantBySlug(platform.controlPlane, 'toba-bad')).toBeUndefined()
  })

  it('refuses a table outside the schema and removes the half-made tenant, so a fixed file imports', async () => {
    const bad = JSON.parse(JSON.stringify(original)) as TenantExport
    bad.tables.evil_table = { columns: ['id'], rows: [['x']] }
    await expect(importTenant(platform, bad, { slug: 'toba-retry' })).rejects.toThrow(/evil_table/)
    expect(await findTenantBySlug(platform.controlPlane, 'toba-retry')).toBeUndefined()
    await importTenant(platform, JSON.parse(JSON.stringify(original)), { slug: 'toba-retry' })
    expect((await exportTenant(platform, 'toba-retry')).tables).toEqual(original.tables)
  })

  it('refuses a row with the wrong number of values', async () => {
    const bad = JSON.parse(JSON.stringify(original)) as TenantExport
    bad.tables.announcements_items?.rows[0]?.pop()
    await expect(importTenant(platform, bad, { slug: 'toba-short' })).rejects.toThrow(/values for \d+ columns/)
    expect(await findTenantBySlug(platform.controlPlane, 'toba-short')).toBeUndefined()
  })
})
