import type { Grant } from '@cerdas/core'
import { localDateOf } from '@cerdas/schedules'
import { createTestToken, expectProblem, jsonOf, TEST_OPERATOR_TOKEN, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Attraction, EventOccurrenceItem, TourismEvent } from '../src/index'
import { tourismPlatform, unfold } from './support'

const HOST = 'uji.localhost'
const OTHER = 'lain.localhost'

let t: TestPlatform

beforeAll(async () => {
  t = await tourismPlatform(['uji', 'lain'])
})
afterAll(() => t?.close())

const send = (method: string, path: string, body?: unknown, token: string | null = TEST_OPERATOR_TOKEN, host = HOST) =>
  t.send(host, method, path, body, token)

let seq = 0
async function createAttraction(input: Record<string, unknown> = {}, host = HOST): Promise<Attraction> {
  return jsonOf<Attraction>(
    await send(
      'POST',
      '/api/v1/tourism/attractions',
      { name: { id: `Tempat Wisata ${++seq}` }, category: 'nature', ...input },
      TEST_OPERATOR_TOKEN,
      host,
    ),
    201,
  )
}

async function createEvent(input: Record<string, unknown> = {}): Promise<TourismEvent> {
  return jsonOf<TourismEvent>(
    await send('POST', '/api/v1/tourism/events', {
      name: { id: `Acara ${++seq}` },
      category: 'culture',
      startDate: '2026-11-10',
      ...input,
    }),
    201,
  )
}

type AttractionPage = {
  items: (Attraction & { hours: { open: boolean } | null })[]
  nextCursor: string | null
  withoutHours?: number
}
const listAttractions = async (query: string) =>
  jsonOf<AttractionPage>(await t.request(HOST, `/api/v1/tourism/attractions${query}`))

type Occurrences = { from: string; to: string; items: (Omit<EventOccurrenceItem, 'event'> & { event: TourismEvent })[] }
const occurrences = async (query: string) =>
  jsonOf<Occurrences>(await t.request(HOST, `/api/v1/tourism/events${query}`))

const tokenFor = async (grant: Grant) => (await createTestToken(t, 'uji', [grant])).secret

describe('attractions: writes and reads', () => {
  it('creates an attraction with fees, facilities and contacts, and reads it by slug', async () => {
    const created = await createAttraction({
      name: { id: 'Museum Uji Balige', en: 'Balige Test Museum' },
      category: 'museum',
      kecamatan: 'Balige',
      coordinates: { lat: 2.3333, lon: 99.0667 },
      contacts: { whatsapp: '+62 812 0000 0000' },
      facilities: ['parking', 'toilet'],
      fees: [
        { visitorType: 'adult', amount: null },
        { visitorType: 'child', label: { id: 'Pelajar', en: 'Students' } },
      ],
      howToGetThere: { id: 'Dari pusat kota Balige naik angkot.' },
    })
    expect(created.id).toMatch(/^atr_/)
    expect(created.slug).toBe('museum-uji-balige')
    expect(created.freeEntry).toBe(false)
    expect(created.fees).toEqual([
      { visitorType: 'adult', label: null, amount: null },
      { visitorType: 'child', label: { id: 'Pelajar', en: 'Students' }, amount: null },
    ])
    expect(created.photos).toEqual([])
    expect(created.verification.verified).toBe(false)
    const bySlug = await jsonOf<Attraction>(await t.request(HOST, '/api/v1/tourism/attractions/museum-uji-balige'))
    expect(bySlug).toEqual(created)
  })

  it('refuses bad input with problem+json 422, never a 500', async () => {
    const post = (body: unknown) => send('POST', '/api/v1/tourism/attractions', body)
    await expectProblem(await post({ name: { id: 'X' }, category: 'casino' }), 422)
    await expectProblem(await post({ name: { id: 'X' }, category: 'beach', coordinates: { lat: 99, lon: 2 } }), 422)
    await expectProblem(await post({ name: { id: 'X' }, category: 'beach', facilities: ['helipad'] }), 422)
    await expectProblem(
      await post({
        name: { id: 'X' },
        category: 'beach',
        freeEntry: true,
        fees: [{ visitorType: 'adult', amount: 5000 }],
      }),
      422,
    )
    await expectProblem(await post({ name: { id: 'X' }, category: 'beach', fees: [{ visitorType: 'alien' }] }), 422)
    await expectProblem(await post({ category: 'beach' }), 422)
    await expectProblem(await t.request(HOST, '/api/v1/tourism/attractions/tidak-ada'), 404)
    await expectProblem(await t.request(HOST, '/api/v1/tourism/attractions?openNow=kadang'), 422)
    await expectProblem(await t.request(HOST, '/api/v1/tourism/attractions?at=kemarin'), 422)
    await expectProblem(await t.request(HOST, '/api/v1/tourism/attractions?priceLevel=gratis'), 422)
  })

  it('filters by category, kecamatan (whatever its case), price level, facilities and free entry', async () => {
    const a = await createAttraction({
      category: 'waterfall',
      kecamatan: 'Ajibata',
      priceLevel: 'budget',
      facilities: ['parking', 'toilet', 'guide'],
      freeEntry: true,
    })
    const b = await createAttraction({
      category: 'waterfall',
      kecamatan: 'Porsea',
      priceLevel: 'moderate',
      facilities: ['parking'],
    })
    const ids = async (query: string) => (await listAttractions(`${query}&limit=100`)).items.map((x) => x.id)
    expect(await ids('?category=waterfall')).toEqual(expect.arrayContaining([a.id, b.id]))
    expect(await ids('?category=waterfall&kecamatan=ajibata')).toEqual([a.id])
    expect(await ids('?category=waterfall&priceLevel=moderate')).toEqual([b.id])
    expect(await ids('?category=waterfall&facilities=parking,toilet')).toEqual([a.id])
    expect(await ids('?category=waterfall&freeEntry=true')).toEqual([a.id])
    expect(await ids('?category=waterfall&freeEntry=false')).toEqual([b.id])
  })

  it('keeps tenants apart: another tenant neither lists nor opens the record', async () => {
    const mine = await createAttraction({ category: 'hot_spring' })
    const theirs = await listAttractions('?category=hot_spring&limit=100')
    expect(theirs.items.map((x) => x.id)).toContain(mine.id)
    const other = await jsonOf<AttractionPage>(
      await t.request(OTHER, '/api/v1/tourism/attractions?category=hot_spring'),
    )
    expect(other.items).toEqual([])
    await expectProblem(await t.request(OTHER, `/api/v1/tourism/attractions/${mine.id}`), 404)
    // A token of this tenant is nothing on the other.
    const token = await tokenFor({ role: 'admin', dimension: null })
    const res = await send('PATCH', `/api/v1/tourism/attractions/${mine.slug}`, { category: 'park' }, token, OTHER)
    expect([401, 403]).toContain(res.status)
  })
})

describe('attractions open now, around a national holiday', () => {
  let open: Attraction
  beforeAll(async () => {
    open = await createAttraction({ category: 'viewpoint', kecamatan: 'Balige' })
    await createAttraction({ category: 'viewpoint', kecamatan: 'Balige' })
    const res = await send('POST', '/api/v1/schedules/import', {
      owner: { module: 'tourism', type: 'attraction', id: open.slug },
      kind: 'hours',
      label: { id: 'Jam buka' },
      openingHours: 'Mo-Su 08:00-17:00; PH off',
    })
    expect(res.status, await res.clone().text()).toBe(201)
  })
  const openNow = (at: string) =>
    listAttractions(`?category=viewpoint&kecamatan=Balige&openNow=true&at=${encodeURIComponent(at)}`)

  it('is closed on Independence Day (Monday 17 August 2026) and open the day after', async () => {
    const holiday = await openNow('2026-08-17T10:00:00+07:00')
    expect(holiday.items).toEqual([])
    expect(holiday.withoutHours).toBe(1)
    const after = await openNow('2026-08-18T10:00:00+07:00')
    expect(after.items.map((x) => x.id)).toEqual([open.id])
    expect(after.items[0]?.hours?.open).toBe(true)
    expect(after.nextCursor).toBeNull()
  })

  it('closes at 17:00 and is open the Sunday before the holiday', async () => {
    expect((await openNow('2026-08-18T17:00:00+07:00')).items).toEqual([])
    expect((await openNow('2026-08-16T16:59:00+07:00')).items.map((x) => x.id)).toEqual([open.id])
  })

  it('gives every listed attraction its status, null without hours', async () => {
    const all = await listAttractions(`?category=viewpoint&at=${encodeURIComponent('2026-08-17T10:00:00+07:00')}`)
    expect(all.items).toHaveLength(2)
    expect(all.items.find((x) => x.id === open.id)?.hours?.open).toBe(false)
    expect(all.items.find((x) => x.id !== open.id)?.hours).toBeNull()
  })

  it('refuses to delete an attraction that hosts events, and removes its hours with it otherwise', async () => {
    const venue = await createAttraction({ category: 'park' })
    const held = await createEvent({ venueAttraction: venue.slug })
    await expectProblem(await send('DELETE', `/api/v1/tourism/attractions/${venue.id}`), 409)
    expect((await send('DELETE', `/api/v1/tourism/events/${held.id}`)).status).toBe(204)
    expect((await send('DELETE', `/api/v1/tourism/attractions/${venue.id}`)).status).toBe(204)
    const gone = await send('DELETE', `/api/v1/tourism/attractions/${open.id}`)
    expect(gone.status).toBe(204)
    const schedules = await jsonOf<{ items: unknown[] }>(
      await t.request(HOST, `/api/v1/schedules?ownerModule=tourism&ownerType=attraction&ownerId=${open.slug}`),
    )
    expect(schedules.items).toEqual([])
  })
})

describe('permissions: only the branding team and admins edit tourism', () => {
  it('refuses the economy and governance teams with 403 and lets the branding team write', async () => {
    for (const dimension of ['economy', 'governance'] as const) {
      const token = await tokenFor({ role: 'editor', dimension })
      await expectProblem(
        await send('POST', '/api/v1/tourism/attractions', { name: { id: 'Tidak boleh' }, category: 'park' }, token),
        403,
      )
      await expectProblem(
        await send(
          'POST',
          '/api/v1/tourism/events',
          { name: { id: 'Tidak boleh' }, category: 'sport', startDate: '2026-12-01' },
          token,
        ),
        403,
      )
    }
    const branding = await tokenFor({ role: 'editor', dimension: 'branding' })
    const created = await jsonOf<Attraction>(
      await send(
        'POST',
        '/api/v1/tourism/attractions',
        { name: { id: 'Boleh oleh tim branding' }, category: 'park' },
        branding,
      ),
      201,
    )
    await jsonOf(await send('PATCH', `/api/v1/tourism/attractions/${created.id}`, { kecamatan: 'Laguboti' }, branding))
    await jsonOf(
      await send(
        'POST',
        '/api/v1/tourism/events',
        { name: { id: 'Acara tim branding' }, category: 'sport', startDate: '2026-12-01' },
        branding,
      ),
      201,
    )
    // Deleting is for admins: the branding editor may not, the branding admin may.
    await expectProblem(await send('DELETE', `/api/v1/tourism/attractions/${created.id}`, undefined, branding), 403)
    const admin = await tokenFor({ role: 'admin', dimension: 'branding' })
    expect((await send('DELETE', `/api/v1/tourism/attractions/${created.id}`, undefined, admin)).status).toBe(204)
  })

  it('refuses anonymous writes with 401', async () => {
    await expectProblem(
      await send('POST', '/api/v1/tourism/attractions', { name: { id: 'X' }, category: 'park' }, null),
      401,
    )
  })
})

describe('events: rules, occurrences in a window, recurrence', () => {
  it('refuses contradictory dates, venues and prices', async () => {
    const post = (body: Record<string, unknown>) =>
      send('POST', '/api/v1/tourism/events', {
        name: { id: 'Salah' },
        category: 'music',
        startDate: '2026-12-10',
        ...body,
      })
    await expectProblem(await post({ endDate: '2026-12-09' }), 422)
    await expectProblem(await post({ startDate: '2026-02-30' }), 422)
    await expectProblem(await post({ startTime: '25:00' }), 422)
    await expectProblem(await post({ startTime: '20:00', endTime: '19:00' }), 422)
    await expectProblem(await post({ endTime: '19:00' }), 422)
    await expectProblem(await post({ weekday: 'mo' }), 422)
    await expectProblem(await post({ recurrenceUntil: '2027-01-01' }), 422)
    await expectProblem(await post({ recurrence: 'weekly', endDate: '2026-12-20' }), 422)
    await expectProblem(await post({ venueAttraction: 'tidak-ada' }), 422)
    const venue = await createAttraction({ category: 'culture' })
    await expectProblem(await post({ venueAttraction: venue.slug, venueName: 'Lapangan' }), 422)
    await expectProblem(await post({ free: true, price: 10000 }), 422)
    await expectProblem(await post({ recurrence: 'daily' }), 422)
  })

  it('lists occurrences between two dates: single, multi-day, weekly until a date, monthly and yearly', async () => {
    const single = await createEvent({
      category: 'exhibition',
      startDate: '2027-03-05',
      startTime: '09:00',
      endTime: '15:00',
    })
    const multi = await createEvent({ category: 'exhibition', startDate: '2027-02-27', endDate: '2027-03-02' })
    const weekly = await createEvent({
      category: 'exhibition',
      startDate: '2027-02-01',
      recurrence: 'weekly',
      weekday: 'sa',
      recurrenceUntil: '2027-03-13',
    })
    const monthly = await createEvent({ category: 'exhibition', startDate: '2027-01-31', recurrence: 'monthly' })
    const yearly = await createEvent({ category: 'exhibition', startDate: '2020-03-10', recurrence: 'yearly' })
    const page = await occurrences('?from=2027-03-01&to=2027-03-31&category=exhibition')
    expect(page).toMatchObject({ from: '2027-03-01', to: '2027-03-31' })
    const byId = (id: string) => page.items.filter((o) => o.event.id === id).map((o) => `${o.startDate}/${o.endDate}`)
    expect(byId(single.id)).toEqual(['2027-03-05/2027-03-05'])
    // Began before the window and is still on.
    expect(byId(multi.id)).toEqual(['2027-02-27/2027-03-02'])
    expect(byId(weekly.id)).toEqual(['2027-03-06/2027-03-06', '2027-03-13/2027-03-13'])
    expect(byId(monthly.id)).toEqual(['2027-03-31/2027-03-31'])
    expect(byId(yearly.id)).toEqual(['2027-03-10/2027-03-10'])
    expect(page.items.find((o) => o.event.id === single.id)).toMatchObject({ startTime: '09:00', endTime: '15:00' })
    const starts = page.items.map((o) => o.startDate)
    expect(starts).toEqual([...starts].sort())
    // February has no 31st: the monthly event skips it.
    const february = await occurrences('?from=2027-02-01&to=2027-02-28&category=exhibition')
    expect(february.items.filter((o) => o.event.id === monthly.id)).toEqual([])
  })

  it('defaults to the next 30 days from today in the tenant zone, and refuses more than 366 days', async () => {
    const today = localDateOf(new Date(), 'Asia/Jakarta')
    const page = await occurrences('')
    expect(page.from).toBe(today)
    expect(Date.parse(page.to) - Date.parse(page.from)).toBe(29 * 86_400_000)
    await expectProblem(await t.request(HOST, '/api/v1/tourism/events?from=2027-01-01&to=2028-01-02'), 422)
    await expectProblem(await t.request(HOST, '/api/v1/tourism/events?from=2027-01-02&to=2027-01-01'), 422)
    await expectProblem(await t.request(HOST, '/api/v1/tourism/events?from=besok'), 422)
    await expectProblem(await t.request(HOST, '/api/v1/tourism/events?category=perang'), 422)
    expect((await occurrences('?from=2027-01-01&to=2028-01-01')).to).toBe('2028-01-01')
  })

  it('filters occurrences by attraction, and keeps a past event reachable by its URL', async () => {
    const venue = await createAttraction({ category: 'religion' })
    const here = await createEvent({ category: 'religion', startDate: '2027-04-01', venueAttraction: venue.id })
    expect(here.venueAttraction).toBe(venue.slug)
    await createEvent({ category: 'religion', startDate: '2027-04-02' })
    const page = await occurrences(`?from=2027-04-01&to=2027-04-30&attraction=${venue.slug}`)
    expect(page.items.map((o) => o.event.id)).toEqual([here.id])
    const past = await createEvent({ category: 'religion', startDate: '2020-01-01' })
    expect((await jsonOf<TourismEvent>(await t.request(HOST, `/api/v1/tourism/events/${past.slug}`))).id).toBe(past.id)
  })
})

describe('iCalendar feeds', () => {
  let festival: TourismEvent
  let weekly: TourismEvent
  beforeAll(async () => {
    festival = await createEvent({
      name: { id: 'Festival Kalender Uji dengan nama yang cukup panjang untuk dilipat pada baris iCalendar' },
      description: { id: 'Tarian, musik gondang, dan lomba solu; semuanya, tentu, di tepi danau.' },
      category: 'festival',
      startDate: '2027-12-01',
      endDate: '2027-12-03',
      recurrence: 'yearly',
    })
    weekly = await createEvent({
      category: 'market',
      startDate: '2027-01-04',
      startTime: '18:00',
      endTime: '22:00',
      recurrence: 'weekly',
      weekday: 'fr',
      recurrenceUntil: '2027-12-31',
      venueName: 'Lapangan Uji',
      kecamatan: 'Balige',
      coordinates: { lat: 2.33, lon: 99.06 },
    })
    await createEvent({ category: 'festival', startDate: '2019-05-05' })
  })

  const feed = async (path: string) => {
    const res = await t.request(HOST, path)
    expect(res.status, await res.clone().text()).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/)
    return res.text()
  }

  it('is valid RFC 5545: CRLF, lines of at most 75 octets, one VEVENT per upcoming event, RRULEs', async () => {
    const text = await feed('/api/v1/tourism/events.ics')
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    const lines = unfold(text)
    expect(lines[0]).toBe('BEGIN:VCALENDAR')
    expect(lines.at(-1)).toBe('END:VCALENDAR')
    expect(lines).toContain('VERSION:2.0')
    const begins = lines.filter((l) => l === 'BEGIN:VEVENT').length
    expect(begins).toBe(lines.filter((l) => l === 'END:VEVENT').length)
    expect(lines).toContain(`UID:${festival.id}@uji.localhost`)
    expect(lines).toContain('DTSTART;VALUE=DATE:20271201')
    expect(lines).toContain('DTEND;VALUE=DATE:20271204')
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=1')
    expect(lines).toContain('DTSTART;TZID=Asia/Jakarta:20270108T180000')
    expect(lines).toContain('DTEND;TZID=Asia/Jakarta:20270108T220000')
    expect(lines).toContain('RRULE:FREQ=WEEKLY;BYDAY=FR;UNTIL=20271231T165959Z')
    expect(lines).toContain('BEGIN:VTIMEZONE')
    expect(lines).toContain('GEO:2.33;99.06')
    expect(lines).toContain('LOCATION:Lapangan Uji\\, Kec. Balige')
    expect(lines.some((l) => l.startsWith('DESCRIPTION:Tarian\\, musik gondang\\, dan lomba solu\\; semuanya'))).toBe(
      true,
    )
    expect(lines.every((l) => !l.startsWith('DTSTART:2019'))).toBe(true)
    // The event of 2019 is over: not in the feed.
    expect(lines.filter((l) => l.startsWith('DTSTART;VALUE=DATE:2019'))).toEqual([])
    // The same feed twice is the same text (DTSTAMP is the last revision), so caches and calendars agree.
    expect(await feed('/api/v1/tourism/events.ics')).toBe(text)
  })

  it('has a feed per category and a file per event', async () => {
    const markets = unfold(await feed('/api/v1/tourism/events.ics?category=market'))
    expect(markets).toContain(`UID:${weekly.id}@uji.localhost`)
    expect(markets).not.toContain(`UID:${festival.id}@uji.localhost`)
    const one = unfold(await feed(`/api/v1/tourism/events/${festival.slug}/ics`))
    expect(one.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1)
    expect(one).toContain(`URL:http://uji.localhost/acara/${festival.slug}`)
    await expectProblem(await t.request(HOST, '/api/v1/tourism/events/tidak-ada/ics'), 404)
    await expectProblem(await t.request(HOST, '/api/v1/tourism/events.ics?category=perang'), 422)
  })
})
