import type { Grant } from '@cerdas/core'
import {
  createTenantWithEveryModule,
  createTestPlatform,
  createTestToken,
  expectProblem,
  jsonOf,
  type TestPlatform,
  tenantDbOf,
} from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AgendaEntry } from '../src/index'

/**
 * The agenda through the API: the governance team and admins keep it, the list covers a window of
 * dates, and the iCalendar feeds follow RFC 5545 (stable UIDs, DTSTAMP, all-day VALUE=DATE, timed
 * with TZID and its VTIMEZONE, unverified entries TENTATIVE).
 */

const HOST = 'uji.localhost'
let t: TestPlatform
let governanceEditor: string
let economyEditor: string
let bimtek: AgendaEntry
let meeting: AgendaEntry

const tokenFor = async (grant: Grant) => (await createTestToken(t, 'uji', [grant])).secret

/** The content lines of an iCalendar text, unfolded (RFC 5545 3.1). */
const unfold = (text: string) =>
  text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean)

/** The VEVENT blocks of a calendar, each as its content lines. */
function events(lines: string[]): string[][] {
  const out: string[][] = []
  let current: string[] | null = null
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = []
    else if (line === 'END:VEVENT' && current) {
      out.push(current)
      current = null
    } else current?.push(line)
  }
  return out
}
const prop = (event: string[], name: string) => event.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))

beforeAll(async () => {
  t = await createTestPlatform()
  await createTenantWithEveryModule(t, 'uji')
  await createTenantWithEveryModule(t, 'lain')
  governanceEditor = await tokenFor({ role: 'editor', dimension: 'governance' })
  economyEditor = await tokenFor({ role: 'editor', dimension: 'economy' })
  bimtek = await jsonOf<AgendaEntry>(
    await t.send(
      HOST,
      'POST',
      '/api/v1/governance/agenda',
      {
        kind: 'bimtek',
        title: { id: 'Bimtek Tahap I, Masterplan Smart City', en: 'Technical coaching, stage I' },
        startDate: '2021-06-28',
        endDate: '2021-06-29',
        place: 'Auditorium, Laguboti',
        participants: ['Seluruh OPD', 'Pelaku UMKM'],
        materials: [{ title: { id: 'Paparan' }, url: 'https://contoh.go.id/paparan.pdf' }],
        sourceNote: 'Berita daerah, 28 Juni 2021.',
      },
      governanceEditor,
    ),
    201,
  )
  meeting = await jsonOf<AgendaEntry>(
    await t.send(
      HOST,
      'POST',
      '/api/v1/governance/agenda',
      {
        kind: 'council_meeting',
        title: { id: 'Rapat dewan smart city; evaluasi, tahunan' },
        startDate: '2027-02-10',
        startTime: '09:00',
        endTime: '12:30',
        summary: {
          id: 'Membahas capaian indikator kinerja tahun 2026 dan rencana tahun berikutnya bersama seluruh OPD.',
        },
      },
      governanceEditor,
    ),
    201,
  )
  await t.send(HOST, 'POST', `/api/v1/governance/agenda/${meeting.id}/verify`, { source: 'Undangan rapat' })
})
afterAll(() => t?.close())

describe('agenda writes', () => {
  it('refuses other teams (403), viewers (403) and anonymous callers (401), writing and auditing nothing', async () => {
    const db = await tenantDbOf(t, 'uji')
    const count = async () =>
      Number(
        (await db.$client.execute("SELECT COUNT(*) AS n FROM cerdas_audit_log WHERE entity = 'governance.agenda'"))
          .rows[0]?.n,
      )
    const before = await count()
    const entry = { kind: 'other', title: { id: 'Rapat' }, startDate: '2027-01-05' }
    const viewer = await tokenFor({ role: 'viewer', dimension: null })
    await expectProblem(await t.send(HOST, 'POST', '/api/v1/governance/agenda', entry, economyEditor), 403)
    await expectProblem(await t.send(HOST, 'POST', '/api/v1/governance/agenda', entry, viewer), 403)
    await expectProblem(await t.send(HOST, 'POST', '/api/v1/governance/agenda', entry, null), 401)
    await expectProblem(
      await t.send(HOST, 'PATCH', `/api/v1/governance/agenda/${bimtek.id}`, { place: 'Balige' }, economyEditor),
      403,
    )
    expect(await count()).toBe(before)
  })

  it('refuses bad dates and times with problem+json 422 naming the field', async () => {
    const post = (body: unknown) => t.send(HOST, 'POST', '/api/v1/governance/agenda', body, governanceEditor)
    const pointers = async (res: Response) =>
      ((await expectProblem(res, 422)).errors as { pointer: string }[]).map((e) => e.pointer)
    const entry = { kind: 'bimtek', title: { id: 'Bimtek' }, startDate: '2027-03-10' }
    expect(await pointers(await post({ ...entry, endDate: '2027-03-09' }))).toContain('/endDate')
    expect(await pointers(await post({ ...entry, startTime: '25:00' }))).toContain('/startTime')
    expect(await pointers(await post({ ...entry, startTime: '10:00', endTime: '09:00' }))).toContain('/endTime')
    expect(await pointers(await post({ ...entry, kind: 'rapat' }))).toContain('/kind')
    expect(await pointers(await post({ ...entry, startDate: '2027-02-30' }))).toContain('/startDate')
    expect(
      await pointers(await post({ ...entry, materials: [{ title: { id: 'X' }, url: 'javascript:alert(1)' }] })),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/^\/materials/)]))
  })
})

describe('agenda list', () => {
  it('lists entries taking place in a window, of one kind if asked, and none of another tenant', async () => {
    const list = async (query: string, host = HOST) =>
      jsonOf<{ from: string; to: string; items: AgendaEntry[] }>(
        await t.request(host, `/api/v1/governance/agenda${query}`),
      )
    expect((await list('?from=2021-01-01&to=2021-12-31')).items.map((e) => e.id)).toEqual([bimtek.id])
    // The second day of a two-day entry is inside the window.
    expect((await list('?from=2021-06-29&to=2021-06-29')).items.map((e) => e.id)).toEqual([bimtek.id])
    expect((await list('?from=2026-01-01&to=2027-12-31&kind=council_meeting')).items.map((e) => e.id)).toEqual([
      meeting.id,
    ])
    expect((await list('?from=2021-01-01&to=2021-12-31', 'lain.localhost')).items).toEqual([])
    await expectProblem(await t.request(HOST, '/api/v1/governance/agenda?from=2021-06-30&to=2021-06-01'), 422)
    await expectProblem(await t.request(HOST, '/api/v1/governance/agenda?from=2010-01-01&to=2030-01-01'), 422)
    await expectProblem(await t.request(HOST, '/api/v1/governance/agenda?from=kemarin'), 422)
    await expectProblem(await t.request(HOST, '/api/v1/governance/agenda?kind=pesta'), 422)
  })
})

describe('agenda iCalendar', () => {
  it('serves the whole agenda as RFC 5545 text/calendar: all-day and timed entries, TZID with VTIMEZONE, TENTATIVE', async () => {
    const res = await t.request(HOST, '/api/v1/governance/agenda.ics')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    const text = await res.text()
    expect(text.endsWith('\r\n')).toBe(true)
    for (const raw of text.split('\r\n')) expect(new TextEncoder().encode(raw).length).toBeLessThanOrEqual(75)
    const lines = unfold(text)
    expect(lines[0]).toBe('BEGIN:VCALENDAR')
    expect(lines.at(-1)).toBe('END:VCALENDAR')
    expect(lines).toContain('VERSION:2.0')
    expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true)
    expect(lines).toContain('BEGIN:VTIMEZONE')
    expect(lines).toContain('TZID:Asia/Jakarta')
    const [first, second] = events(lines)
    if (!first || !second) throw new Error('two events expected')
    // The bimtek: two whole days, DTEND the day after the last; unverified, so tentative.
    expect(prop(first, 'UID')).toBe(`UID:${bimtek.id}@uji.localhost`)
    expect(prop(first, 'DTSTAMP')).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/)
    expect(prop(first, 'DTSTART')).toBe('DTSTART;VALUE=DATE:20210628')
    expect(prop(first, 'DTEND')).toBe('DTEND;VALUE=DATE:20210630')
    expect(prop(first, 'STATUS')).toBe('STATUS:TENTATIVE')
    expect(prop(first, 'LOCATION')).toBe('LOCATION:Auditorium\\, Laguboti')
    expect(prop(first, 'ATTACH')).toBe('ATTACH:https://contoh.go.id/paparan.pdf')
    expect(prop(first, 'DESCRIPTION')).toBe('DESCRIPTION:Peserta: Seluruh OPD\\, Pelaku UMKM')
    // The council meeting: local times in the tenant's zone; verified, so not tentative.
    expect(prop(second, 'DTSTART')).toBe('DTSTART;TZID=Asia/Jakarta:20270210T090000')
    expect(prop(second, 'DTEND')).toBe('DTEND;TZID=Asia/Jakarta:20270210T123000')
    expect(prop(second, 'STATUS')).toBeUndefined()
    expect(prop(second, 'SUMMARY')).toBe('SUMMARY:Rapat dewan smart city\\; evaluasi\\, tahunan')
  })

  it('keeps each UID across edits, and serves one entry on its own or one kind', async () => {
    const before = unfold(await (await t.request(HOST, `/api/v1/governance/agenda/${bimtek.id}/ics`)).text())
    await t.send(HOST, 'PATCH', `/api/v1/governance/agenda/${bimtek.id}`, { place: 'Gedung serba guna, Laguboti' })
    const one = await t.request(HOST, `/api/v1/governance/agenda/${bimtek.id}/ics`)
    expect(one.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    const after = unfold(await one.text())
    expect(events(after)).toHaveLength(1)
    expect(after.find((l) => l.startsWith('UID:'))).toBe(before.find((l) => l.startsWith('UID:')))
    expect(after.find((l) => l.startsWith('LOCATION:'))).toBe('LOCATION:Gedung serba guna\\, Laguboti')
    // Only all-day entries: no zone to describe.
    expect(after).not.toContain('BEGIN:VTIMEZONE')
    const councils = unfold(await (await t.request(HOST, '/api/v1/governance/agenda.ics?kind=council_meeting')).text())
    expect(events(councils).map((e) => prop(e, 'UID'))).toEqual([`UID:${meeting.id}@uji.localhost`])
    await expectProblem(await t.request(HOST, '/api/v1/governance/agenda/agd_tidak_ada/ics'), 404)
    await expectProblem(await t.request(HOST, '/api/v1/governance/agenda.ics?kind=pesta'), 422)
  })
})
