import type { TenantContext } from '@cerdas/core'
import type { WebLoadContext } from '@cerdas/core/web'
import { createTestPlatform, jsonOf, TEST_OPERATOR_TOKEN, type TestPlatform } from '@cerdas/testing'
import type { AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import transport, { type Route } from '../src/index'
import { loader as listLoader } from '../web/route-list'
import { loader as pageLoader } from '../web/route-page'

const HOST = 'toba.localhost'
const WEEKDAY = ['07:00', '09:00', '11:00', '13:00', '15:00', '17:00']
const SUNDAY = ['07:00', '08:00', '09:00', '10:00', '12:00', '14:00', '16:00', '18:00']

let t: TestPlatform
let base: TenantContext
let ferry: Route

beforeAll(async () => {
  t = await createTestPlatform()
  // Toba's template seeds its routes (unverified, without times) and the 2026 holidays.
  await t.createTenant('toba', { template: 'toba', name: 'Kabupaten Toba' })
  const tenant = await t.platform.tenantBySlug('toba')
  if (!tenant) throw new Error('tenant toba missing')
  base = t.platform.context(tenant, await t.platform.tenantDb(tenant.record), { actor: null })
  ferry = await jsonOf<Route>(
    await t.send(
      HOST,
      'POST',
      '/api/v1/transport/routes',
      {
        name: { id: 'Kapal uji Ajibata – Tomok', en: 'Test ferry Ajibata – Tomok' },
        mode: 'ferry',
        operator: 'Operator uji',
        originName: 'Pelabuhan Ajibata',
        originKecamatan: 'Ajibata',
        originPoint: { lat: 2.66, lon: 98.93 },
        destinationName: 'Tomok',
        durationMinutes: 45,
        fares: [{ kind: 'passenger', category: { id: 'Dewasa', en: 'Adult' }, amount: 10000 }],
        contacts: { whatsapp: '0812-0000-0000' },
        timetable: {
          onHolidays: 'su',
          weekly: { mo: WEEKDAY, tu: WEEKDAY, we: WEEKDAY, th: WEEKDAY, fr: WEEKDAY, sa: WEEKDAY, su: SUNDAY },
        },
      },
      TEST_OPERATOR_TOKEN,
    ),
    201,
  )
})
afterAll(() => t?.close())

/** A load context whose clock stands at `local` (WIB) and which records what the read cache is told. */
function contextAt(local: string, locale: 'id' | 'en' = 'id') {
  const changes: Date[] = []
  const ctx: TenantContext = {
    ...base,
    now: () => new Date(`${local.replace(' ', 'T')}:00+07:00`),
    changesAt: (at: Date) => changes.push(at),
  }
  const context: WebLoadContext = {
    site: { kind: 'tenant', ctx, nav: [], modules: [], reference: {}, definitions: [transport] },
    locale,
    requestId: 'test',
    currentPath: '/transportasi',
    session: null,
    secureCookies: false,
    clientIp: undefined,
  }
  return { context: context as unknown as AppLoadContext, changes, ctx }
}

const list = (local: string, query = '') => {
  const { context, changes } = contextAt(local)
  return listLoader({ request: new Request(`http://${HOST}/transportasi${query}`), context, params: {} }).then(
    (data) => ({ data, changes }),
  )
}

const page = (local: string, slug: string, query = '', locale: 'id' | 'en' = 'id') => {
  const { context, changes } = contextAt(local, locale)
  return pageLoader({
    request: new Request(`http://${HOST}/transportasi/${slug}${query}`),
    context,
    params: { slug },
  }).then((data) => ({ data, changes }))
}

describe('/transportasi', () => {
  it('is a module page with a nav entry', () => {
    expect(transport.web?.routes?.map((r) => r.path)).toEqual(['transportasi', 'transportasi/:slug'])
    expect(transport.web?.nav?.map((n) => n.path)).toEqual(['/transportasi'])
  })

  it("lists Toba's seeded routes as unverified and without times, and the next departure of timed ones", async () => {
    const { data, changes } = await list('2026-01-06 09:30')
    const seeded = data.items.filter((i) => i.id !== ferry.id)
    expect(seeded.map((i) => i.slug)).toEqual(
      expect.arrayContaining(['kapal-penumpang-ajibata-tomok', 'kapal-feri-kmp-ajibata-ambarita']),
    )
    expect(seeded.every((i) => i.noTimetable && !i.verified && i.next === null)).toBe(true)
    const mine = data.items.find((i) => i.id === ferry.id)
    expect(mine).toMatchObject({ leftToday: false, noTimetable: false, next: { date: '2026-01-06', time: '11:00' } })
    // The cached list ends when that boat leaves.
    expect(changes).toEqual([new Date('2026-01-06T11:00:00+07:00')])
    expect(data).toMatchObject({ today: '2026-01-06', tomorrow: '2026-01-07', zone: 'Asia/Jakarta' })
  })

  it("after the day's last departure says so, with tomorrow's first", async () => {
    const { data } = await list('2026-01-05 17:30')
    expect(data.items.find((i) => i.id === ferry.id)).toMatchObject({
      leftToday: true,
      next: { date: '2026-01-06', time: '07:00' },
    })
  })

  it('filters by pier, kecamatan and mode, and offers only choices that exist', async () => {
    const buses = await list('2026-01-06 09:30', '?moda=bus')
    expect(buses.data.items.length).toBeGreaterThan(0)
    expect(buses.data.items.every((i) => i.mode.en === 'Bus')).toBe(true)
    const ajibata = await list('2026-01-06 09:30', '?asal=Pelabuhan+Ajibata&kecamatan=ajibata')
    expect(ajibata.data.items.map((i) => i.slug).sort()).toEqual(
      [ferry.slug, 'kapal-feri-kmp-ajibata-ambarita', 'kapal-penumpang-ajibata-tomok'].sort(),
    )
    expect(ajibata.data.origins).toContain('Balige')
    expect(ajibata.data.modes.map((m) => m.value)).toEqual(['ferry', 'car_ferry', 'bus'])
    const unknownMode = await list('2026-01-06 09:30', '?moda=roket')
    expect(unknownMode.data.filters.mode).toBeNull()
  })
})

describe('the home page section', () => {
  it('names the routes whose next departure comes soonest, leaving out those without times', async () => {
    const { ctx, changes } = contextAt('2026-01-05 17:30')
    const section = await transport.web?.home?.(ctx)
    expect(section?.items).toEqual([
      {
        title: { id: 'Kapal uji Ajibata – Tomok', en: 'Test ferry Ajibata – Tomok' },
        url: `/transportasi/${ferry.slug}`,
        note: { id: 'Berikutnya: besok 07:00', en: 'Next: tomorrow 07:00' },
        verified: false,
      },
    ])
    expect(changes).toEqual([new Date('2026-01-06T07:00:00+07:00')])
  })
})

describe('/transportasi/:slug', () => {
  it('on the evening before Independence Day: next departures on the Sunday timetable, the week with the holiday', async () => {
    const { data, changes } = await page('2026-08-16 19:00', ferry.slug)
    expect(data.departures.next.map((d) => [d.date, d.time])).toEqual([
      ['2026-08-17', '07:00'],
      ['2026-08-17', '08:00'],
      ['2026-08-17', '09:00'],
      ['2026-08-17', '10:00'],
      ['2026-08-17', '12:00'],
    ])
    expect(changes).toEqual([new Date('2026-08-17T07:00:00+07:00')])
    expect(data.departures.day).toMatchObject({ date: '2026-08-16', times: SUNDAY })
    const holiday = data.week.find((d) => d.date === '2026-08-17')
    expect(holiday).toMatchObject({ reason: { kind: 'holiday', runsAs: 'su' }, holiday: { kind: 'national' } })
    expect(holiday?.times).toEqual(SUNDAY)
  })

  it('gives BoatTrip JSON-LD with terminals, fares and next departures, and Open Graph tags', async () => {
    const { data } = await page('2026-01-06 09:30', ferry.slug)
    expect(data.jsonLd).toMatchObject({
      '@type': 'BoatTrip',
      name: 'Kapal uji Ajibata – Tomok',
      departureBoatTerminal: { '@type': 'BoatTerminal', name: 'Pelabuhan Ajibata' },
      provider: { name: 'Operator uji' },
      offers: [{ price: 10000, priceCurrency: 'IDR' }],
      departureTime: '2026-01-06T04:00:00.000Z',
    })
    expect((data.jsonLd.subTrip ?? [])[0]).toEqual({
      '@type': 'BoatTrip',
      departureTime: '2026-01-06T04:00:00.000Z',
      arrivalTime: '2026-01-06T04:45:00.000Z',
    })
    const og = Object.fromEntries(
      data.social.flatMap((m) => ('property' in m ? [[m.property, m.content]] : [])),
    ) as Record<string, string>
    expect(og['og:title']).toContain('Kapal uji Ajibata – Tomok')
    expect(og['og:url']).toBe(`http://${HOST}/transportasi/${ferry.slug}`)
    expect(og['og:image']).toBeTruthy()
  })

  it('shows a seeded route without times as such, typed BusTrip for a bus', async () => {
    const { data, changes } = await page('2026-01-06 09:30', 'bus-balige-bandara-silangit')
    expect(data.departures).toMatchObject({ noTimetable: true, next: [] })
    expect(data.route.fares).toEqual([])
    expect(data.route.verification.verified).toBe(false)
    expect(data.jsonLd['@type']).toBe('BusTrip')
    expect(changes).toEqual([])
  })

  it('moves the week with ?from= and ignores a date that does not exist', async () => {
    expect((await page('2026-01-06 09:30', ferry.slug, '?from=2026-03-23')).data.week[0]).toMatchObject({
      date: '2026-03-23',
      reason: { kind: 'holiday', runsAs: 'su' },
      holiday: { kind: 'cuti_bersama' },
    })
    expect((await page('2026-01-06 09:30', ferry.slug, '?from=2026-02-30')).data.weekFrom).toBe('2026-01-06')
  })

  it('is a 404 for a route that does not exist', async () => {
    const error = await page('2026-01-06 09:30', 'tidak-ada').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Response)
    expect((error as Response).status).toBe(404)
  })
})
