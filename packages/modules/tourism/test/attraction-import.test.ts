import { applyImport, exportEntity, parseCsv, planImport, setModuleEnabled, toCsv } from '@cerdas/platform'
import { createTestPlatform, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import tourism from '../src/index'
import { withTourism } from './support'

const entity = tourism.admin?.entities.find((e) => e.id === 'attraction')
if (!entity) throw new Error('tourism declares no attraction console entity')

let t: TestPlatform
const ctxOf = async (slug: string) => {
  const tenant = await t.platform.tenantBySlug(slug)
  if (!tenant) throw new Error(slug)
  return t.platform.context(tenant, await t.platform.tenantDb(tenant.record), { actor: { kind: 'system', id: 'test' } })
}

beforeAll(async () => {
  t = await createTestPlatform({ modules: withTourism })
  await t.createTenant('toba', { template: 'toba' })
  await t.createTenant('samosir')
  await setModuleEnabled(t.platform, 'samosir', 'tourism', true, { kind: 'system', id: 'test' })
})
afterAll(() => t?.close())

describe('console import of attractions (CSV/XLSX)', () => {
  it("copies Toba's attractions into another tenant through a CSV export and import, fees and facilities included", async () => {
    const exported = await exportEntity(await ctxOf('toba'), entity)
    expect(exported).toHaveLength(6)
    // Every column goes back in, photos (`[]` here) included; only the ids are left for the new tenant to make.
    const sheet = exported
    const withoutIds = sheet.map((row, i) => (i === 0 ? row : ['', ...row.slice(1)]))
    const samosir = await ctxOf('samosir')
    const plan = await planImport(samosir, entity, parseCsv(toCsv(withoutIds)))
    expect(plan.rows.flatMap((r) => r.errors)).toEqual([])
    expect(await applyImport(samosir, entity, plan)).toEqual({ created: 5, updated: 0, unchanged: 0 })
    const copied = await exportEntity(samosir, entity)
    expect(copied.map((r) => r.slice(1)).sort()).toEqual(sheet.map((r) => r.slice(1)).sort())
    const res = await t.request('samosir.localhost', '/api/v1/tourism/attractions/pantai-lumban-bulbul')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ freeEntry: true, facilities: expect.arrayContaining(['prayer_room']) })
  })

  it('names the line and column of a bad cell and imports nothing', async () => {
    const ctx = await ctxOf('samosir')
    const header = ['id', 'name.id', 'category', 'kecamatan']
    const plan = await planImport(ctx, entity, [
      header,
      ['', 'Tempat baik', 'park', 'Simanindo'],
      ['', 'Tempat salah', 'kasino', ''],
    ])
    expect(plan.invalidRows).toBe(1)
    expect(plan.rows[1]).toMatchObject({ line: 3, errors: [{ field: 'category' }] })
    await expect(applyImport(ctx, entity, plan)).rejects.toThrow(/1 row\(s\) have errors/)
  })
})
