import { createTestPlatform, expectProblem, TEST_OPERATOR_TOKEN, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import directory, { officeTypeCounts } from '../src/index'

const HOST = 'toba.localhost'
let t: TestPlatform

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('toba', { template: 'toba', name: 'Kabupaten Toba' })
})
afterAll(() => t.close())

describe('what the directory pages rely on', () => {
  it('says how many offices it could not tell about when listing those open now', async () => {
    // Monday 11 January 2027, 09:00 WIB: the template's Disdukcapil hours are open; the other offices have none yet.
    const res = await t.request(
      HOST,
      `/api/v1/directory/offices/open-now?at=${encodeURIComponent('2027-01-11T09:00:00+07:00')}`,
    )
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      items: { office: { slug: string } }[]
      closed: unknown[]
      withoutHours: number
    }
    expect(body.items.map((i) => i.office.slug)).toEqual(['disdukcapil'])
    expect(body.withoutHours).toBe(9)
    const sunday = (await (
      await t.request(HOST, `/api/v1/directory/offices/open-now?at=${encodeURIComponent('2027-01-10T09:00:00+07:00')}`)
    ).json()) as {
      items: unknown[]
      closed: { office: { slug: string }; hours: { status: { nextOpen: string } } }[]
      withoutHours: number
    }
    expect(sunday).toMatchObject({ items: [], withoutHours: 9 })
    // Closed on Sunday: says when it opens again (Monday 08:00 WIB).
    expect(sunday.closed.map((c) => [c.office.slug, c.hours.status.nextOpen])).toEqual([
      ['disdukcapil', '2027-01-11T01:00:00.000Z'],
    ])
    expect(body.closed).toEqual([])
  })

  it('counts offices by type for the filters of the public list', async () => {
    const tenant = await t.platform.tenantBySlug('toba')
    if (!tenant) throw new Error('tenant toba missing')
    const ctx = t.platform.context(tenant, await t.platform.tenantDb(tenant.record))
    const counts = await officeTypeCounts(ctx)
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(10)
    expect(counts.puskesmas).toBe(2)
    expect(counts.badan).toBeUndefined()
  })

  it("gives a schedule's page a link to the office that owns it", async () => {
    const tenant = await t.platform.tenantBySlug('toba')
    if (!tenant) throw new Error('tenant toba missing')
    const ctx = t.platform.context(tenant, await t.platform.tenantDb(tenant.record))
    const section = directory.web?.sections?.['schedules.owner:directory.office']
    const office = await section?.(ctx, { id: 'disdukcapil' })
    expect(office?.items).toEqual([
      {
        title: {
          id: 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Toba',
          en: 'Population and Civil Registration Agency of Toba Regency',
        },
        url: '/direktori/disdukcapil',
        verified: false,
      },
    ])
    expect(await section?.(ctx, { id: 'tidak-ada' })).toBeNull()
  })

  it('keeps the slug of the open-now page free: asked for, refused; derived, skipped', async () => {
    const post = (body: unknown) =>
      t.request(HOST, '/api/v1/directory/offices', {
        method: 'POST',
        token: TEST_OPERATOR_TOKEN,
        body: JSON.stringify(body),
      })
    await expectProblem(await post({ type: 'other', name: { id: 'Kantor uji' }, slug: 'buka-sekarang' }), 422)
    const created = await post({ type: 'other', name: { id: 'Buka Sekarang' } })
    expect(created.status).toBe(201)
    expect(((await created.json()) as { slug: string }).slug).toBe('buka-sekarang-2')
  })
})
