import type { TenantContext } from '@cerdas/core'
import { setModuleEnabled } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import { createTestPlatform, expectProblem, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listPlacesWithHours, type PlaceForJsonLd, placeJsonLd, valueCounts } from '../src/index'
import placecheck, { spot } from './fixtures/spot-module'

const HOST = 'uji.localhost'
let t: TestPlatform
let ctx: TenantContext

const post = async (body: Record<string, unknown>) => {
  const res = await t.send(HOST, 'POST', '/api/v1/place-spots', body)
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as { id: string; slug: string }
}
const slugsOf = async (query: string) => {
  const res = await t.request(HOST, `/api/v1/place-spots${query}`)
  expect(res.status, await res.clone().text()).toBe(200)
  return ((await res.json()) as { items: { slug: string }[] }).items.map((i) => i.slug)
}

beforeAll(async () => {
  t = await createTestPlatform({ modules: [...modules, placecheck] })
  await t.createTenant('uji')
  await setModuleEnabled(t.platform, 'uji', 'placecheck', true)
  await post({
    name: { id: 'Pantai Lumban Bulbul' },
    kecamatan: 'Balige',
    coordinates: { lat: 2.3405, lon: 99.0765 },
    facilities: ['parking', 'toilet', 'eating_place'],
    priceLevel: 'budget',
    contacts: { whatsapp: '0812-0000-0001' },
  })
  await post({ name: { id: 'Museum Uji' }, kecamatan: 'balige', facilities: ['parking'], priceLevel: 'moderate' })
  await post({ name: { id: 'Air Terjun Uji' }, kecamatan: 'Ajibata', facilities: ['toilet'] })
  // Open weekdays 08:00-16:00, closed on public holidays.
  const res = await t.send(HOST, 'POST', '/api/v1/schedules/import', {
    owner: { module: 'placecheck', type: 'spot', id: 'museum-uji' },
    kind: 'hours',
    label: { id: 'Jam buka' },
    openingHours: 'Mo-Fr 08:00-16:00; PH off',
  })
  expect(res.status, await res.clone().text()).toBe(201)
  const tenant = await t.platform.tenantBySlug('uji')
  if (!tenant) throw new Error('no tenant')
  ctx = t.platform.context(tenant, await t.platform.tenantDb(tenant.record))
})
afterAll(() => t.close())

describe('the shared place fields', () => {
  it('filter by facilities holding every one asked for, and by kecamatan whatever its case', async () => {
    expect(await slugsOf('?facilities=parking')).toEqual(['museum-uji', 'pantai-lumban-bulbul'])
    expect(await slugsOf('?facilities=parking,toilet')).toEqual(['pantai-lumban-bulbul'])
    expect(await slugsOf('?kecamatan=BALIGE')).toEqual(['museum-uji', 'pantai-lumban-bulbul'])
    expect(await slugsOf('?priceLevel=moderate')).toEqual(['museum-uji'])
  })

  it('refuse an unknown facility, a point outside Indonesia and a bad phone with a pointer, storing nothing', async () => {
    const query = await expectProblem(await t.request(HOST, '/api/v1/place-spots?facilities=helipad'), 422)
    expect((query.errors as { pointer: string }[])[0]?.pointer).toBe('#query/facilities/0')
    const before = await slugsOf('')
    for (const [body, pointer] of [
      [{ name: { id: 'Salah' }, coordinates: { lat: 40, lon: 99 } }, '/coordinates/lat'],
      [{ name: { id: 'Salah' }, contacts: { phone: 'call me' } }, '/contacts/phone'],
      [{ name: { id: 'Salah' }, facilities: ['helipad'] }, '/facilities/0'],
    ] as const) {
      const problem = await expectProblem(await t.send(HOST, 'POST', '/api/v1/place-spots', body), 422)
      expect((problem.errors as { pointer: string }[]).map((e) => e.pointer)).toContain(pointer)
    }
    expect(await slugsOf('')).toEqual(before)
  })

  it('count kinds of kecamatan as one whatever their case', async () => {
    expect(await valueCounts(ctx, spot.table, 'kecamatan')).toEqual([
      { value: 'Ajibata', count: 1 },
      { value: 'Balige', count: 2 },
    ])
  })
})

describe('places open now', () => {
  const at = (iso: string) => ({ limit: 20, openNow: true, at: new Date(iso) })
  const owner = { module: 'placecheck', type: 'spot' }

  it('lists only those open at the instant, and counts those without hours', async () => {
    // Monday 11 January 2027, 09:00 WIB: the museum is open; the other two have no hours.
    const open = await listPlacesWithHours(ctx, spot.list, owner, at('2027-01-11T09:00:00+07:00'))
    expect(open.items.map((i) => i.place.slug)).toEqual(['museum-uji'])
    expect(open.items[0]?.hours?.open).toBe(true)
    expect(open.withoutHours).toBe(2)
    // Same day 17:00: closed.
    expect((await listPlacesWithHours(ctx, spot.list, owner, at('2027-01-11T17:00:00+07:00'))).items).toEqual([])
  })

  it('respects public holidays: closed on New Year 2027 (a Friday), open the next working Monday', async () => {
    const holiday = await listPlacesWithHours(ctx, spot.list, owner, at('2027-01-01T09:00:00+07:00'))
    expect(holiday.items).toEqual([])
    const page = await listPlacesWithHours(ctx, spot.list, owner, {
      limit: 20,
      kecamatan: 'Balige',
      at: new Date('2027-01-01T09:00:00+07:00'),
    })
    const museum = page.items.find((i) => i.place.slug === 'museum-uji')
    expect(museum?.hours?.open).toBe(false)
    expect(museum?.hours?.reason.kind).toBe('holiday')
    expect(museum?.hours?.nextOpen).toBe('2027-01-04T01:00:00.000Z')
    expect(page.items.find((i) => i.place.slug === 'pantai-lumban-bulbul')?.hours).toBeNull()
  })

  it('keeps the other filters when asking for open places', async () => {
    const ajibata = await listPlacesWithHours(ctx, spot.list, owner, {
      ...at('2027-01-11T09:00:00+07:00'),
      kecamatan: 'Ajibata',
    })
    expect(ajibata.items).toEqual([])
  })
})

describe('place JSON-LD', () => {
  it('says address, point, contacts and price range in schema.org terms', async () => {
    const beach = await spot.get(ctx, 'pantai-lumban-bulbul')
    const ld = placeJsonLd('TouristAttraction', beach as PlaceForJsonLd, {
      url: 'https://uji.example/tempat-uji/pantai-lumban-bulbul',
      region: 'Sumatera Utara',
      extra: { isAccessibleForFree: true },
    })
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'TouristAttraction',
      name: 'Pantai Lumban Bulbul',
      address: { '@type': 'PostalAddress', addressLocality: 'Balige', addressRegion: 'Sumatera Utara' },
      geo: { '@type': 'GeoCoordinates', latitude: 2.3405, longitude: 99.0765 },
      priceRange: 'Rp',
      isAccessibleForFree: true,
    })
    expect(ld).not.toHaveProperty('telephone')
  })
})
