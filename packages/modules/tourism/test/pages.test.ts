import type { TenantContext } from '@cerdas/core'
import type { WebLoadContext } from '@cerdas/core/web'
import { TEST_OPERATOR_TOKEN, type TestPlatform } from '@cerdas/testing'
import type { AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import tourism, { type Attraction, type TourismEvent } from '../src/index'
import { loader as listLoader, meta as listMeta } from '../web/attraction-list'
import { loader as detailLoader, meta as detailMeta } from '../web/attraction-page'
import { loader as calendarLoader, meta as calendarMeta } from '../web/event-calendar'
import { loader as eventLoader, meta as eventMeta } from '../web/event-page'
import { tourismPlatform, withTourism } from './support'

const HOST = 'uji.localhost'
let t: TestPlatform
let ctx: TenantContext
let museum: Attraction
let festival: TourismEvent

/** Tuesday 18 August 2026, 10:00 WIB: the day after Independence Day. */
const TUESDAY = new Date('2026-08-18T10:00:00+07:00')
const HOLIDAY = new Date('2026-08-17T10:00:00+07:00')

const post = async <T>(path: string, body: unknown): Promise<T> => {
  const res = await t.send(HOST, 'POST', path, body, TEST_OPERATOR_TOKEN)
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as T
}

const context = (now: Date, locale: 'id' | 'en' = 'id'): AppLoadContext =>
  ({
    site: {
      kind: 'tenant',
      ctx: { ...ctx, now: () => now },
      nav: [],
      modules: [],
      reference: {},
      definitions: withTourism,
    },
    locale,
    requestId: 'test',
    currentPath: '/wisata',
    session: null,
    secureCookies: false,
    clientIp: undefined,
  }) satisfies WebLoadContext as unknown as AppLoadContext

const args = (path: string, now: Date, params: Record<string, string> = {}, locale: 'id' | 'en' = 'id') => ({
  request: new Request(`http://${HOST}${path}`),
  context: context(now, locale),
  params,
})

type Meta = Record<string, unknown>[]
const metaOf = (fn: (a: never) => unknown, data: unknown) =>
  fn({ data, params: {}, location: {}, matches: [] } as never) as Meta
const property = (tags: Meta, name: string) => tags.find((m) => m.property === name)?.content

beforeAll(async () => {
  t = await tourismPlatform(['uji'])
  const tenant = await t.platform.tenantBySlug('uji')
  if (!tenant) throw new Error('tenant missing')
  ctx = t.platform.context(tenant, await t.platform.tenantDb(tenant.record))
  museum = await post<Attraction>('/api/v1/tourism/attractions', {
    name: { id: 'Museum Halaman Uji', en: 'Page Test Museum' },
    category: 'museum',
    kecamatan: 'Balige',
    coordinates: { lat: 2.3333, lon: 99.0667 },
    contacts: { whatsapp: '0812 0000 0000' },
    freeEntry: true,
    facilities: ['parking'],
    description: { id: 'Museum sejarah di Balige.', en: 'A history museum in Balige.' },
  })
  await post('/api/v1/tourism/attractions', {
    name: { id: 'Pantai Halaman Uji' },
    category: 'beach',
    kecamatan: 'Ajibata',
  })
  await post('/api/v1/schedules/import', {
    owner: { module: 'tourism', type: 'attraction', id: museum.slug },
    kind: 'hours',
    label: { id: 'Jam buka museum' },
    openingHours: 'Tu-Su 09:00-17:00; PH off',
  })
  festival = await post<TourismEvent>('/api/v1/tourism/events', {
    name: { id: 'Festival Halaman Uji', en: 'Page Test Festival' },
    category: 'festival',
    startDate: '2026-08-20',
    endDate: '2026-08-22',
    startTime: '19:00',
    endTime: '22:00',
    venueAttraction: museum.slug,
    organizer: 'Dinas Pariwisata',
    free: true,
  })
  await post('/api/v1/tourism/events', {
    name: { id: 'Pasar Halaman Uji' },
    category: 'market',
    startDate: '2026-08-01',
    recurrence: 'weekly',
    weekday: 'sa',
  })
})
afterAll(() => t?.close())

describe('/wisata', () => {
  it('is registered with its detail page, the events pages and nav entries', () => {
    expect(tourism.web?.routes.map((r) => r.path)).toEqual(['wisata', 'wisata/:slug', 'acara', 'acara/:slug'])
    expect(tourism.web?.nav?.map((n) => n.path)).toEqual(['/wisata', '/acara'])
  })

  it('filters open now in Balige: the museum on Tuesday, nothing on the holiday', async () => {
    const open = await listLoader(args('/wisata?kecamatan=balige&buka=true', TUESDAY))
    expect(open.items.map((a) => a.slug)).toEqual([museum.slug])
    expect(open.items[0]?.hours?.open).toBe(true)
    expect(open.filters).toMatchObject({ kecamatan: 'balige', openNow: true })
    expect(open.kecamatans).toEqual([
      { value: 'Ajibata', count: 1 },
      { value: 'Balige', count: 1 },
    ])
    const holiday = await listLoader(args('/wisata?kecamatan=balige&buka=true', HOLIDAY))
    expect(holiday.items).toEqual([])
  })

  it('ignores unknown filter values and takes several facilities, and says what it is in og: tags', async () => {
    const data = await listLoader(
      args('/wisata?kategori=kasino&harga=gratis&fasilitas=parking&fasilitas=helipad&gratis=true', TUESDAY),
    )
    expect(data.filters).toMatchObject({
      category: undefined,
      priceLevel: undefined,
      facilities: ['parking'],
      freeEntry: true,
    })
    expect(data.items.map((a) => a.slug)).toEqual([museum.slug])
    expect(data.base).toBe('/wisata?gratis=true&fasilitas=parking')
    const tags = metaOf(listMeta as never, data)
    expect(property(tags, 'og:title')).toBe('Tempat wisata · Attractions · Kabupaten uji')
    expect(tags.some((m) => m.name === 'twitter:card')).toBe(true)
    expect(tags.find((m) => 'script:ld+json' in m)).toMatchObject({
      'script:ld+json': { '@type': 'ItemList', itemListElement: [{ item: { '@type': 'TouristAttraction' } }] },
    })
  })
})

describe('/wisata/:slug', () => {
  it('shows status, hours week, fees, events here, and a TouristAttraction JSON-LD with og: tags', async () => {
    const data = await detailLoader(args(`/wisata/${museum.slug}`, TUESDAY, { slug: museum.slug }))
    expect(data.hours.status?.open).toBe(true)
    expect(data.hours.week).toHaveLength(7)
    expect(data.events.map((e) => e.startDate)).toEqual(['2026-08-20'])
    expect(data.jsonLd).toMatchObject({
      '@type': 'TouristAttraction',
      name: 'Museum Halaman Uji',
      isAccessibleForFree: true,
      geo: { latitude: 2.3333, longitude: 99.0667 },
    })
    expect(
      (data.jsonLd as { openingHoursSpecification?: unknown[] }).openingHoursSpecification?.length,
    ).toBeGreaterThan(0)
    const tags = metaOf(detailMeta as never, data)
    expect(tags).toContainEqual({ 'script:ld+json': data.jsonLd })
    expect(property(tags, 'og:url')).toBe(`http://${HOST}/wisata/${museum.slug}`)
    expect(property(tags, 'og:image')).toMatch(/^http:\/\/uji\.localhost\/media\/share\/tourism\/attraction\//)
  })

  it('answers 404 for an unknown attraction', async () => {
    await expect(detailLoader(args('/wisata/tidak-ada', TUESDAY, { slug: 'tidak-ada' }))).rejects.toMatchObject({
      status: 404,
    })
  })
})

describe('/acara', () => {
  it('shows this week and the rest of the month, filters by category and offers the feeds', async () => {
    const data = await calendarLoader(args('/acara', TUESDAY))
    const week = data.sections.find((s) => s.id === 'week')
    expect(week?.items.map((o) => o.startDate)).toEqual(['2026-08-20', '2026-08-22'])
    const later = data.sections.find((s) => s.id === 'month')
    expect(later?.items.map((o) => o.startDate)).toEqual(['2026-08-29'])
    const markets = await calendarLoader(args('/acara?kategori=market&bulan=2026-09', TUESDAY))
    expect(markets.month).toBe('2026-09')
    expect(markets.sections[0]?.items.map((o) => o.startDate)).toEqual([
      '2026-09-05',
      '2026-09-12',
      '2026-09-19',
      '2026-09-26',
    ])
    expect(markets.previous).toBe('2026-08')
    expect(markets.next).toBe('2026-10')
    const tags = metaOf(calendarMeta as never, data)
    expect(tags.find((m) => 'script:ld+json' in m)).toMatchObject({ 'script:ld+json': { '@type': 'ItemList' } })
    expect(property(tags, 'og:title')).toMatch(/Acara/)
  })

  it('shows an event with its next dates, venue and an Event JSON-LD; a past one is marked as past', async () => {
    const data = await eventLoader(args(`/acara/${festival.slug}`, TUESDAY, { slug: festival.slug }, 'en'))
    expect(data.past).toBe(false)
    expect(data.next).toEqual([{ startDate: '2026-08-20', endDate: '2026-08-22' }])
    expect(data.venue?.url).toBe(`/wisata/${museum.slug}`)
    expect(data.icsUrl).toBe(`/api/v1/tourism/events/${festival.slug}/ics`)
    expect(data.jsonLd).toMatchObject({
      '@type': 'Event',
      startDate: '2026-08-20T19:00:00+07:00',
      endDate: '2026-08-22T22:00:00+07:00',
      eventStatus: 'https://schema.org/EventScheduled',
      isAccessibleForFree: true,
      organizer: { '@type': 'Organization', name: 'Dinas Pariwisata' },
      location: { '@type': 'Place', name: 'Museum Halaman Uji', geo: { latitude: 2.3333 } },
    })
    const tags = metaOf(eventMeta as never, data)
    expect(property(tags, 'og:title')).toBe('Page Test Festival · Kabupaten uji')
    expect(property(tags, 'og:locale')).toBe('en_GB')
    const later = await eventLoader(
      args(`/acara/${festival.slug}`, new Date('2026-09-01T10:00:00+07:00'), { slug: festival.slug }),
    )
    expect(later.past).toBe(true)
    expect(later.shown).toEqual({ startDate: '2026-08-20', endDate: '2026-08-22' })
  })
})

describe('on a directory office page', () => {
  it('lists the upcoming events held at the office, and nothing for another office', async () => {
    const office = await post<{ id: string; slug: string }>('/api/v1/directory/offices', {
      type: 'dinas',
      name: { id: 'Dinas Pariwisata Uji' },
    })
    const held = await post<TourismEvent>('/api/v1/tourism/events', {
      name: { id: 'Pameran di Kantor Uji' },
      category: 'exhibition',
      startDate: '2026-08-25',
      venueOffice: office.id,
    })
    expect(held.venueOffice).toBe(office.slug)
    const section = tourism.web?.sections?.['directory.office']
    const here = await section?.({ ...ctx, now: () => TUESDAY }, { id: office.id, slug: office.slug })
    expect(here?.items.map((i) => i.url)).toEqual([`/acara/${held.slug}`])
    expect(await section?.({ ...ctx, now: () => TUESDAY }, { id: 'off_lain', slug: 'kantor-lain' })).toBeNull()
    const page = await eventLoader(args(`/acara/${held.slug}`, TUESDAY, { slug: held.slug }))
    expect(page.venue).toMatchObject({ name: { id: 'Dinas Pariwisata Uji' }, url: `/direktori/${office.slug}` })
  })
})

describe('home page', () => {
  it("lists this week's events, and hides the section when there are none", async () => {
    const section = await tourism.web?.home?.({ ...ctx, now: () => TUESDAY })
    expect(section?.title.en).toBe("What's on this week")
    expect(section?.items.map((i) => i.url)).toEqual([`/acara/${festival.slug}`, expect.stringMatching(/^\/acara\//)])
    // Before any event: no section at all.
    expect(await tourism.web?.home?.({ ...ctx, now: () => new Date('2020-01-01T10:00:00+07:00') })).toBeNull()
  })
})
