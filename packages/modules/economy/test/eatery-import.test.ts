import type { TenantContext } from '@cerdas/core'
import { applyImport, exportEntity, parseCsv, planImport } from '@cerdas/platform'
import { createTestPlatform, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import economy, { type Eatery, eatery } from '../src/index'

const admin = economy.admin?.entities.find((e) => e.id === 'eatery')
if (!admin) throw new Error('economy declares no eatery console entity')

let t: TestPlatform
let ctx: TenantContext

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('impor')
  const tenant = await t.platform.tenantBySlug('impor')
  if (!tenant) throw new Error('tenant missing')
  ctx = t.platform.context(tenant, await t.platform.tenantDb(tenant.record), { actor: { kind: 'system', id: 'test' } })
})
afterAll(() => t?.close())

const names = async () => (await eatery.list(ctx, { limit: 100 })).items.map((e) => e.name.id).sort()

describe('importing culinary places from a spreadsheet', () => {
  it('creates every row of a good CSV, with its halal statement and contacts', async () => {
    const csv = [
      'name.id;type;kecamatan;halal;halalCertificate;servesPork;contacts.whatsapp;coordinates.lat;coordinates.lon',
      'Lapo Impor;lapo;Balige;not_halal;;yes;;2.3345;99.0642',
      'RM Muslim Impor;rumah_makan;Porsea;certified;ID0000, BPJPH;no;+62 812 0000 1111;;',
    ].join('\r\n')
    const plan = await planImport(ctx, admin, parseCsv(csv))
    expect(plan.invalidRows).toBe(0)
    expect(await applyImport(ctx, admin, plan)).toMatchObject({ created: 2, updated: 0 })
    const muslim = (await eatery.list(ctx, { limit: 10, kecamatan: 'Porsea' })).items[0] as Eatery
    expect(muslim).toMatchObject({ halal: 'certified', halalCertificate: 'ID0000, BPJPH', servesPork: 'no' })
    expect(muslim.contacts.whatsapp).toBe('+62 812 0000 1111')
    // What was imported exports again under the same columns.
    const exported = await exportEntity(ctx, admin)
    expect(exported[0]).toEqual(expect.arrayContaining(['name.id', 'halal', 'servesPork', 'contacts.whatsapp']))
    expect(exported).toHaveLength(3)
  })

  it('reports a bad row by its line and field, and writes nothing, not even the good rows', async () => {
    const before = await names()
    const csv = [
      'name.id,type,halal,coordinates.lat,coordinates.lon',
      'Warung Baik,warung,unknown,,',
      'Warung Tertukar,warung,unknown,99.06,2.33',
      'Warung Jenis Salah,kedai,unknown,,',
    ].join('\n')
    const plan = await planImport(ctx, admin, parseCsv(csv))
    expect(plan.invalidRows).toBe(2)
    expect(plan.rows[1]?.line).toBe(3)
    expect(plan.rows[1]?.errors.map((e) => e.field)).toEqual(['coordinates.lat', 'coordinates.lon'])
    expect(plan.rows[2]).toMatchObject({ line: 4, errors: [expect.objectContaining({ field: 'type' })] })
    await expect(applyImport(ctx, admin, plan)).rejects.toMatchObject({ problem: { status: 422 } })
    expect(await names()).toEqual(before)
  })

  it('refuses the whole batch when one row contradicts itself at write time, keeping the stored records as they were', async () => {
    const [lapo] = (await eatery.list(ctx, { limit: 10, kecamatan: 'Balige' })).items as Eatery[]
    if (!lapo) throw new Error('lapo missing')
    const csv = [
      'id,name.id,type,halal,servesPork',
      `${lapo.id},Lapo Impor Diubah,lapo,not_halal,yes`,
      ',Warung Tanpa Sertifikat,warung,certified,no',
    ].join('\n')
    const plan = await planImport(ctx, admin, parseCsv(csv))
    // The certificate is checked against the whole record, so it is the write that refuses the row.
    expect(plan.invalidRows).toBe(0)
    const refused = await applyImport(ctx, admin, plan).catch((error: unknown) => error)
    expect(refused).toMatchObject({ problem: { status: 422 } })
    expect(JSON.stringify(refused)).toContain('halalCertificate')
    expect((await eatery.get(ctx, lapo.id)).name.id).toBe('Lapo Impor')
    expect(await names()).not.toContain('Warung Tanpa Sertifikat')
  })
})
