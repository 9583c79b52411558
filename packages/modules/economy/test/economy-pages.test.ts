import type { WebLoadContext } from '@cerdas/core/web'
import { setModuleEnabled } from '@cerdas/platform'
import { createTestPlatform, jsonOf, TEST_OPERATOR_TOKEN, type TestPlatform } from '@cerdas/testing'
import type { AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import economy, { type Business, type Eatery, type Lodging } from '../src/index'
import * as businessList from '../web/business-list'
import * as businessPage from '../web/business-page'
import * as eateryList from '../web/eatery-list'
import * as eateryPage from '../web/eatery-page'
import * as lodgingList from '../web/lodging-list'
import * as lodgingPage from '../web/lodging-page'

const HOST = 'halaman.localhost'
const NIB = '9120309876543'

let t: TestPlatform
let context: WebLoadContext
let lapo: Eatery
let muslim: Eatery
let hotel: Lodging
let homestay: Lodging
let weaver: Business
let agreed: Business

const post = async <R>(path: string, body: unknown) =>
  jsonOf<R>(await t.send(HOST, 'POST', `/api/v1/economy/${path}`, body, TEST_OPERATOR_TOKEN), 201)

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('halaman')
  await setModuleEnabled(t.platform, 'halaman', 'economy', true)
  const tenant = await t.platform.tenantBySlug('halaman')
  if (!tenant) throw new Error('tenant missing')
  const ctx = t.platform.context(tenant, await t.platform.tenantDb(tenant.record), { actor: null })
  context = {
    site: { kind: 'tenant', ctx, nav: [], modules: [], reference: {}, definitions: [economy] },
    locale: 'id',
    requestId: 'test',
    currentPath: '/kuliner',
    session: null,
    secureCookies: false,
    clientIp: undefined,
  }
  lapo = await post<Eatery>('eateries', {
    name: { id: 'Lapo Halaman' },
    type: 'lapo',
    kecamatan: 'Balige',
    halal: 'not_halal',
    servesPork: 'yes',
    cuisine: ['Batak'],
    dishes: [{ name: { id: 'Saksang' } }],
    coordinates: { lat: 2.334, lon: 99.064 },
  })
  muslim = await post<Eatery>('eateries', {
    name: { id: 'Rumah Makan Muslim Halaman' },
    type: 'rumah_makan',
    kecamatan: 'Balige',
    halal: 'muslim_owned',
    servesPork: 'no',
    dishes: [{ name: { id: 'Ayam pinadar' }, price: 25_000 }],
  })
  hotel = await post<Lodging>('lodgings', {
    name: { id: 'Hotel Halaman' },
    type: 'hotel',
    starClass: 3,
    rooms: 30,
    checkIn: '14:00',
    priceMin: 400_000,
    facilities: ['wifi', 'parking'],
    bookingUrl: 'https://hotel-halaman.example.org/',
    contacts: { whatsapp: '+62 812 3000 0000' },
  })
  homestay = await post<Lodging>('lodgings', {
    name: { id: 'Homestay Halaman' },
    type: 'homestay',
    kecamatan: 'Ajibata',
  })
  weaver = await post<Business>('businesses', {
    name: { id: 'Tenun Halaman' },
    sector: 'craft',
    nib: NIB,
    products: ['Ulos Sadum'],
    rumahKreatifUrl: 'https://rumahkreatif.example.org/tenun',
  })
  agreed = await post<Business>('businesses', {
    name: { id: 'Kopi Halaman' },
    sector: 'food_beverage',
    nib: '9120301111111',
    nibPublic: true,
  })
})
afterAll(() => t?.close())

// Remix types the load context as an open record; the server passes a WebLoadContext.
const asLoadContext = (value: WebLoadContext) => value as unknown as AppLoadContext
const args = (path: string, params: Record<string, string> = {}) => ({
  request: new Request(`http://${HOST}${path}`),
  context: asLoadContext(context),
  params,
})
type Meta = Record<string, unknown>[]
const metaOf = (meta: unknown, data: unknown) => (meta as (a: { data: unknown }) => Meta)({ data }) as Meta
const property = (tags: Meta, name: string) =>
  tags.find((m) => m.property === name || m.name === name)?.content as string | undefined
const jsonLdOf = (tags: Meta) => tags.find((m) => 'script:ld+json' in m)?.['script:ld+json'] as Record<string, unknown>

describe('the pages are registered with nav entries', () => {
  it('lists /kuliner, /penginapan and /umkm with their detail pages', () => {
    expect(economy.web?.routes?.map((r) => r.path)).toEqual([
      'kuliner',
      'kuliner/:slug',
      'penginapan',
      'penginapan/:slug',
      'umkm',
      'umkm/:slug',
    ])
    expect(economy.web?.nav?.map((n) => n.path)).toEqual(['/kuliner', '/penginapan', '/umkm'])
  })
})

describe('/kuliner', () => {
  it('filters by halal, by "no pork" and by type from its Indonesian query', async () => {
    const halal = await eateryList.loader(args('/kuliner?halal=true'))
    expect(halal.items.map((i) => i.id)).toEqual([muslim.id])
    expect(halal.base).toBe('/kuliner?halal=true')
    const noPork = await eateryList.loader(args('/kuliner?tanpa_babi=true&kecamatan=balige'))
    expect(noPork.items.map((i) => i.id)).toEqual([muslim.id])
    const lapos = await eateryList.loader(args('/kuliner?jenis=lapo'))
    expect(lapos.items.map((i) => i.id)).toEqual([lapo.id])
    // Unknown values are ignored, never an error; the filter choices are those that exist.
    const all = await eateryList.loader(args('/kuliner?jenis=kedai&harga=gratis&fasilitas=kolam'))
    expect(all.items).toHaveLength(2)
    expect(all.types.map((c) => c.value).sort()).toEqual(['lapo', 'rumah_makan'])
    expect(all.kecamatans).toEqual([{ value: 'Balige', count: 2 }])
  })

  it('has Open Graph tags and a title in both languages', async () => {
    const data = await eateryList.loader(args('/kuliner'))
    const tags = metaOf(eateryList.meta, data)
    expect(property(tags, 'og:title')).toContain('Kuliner · Food')
    expect(property(tags, 'og:url')).toBe(`http://${HOST}/kuliner`)
  })
})

describe('/kuliner/:slug', () => {
  it('a lapo is a FoodEstablishment with its cuisine and menu; the statement is the one recorded', async () => {
    const data = await eateryPage.loader(args(`/kuliner/${lapo.slug}`, { slug: lapo.slug }))
    expect(data.eatery).toMatchObject({ halal: 'not_halal', servesPork: 'yes' })
    expect(data.jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'FoodEstablishment',
      name: 'Lapo Halaman',
      servesCuisine: ['Batak'],
      hasMenu: { '@type': 'Menu', hasMenuItem: [{ '@type': 'MenuItem', name: 'Saksang' }] },
      geo: { '@type': 'GeoCoordinates', latitude: 2.334, longitude: 99.064 },
    })
    const tags = metaOf(eateryPage.meta, data)
    expect(property(tags, 'og:title')).toBe('Lapo Halaman · Kabupaten halaman')
    expect(property(tags, 'og:image')).toMatch(
      /^http:\/\/halaman\.localhost\/media\/share\/economy\/eatery\/lapo-halaman\.png/,
    )
    expect(property(tags, 'twitter:card')).toBe('summary_large_image')
    expect(jsonLdOf(tags)['@type']).toBe('FoodEstablishment')
  })

  it('a rumah makan is a Restaurant, its dish priced only where recorded', async () => {
    const data = await eateryPage.loader(args(`/kuliner/${muslim.slug}`, { slug: muslim.slug }))
    expect(data.jsonLd['@type']).toBe('Restaurant')
    expect(((data.jsonLd as Record<string, unknown>).hasMenu as { hasMenuItem: unknown[] }).hasMenuItem).toEqual([
      { '@type': 'MenuItem', name: 'Ayam pinadar', offers: { '@type': 'Offer', price: 25_000, priceCurrency: 'IDR' } },
    ])
    // No hours recorded: null, for "belum ada data", never a guess.
    expect(data.hours.status).toBeNull()
  })

  it('is a 404 for a slug that does not exist', async () => {
    await expect(eateryPage.loader(args('/kuliner/tidak-ada', { slug: 'tidak-ada' }))).rejects.toMatchObject({
      status: 404,
    })
  })
})

describe('/penginapan', () => {
  it('filters by star class and type', async () => {
    expect((await lodgingList.loader(args('/penginapan?bintang=3'))).items.map((i) => i.id)).toEqual([hotel.id])
    expect((await lodgingList.loader(args('/penginapan?jenis=homestay'))).items.map((i) => i.id)).toEqual([homestay.id])
  })

  it('a hotel is a Hotel with stars, rooms, check-in, amenities and booking; a homestay a BedAndBreakfast', async () => {
    const data = await lodgingPage.loader(args(`/penginapan/${hotel.slug}`, { slug: hotel.slug }))
    expect(data.jsonLd).toMatchObject({
      '@type': 'Hotel',
      starRating: { '@type': 'Rating', ratingValue: 3 },
      numberOfRooms: 30,
      checkinTime: '14:00:00',
      priceRange: 'Rp400.000',
      amenityFeature: [
        { '@type': 'LocationFeatureSpecification', name: 'Wi-Fi', value: true },
        { '@type': 'LocationFeatureSpecification', name: 'Parking', value: true },
      ],
    })
    expect(data.range).toBe('Rp400.000')
    const tags = metaOf(lodgingPage.meta, data)
    expect(property(tags, 'og:image')).toContain('/media/share/economy/lodging/hotel-halaman.png')
    const other = await lodgingPage.loader(args(`/penginapan/${homestay.slug}`, { slug: homestay.slug }))
    expect(other.jsonLd['@type']).toBe('BedAndBreakfast')
    expect(other.range).toBeNull()
  })
})

describe('/umkm', () => {
  it('filters by sector', async () => {
    expect((await businessList.loader(args('/umkm?sektor=craft'))).items.map((i) => i.id)).toEqual([weaver.id])
  })

  it('never puts an NIB the business did not agree to show into the page, its meta or its JSON-LD', async () => {
    const data = await businessPage.loader(args(`/umkm/${weaver.slug}`, { slug: weaver.slug }))
    expect(JSON.stringify(data)).not.toContain(NIB)
    expect(JSON.stringify(metaOf(businessPage.meta, data))).not.toContain(NIB)
    expect(JSON.stringify(await businessList.loader(args('/umkm')))).not.toContain(NIB)
    expect(data.jsonLd).toMatchObject({
      '@type': 'Store',
      sameAs: ['https://rumahkreatif.example.org/tenun'],
      makesOffer: [{ '@type': 'Offer', itemOffered: { '@type': 'Product', name: 'Ulos Sadum' } }],
    })
    expect(data.jsonLd).not.toHaveProperty('identifier')
  })

  it('shows an NIB the business agreed to show, in the page and as its identifier', async () => {
    const data = await businessPage.loader(args(`/umkm/${agreed.slug}`, { slug: agreed.slug }))
    expect(data.business.publicNib).toBe('9120301111111')
    expect(data.jsonLd).toMatchObject({
      '@type': 'LocalBusiness',
      identifier: { '@type': 'PropertyValue', propertyID: 'NIB', value: '9120301111111' },
    })
  })
})
