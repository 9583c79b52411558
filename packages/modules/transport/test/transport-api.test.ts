import { setModuleEnabled } from '@cerdas/platform'
import {
  createTestPlatform,
  createTestToken,
  expectProblem,
  jsonOf,
  TEST_OPERATOR_TOKEN,
  type TestPlatform,
} from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Route, RouteDepartures } from '../src/index'

const HOST = 'uji.localhost'
const OTHER = 'lain.localhost'
const PATH = '/api/v1/transport/routes'

const WEEKDAY = ['07:00', '09:00', '11:00', '13:00', '15:00', '17:00']
const SUNDAY = ['07:00', '08:00', '09:00', '10:00', '12:00', '14:00', '16:00', '18:00']

let t: TestPlatform

beforeAll(async () => {
  t = await createTestPlatform()
  for (const slug of ['uji', 'lain']) {
    // The kabupaten template ships the 2026 holidays (SKB 3 Menteri) in the schedules module.
    await t.createTenant(slug)
    await setModuleEnabled(t.platform, slug, 'transport', true)
  }
})
afterAll(() => t?.close())

const send = (method: string, path: string, body?: unknown, token: string | null = TEST_OPERATOR_TOKEN, host = HOST) =>
  t.send(host, method, path, body, token)

let seq = 0
async function createRoute(input: Record<string, unknown> = {}, host = HOST): Promise<Route> {
  seq++
  return jsonOf<Route>(
    await send(
      'POST',
      PATH,
      {
        name: { id: `Kapal Ajibata – Tomok ${seq}`, en: `Ajibata – Tomok ferry ${seq}` },
        mode: 'ferry',
        originName: 'Pelabuhan Ajibata',
        originKecamatan: 'Ajibata',
        destinationName: 'Pelabuhan Tomok',
        durationMinutes: 45,
        timetable: {
          onHolidays: 'su',
          weekly: { mo: WEEKDAY, tu: WEEKDAY, we: WEEKDAY, th: WEEKDAY, fr: WEEKDAY, sa: WEEKDAY, su: SUNDAY },
        },
        ...input,
      },
      TEST_OPERATOR_TOKEN,
      host,
    ),
    201,
  )
}

async function departures(ref: string, query: string, host = HOST): Promise<RouteDepartures> {
  return jsonOf<RouteDepartures>(await t.request(host, `${PATH}/${ref}/departures?${query}`))
}

const afterQuery = (local: string) => `after=${encodeURIComponent(`${local.replace(' ', 'T')}:00+07:00`)}`

describe('routes through the generated API', () => {
  it('creates a route with its timetable completed by the tenant zone, and reads it by slug', async () => {
    const route = await createRoute()
    expect(route.id).toMatch(/^rte_/)
    expect(route.timetable).toMatchObject({ zone: 'Asia/Jakarta', onHolidays: 'su' })
    expect(route.verification.verified).toBe(false)
    const bySlug = await jsonOf<Route>(await t.request(HOST, `${PATH}/${route.slug}`))
    expect(bySlug.id).toBe(route.id)
    const list = await jsonOf<{ items: Route[] }>(
      await t.request(HOST, `${PATH}?mode=ferry&originName=Pelabuhan%20Ajibata`),
    )
    expect(list.items.map((r) => r.id)).toContain(route.id)
    const buses = await jsonOf<{ items: Route[] }>(await t.request(HOST, `${PATH}?mode=bus`))
    expect(buses.items.map((r) => r.id)).not.toContain(route.id)
  })

  it('creates a route without times: an empty timetable that says so', async () => {
    const route = await createRoute({ timetable: undefined, mode: 'bus', destinationName: 'Bandara Silangit' })
    expect(route.timetable).toEqual({ zone: 'Asia/Jakarta', weekly: {}, onHolidays: 'usual' })
    const answer = await departures(route.slug, afterQuery('2026-01-06 09:30'))
    expect(answer).toMatchObject({ noTimetable: true, next: [], day: { times: [] } })
  })

  it('keeps overrides and exceptions when an update sends only the weekly times', async () => {
    const route = await createRoute({
      timetable: {
        onHolidays: 'su',
        weekly: { mo: ['07:00'] },
        exceptions: [{ date: '2026-06-10', times: [], reason: { id: 'Cuaca buruk' } }],
      },
    })
    const updated = await jsonOf<Route>(
      await send('PATCH', `${PATH}/${route.id}`, { timetable: { weekly: { mo: ['08:00'] } } }),
    )
    expect(updated.timetable.weekly).toEqual({ mo: ['08:00'] })
    expect(updated.timetable.exceptions).toEqual([{ date: '2026-06-10', times: [], reason: { id: 'Cuaca buruk' } }])
    const cleared = await jsonOf<Route>(await send('PATCH', `${PATH}/${route.id}`, { timetable: { exceptions: [] } }))
    expect(cleared.timetable.exceptions).toBeUndefined()
  })

  it('refuses bad timetables and unknown fields with problem+json pointing at them', async () => {
    const repeated = await expectProblem(
      await send('POST', PATH, {
        name: { id: 'Rute salah' },
        mode: 'ferry',
        originName: 'Ajibata',
        destinationName: 'Tomok',
        timetable: { weekly: { mo: ['07:00', '07:00'] } },
      }),
      422,
    )
    expect(JSON.stringify(repeated)).toContain('/timetable/weekly/mo/1')
    await expectProblem(
      await send('POST', PATH, {
        name: { id: 'Rute salah' },
        mode: 'ferry',
        originName: 'Ajibata',
        destinationName: 'Tomok',
        timetable: { weekly: { mo: ['25:00'] } },
      }),
      422,
    )
    await expectProblem(
      await send('POST', PATH, { name: { id: 'X' }, mode: 'rocket', originName: 'A', destinationName: 'B' }),
      422,
    )
    await expectProblem(
      await send('POST', PATH, { name: { id: 'X' }, mode: 'bus', originName: 'A', destinationName: 'B', price: 1 }),
      422,
    )
    const route = await createRoute()
    await expectProblem(await t.request(HOST, `${PATH}/${route.slug}/departures?date=2026-02-30`), 422)
    await expectProblem(await t.request(HOST, `${PATH}/${route.slug}/departures?after=kemarin`), 422)
    await expectProblem(await t.request(HOST, `${PATH}/${route.slug}/departures?limit=0`), 422)
    await expectProblem(await t.request(HOST, `${PATH}/${route.slug}/departures?limit=51`), 422)
    await expectProblem(await t.request(HOST, `${PATH}/${route.slug}/ical?days=500`), 422)
    await expectProblem(await t.request(HOST, `${PATH}/tidak-ada/departures`), 404)
    await expectProblem(await t.request(HOST, `${PATH}/tidak-ada/ical`), 404)
  })
})

describe('next departures at fixed instants around holidays', () => {
  let slug: string
  beforeAll(async () => {
    slug = (
      await createRoute({
        timetable: {
          onHolidays: 'su',
          weekly: { mo: WEEKDAY, tu: WEEKDAY, we: WEEKDAY, th: WEEKDAY, fr: WEEKDAY, sa: WEEKDAY, su: SUNDAY },
          overrides: [
            {
              from: '2026-07-01',
              to: '2026-07-12',
              reason: { id: 'Musim libur sekolah', en: 'School holidays' },
              weekly: { we: ['06:00', '19:30'] },
            },
          ],
          exceptions: [{ date: '2026-06-10', times: [], reason: { id: 'Cuaca buruk', en: 'Bad weather' } }],
        },
      })
    ).slug
  })

  it('a weekday morning: the next ones today, with the weekday timetable', async () => {
    const answer = await departures(slug, `${afterQuery('2026-01-06 09:30')}&limit=2`)
    expect(answer.next.map((d) => [d.date, d.time, d.reason.kind])).toEqual([
      ['2026-01-06', '11:00', 'weekly'],
      ['2026-01-06', '13:00', 'weekly'],
    ])
    expect(answer.next[0]?.at).toBe('2026-01-06T04:00:00.000Z')
    expect(answer.day).toMatchObject({ date: '2026-01-06', weekday: 'tu', times: WEEKDAY, holiday: null })
  })

  it('after the last departure of Sunday, the next one is Monday morning', async () => {
    const answer = await departures(slug, `${afterQuery('2026-01-11 18:30')}&limit=1`)
    expect(answer.next.map((d) => [d.date, d.time])).toEqual([['2026-01-12', '07:00']])
    expect(answer.day.times).toEqual(SUNDAY)
  })

  it('Independence Day (a Monday): runs as on Sunday, naming the holiday', async () => {
    const answer = await departures(slug, `${afterQuery('2026-08-16 19:00')}&limit=2&date=2026-08-17`)
    expect(answer.next.map((d) => d.time)).toEqual(['07:00', '08:00'])
    expect(answer.next[0]?.reason).toEqual({
      kind: 'holiday',
      runsAs: 'su',
      label: { id: 'Hari Kemerdekaan Republik Indonesia', en: 'Independence Day' },
    })
    expect(answer.day).toMatchObject({ times: SUNDAY, holiday: { kind: 'national', verified: false } })
  })

  it('a cuti bersama Monday (Idul Fitri) runs as on Sunday too', async () => {
    const answer = await departures(slug, 'date=2026-03-23&after=2026-03-23T12:00:00%2B07:00&limit=1')
    expect(answer.day).toMatchObject({ reason: { kind: 'holiday', runsAs: 'su' }, holiday: { kind: 'cuti_bersama' } })
    expect(answer.next[0]?.time).toBe('14:00')
  })

  it('an override day and a cancelled day', async () => {
    const peak = await departures(slug, 'date=2026-07-01&after=2026-07-01T00:00:00%2B07:00&limit=1')
    expect(peak.day).toMatchObject({
      times: ['06:00', '19:30'],
      reason: { kind: 'override', label: { id: 'Musim libur sekolah', en: 'School holidays' } },
    })
    const storm = await departures(slug, 'date=2026-06-10&after=2026-06-09T18:00:00%2B07:00&limit=1')
    expect(storm.day).toMatchObject({ times: [], reason: { kind: 'cancelled', label: { id: 'Cuaca buruk' } } })
    expect(storm.next.map((d) => [d.date, d.time])).toEqual([['2026-06-11', '07:00']])
  })

  it('a regional holiday added by the tenant changes the answer without touching the route', async () => {
    const before = await departures(slug, 'date=2026-09-08&after=2026-09-08T00:00:00%2B07:00&limit=1')
    expect(before.day.reason.kind).toBe('weekly')
    const holiday = await send('POST', '/api/v1/holidays', {
      date: '2026-09-08',
      name: { id: 'Hari jadi (uji)' },
      kind: 'regional',
    })
    expect(holiday.status).toBe(201)
    const afterHoliday = await departures(slug, 'date=2026-09-08&after=2026-09-08T00:00:00%2B07:00&limit=1')
    expect(afterHoliday.day).toMatchObject({ reason: { kind: 'holiday', runsAs: 'su' }, times: SUNDAY })
  })

  it('serves an iCalendar feed of the coming departures', async () => {
    const res = await t.request(HOST, `${PATH}/${slug}/ical?days=2`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/calendar')
    const text = await res.text()
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    expect(text).toContain('DURATION:PT45M')
    expect(text).toContain('LOCATION:Pelabuhan Ajibata')
  })
})

describe('who may change transport data', () => {
  it('the living team may; the economy and branding teams and anonymous callers may not', async () => {
    const route = await createRoute()
    const living = await createTestToken(t, 'uji', [{ role: 'editor', dimension: 'living' }])
    const economy = await createTestToken(t, 'uji', [{ role: 'editor', dimension: 'economy' }])
    const branding = await createTestToken(t, 'uji', [{ role: 'editor', dimension: 'branding' }])
    const patch = (token: string | null) =>
      send('PATCH', `${PATH}/${route.id}`, { notes: { id: 'Datang 30 menit sebelum berangkat.' } }, token)
    await expectProblem(await patch(economy.secret), 403)
    await expectProblem(await patch(branding.secret), 403)
    await expectProblem(await patch(null), 401)
    expect((await patch(living.secret)).status).toBe(200)
    const create = await send(
      'POST',
      PATH,
      { name: { id: 'Bus uji' }, mode: 'bus', originName: 'Balige', destinationName: 'Kualanamu' },
      economy.secret,
    )
    await expectProblem(create, 403)
    await expectProblem(await send('DELETE', `${PATH}/${route.id}`, undefined, economy.secret), 403)
  })
})

describe('tenant isolation', () => {
  it("one tenant's routes are not found on another's host", async () => {
    const route = await createRoute({}, OTHER)
    await expectProblem(await t.request(HOST, `${PATH}/${route.id}`), 404)
    await expectProblem(await t.request(HOST, `${PATH}/${route.slug}/departures`), 404)
    await expectProblem(await send('PATCH', `${PATH}/${route.id}`, { notes: { id: 'x' } }), 404)
    const list = await jsonOf<{ items: Route[] }>(await t.request(HOST, PATH))
    expect(list.items.map((r) => r.id)).not.toContain(route.id)
  })
})
