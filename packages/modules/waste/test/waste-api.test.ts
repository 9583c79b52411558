import { setModuleEnabled } from '@cerdas/platform'
import { createTestPlatform, expectProblem, jsonOf, TEST_OPERATOR_TOKEN, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Area, DropPoint, PlaceCollections } from '../src/index'

const HOST = 'uji.localhost'
const AREAS = '/api/v1/waste/areas'

let t: TestPlatform
let balige: Area

const send = (method: string, path: string, body?: unknown, token: string | null = TEST_OPERATOR_TOKEN) =>
  t.send(HOST, method, path, body, token)

beforeAll(async () => {
  t = await createTestPlatform()
  // The kabupaten template ships the 2026 holidays (Natal 25 Dec, cuti bersama 24 Dec).
  await t.createTenant('uji')
  await setModuleEnabled(t.platform, 'uji', 'waste', true)
  balige = await jsonOf<Area>(
    await send('POST', AREAS, {
      name: { id: 'Balige Kota', en: 'Balige town' },
      kecamatan: 'Balige',
      desa: ['Sangkar Nihuta', 'Napitupulu Bagasan'],
      route: { id: 'Jl. Sisingamangaraja – Pasar Balige' },
      rule: { days: ['mo', 'fr'], start: '07:00', end: '10:00', onHolidays: 'next-working-day' },
      sourceNote: 'Data uji.',
    }),
    201,
  )
  await jsonOf<Area>(
    await send('POST', AREAS, {
      name: { id: 'Laguboti' },
      kecamatan: 'Laguboti',
      desa: ['Pintu Bosi'],
      rule: { days: ['we'], onHolidays: 'skip' },
    }),
    201,
  )
})
afterAll(() => t?.close())

describe('areas', () => {
  it('stores the rule with the tenant zone and finds areas by desa', async () => {
    expect(balige.rule).toEqual({
      zone: 'Asia/Jakarta',
      days: ['mo', 'fr'],
      start: '07:00',
      end: '10:00',
      onHolidays: 'next-working-day',
    })
    const list = await jsonOf<{ items: Area[] }>(await t.request(HOST, `${AREAS}?desa=Sangkar+Nihuta`), 200)
    expect(list.items.map((a) => a.slug)).toEqual([balige.slug])
  })

  it('is found in the tenant search by a desa it serves', async () => {
    const res = await t.request(HOST, `/api/v1/search?q=${encodeURIComponent('Napitupulu Bagasan')}`)
    expect(res.status).toBe(200)
    const hits = ((await res.json()) as { items: { id: string; url?: string }[] }).items
    expect(hits.map((h) => h.id)).toContain(balige.id)
  })

  it('keeps stored exceptions when an update sends only the days', async () => {
    const exceptions = [{ date: '2026-12-28', kind: 'cancelled', reason: { id: 'Perbaikan truk' } }]
    await jsonOf(await send('PATCH', `${AREAS}/${balige.id}`, { rule: { exceptions } }), 200)
    const after = await jsonOf<Area>(
      await send('PATCH', `${AREAS}/${balige.id}`, { rule: { days: ['fr', 'mo'] } }),
      200,
    )
    expect(after.rule.exceptions).toEqual(exceptions)
    expect(after.rule.days).toEqual(['mo', 'fr'])
  })

  it('refuses a window that ends before it starts, with a pointer', async () => {
    const res = await send('POST', AREAS, {
      name: { id: 'Salah' },
      kecamatan: 'Balige',
      rule: { days: ['mo'], start: '10:00', end: '07:00' },
    })
    const body = await expectProblem(res, 422)
    expect(JSON.stringify(body)).toContain('/rule/end')
  })
})

describe('GET /waste/collections', () => {
  const get = (query: string) => t.request(HOST, `/api/v1/waste/collections?${query}`)

  it('answers the next collections of the desa with the Christmas shift explained', async () => {
    const body = await jsonOf<PlaceCollections>(
      await get('desa=sangkar%20nihuta&after=2026-12-21T11:00:00%2B07:00&limit=3'),
      200,
    )
    expect(body.areas).toHaveLength(1)
    const [a] = body.areas
    // Fri 25 Dec (Natal) moves to Saturday; Mon 28 Dec is cancelled (set above); New Year's Day moves too.
    expect(a?.next.map((c) => [c.date, c.status])).toEqual([
      ['2026-12-26', 'shifted'],
      ['2027-01-02', 'shifted'],
      ['2027-01-04', 'regular'],
    ])
    expect(a?.next[0]).toMatchObject({ date: '2026-12-26', scheduledDate: '2026-12-25', status: 'shifted' })
    expect(a?.next[0]?.note?.id).toMatch(/dipindah ke Sabtu 26 Des$/)
    // The cancelled Monday (an exception set above) is explained, not silently missing.
    expect(a?.missed.map((c) => [c.date, c.status])).toContainEqual(['2026-12-28', 'cancelled'])
  })

  it('lists every area of a kecamatan, and nothing for a desa no area serves', async () => {
    const all = await jsonOf<PlaceCollections>(await get('kecamatan=laguboti&after=2026-12-21T00:00:00%2B07:00'), 200)
    expect(all.areas.map((a) => a.area.name.id)).toEqual(['Laguboti'])
    const none = await jsonOf<PlaceCollections>(await get('desa=Tidak+Ada'), 200)
    expect(none.areas).toEqual([])
  })

  it('answers the whole regency without a place, and refuses unknown parameters as problem+json', async () => {
    const every = await jsonOf<PlaceCollections>(await get(''), 200)
    expect(every.areas.map((a) => a.area.name.id).sort()).toEqual(
      (await jsonOf<PlaceCollections>(await get('kecamatan=balige'), 200)).areas
        .concat((await jsonOf<PlaceCollections>(await get('kecamatan=laguboti'), 200)).areas)
        .map((a) => a.area.name.id)
        .sort(),
    )
    await expectProblem(await get('desa=Sangkar+Nihuta&foo=1'), 422)
    await expectProblem(await get('desa=Sangkar+Nihuta&limit=500'), 422)
  })
})

describe('GET /waste/areas/{id}/ical', () => {
  it('is an RFC 5545 feed with one event per collection and UIDs of the area', async () => {
    const res = await t.request(HOST, `${AREAS}/${balige.slug}/ical?days=14`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/calendar')
    const body = await res.text()
    expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    const events = body.match(/BEGIN:VEVENT/g) ?? []
    // Two weekdays a week over two weeks (less an exception that may fall in the window).
    expect(events.length).toBeGreaterThanOrEqual(3)
    expect(events.length).toBeLessThanOrEqual(5)
    expect(body).toMatch(new RegExp(`UID:${balige.id}-\\d{4}-\\d{2}-\\d{2}@`))
    expect(body).toContain('DTSTART;TZID=Asia/Jakarta:')
  })

  it('answers an unknown area and a bad range with problem+json', async () => {
    await expectProblem(await t.request(HOST, `${AREAS}/tidak-ada/ical`), 404)
    await expectProblem(await t.request(HOST, `${AREAS}/${balige.slug}/ical?days=500`), 422)
  })
})

describe('drop points', () => {
  it('are places filtered by desa, kind and what they accept', async () => {
    const created = await jsonOf<DropPoint>(
      await send('POST', '/api/v1/waste/droppoints', {
        name: { id: 'Bank Sampah Uji' },
        kind: 'bank_sampah',
        kecamatan: 'Balige',
        desa: 'Sangkar Nihuta',
        accepts: ['plastic', 'paper'],
        coordinates: { lat: 2.33, lon: 99.06 },
      }),
      201,
    )
    await jsonOf(
      await send('POST', '/api/v1/waste/droppoints', { name: { id: 'TPS Uji' }, kind: 'tps', kecamatan: 'Laguboti' }),
      201,
    )
    const page = await jsonOf<{ items: (DropPoint & { hours: unknown })[] }>(
      await t.request(HOST, '/api/v1/waste/droppoints?desa=sangkar+nihuta&kind=bank_sampah&accepts=plastic'),
      200,
    )
    expect(page.items.map((p) => p.id)).toEqual([created.id])
    expect(page.items[0]?.hours).toBeNull()
    await expectProblem(await t.request(HOST, '/api/v1/waste/droppoints?kind=sumur'), 422)
  })
})
