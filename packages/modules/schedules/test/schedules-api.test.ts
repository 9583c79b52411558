import type { TenantDb } from '@cerdas/core'
import { createTestPlatform, expectProblem, jsonOf, TEST_OPERATOR_TOKEN, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import schedules, {
  type HolidayRecord,
  hoursStatusForOwners,
  type OwnerStatus,
  type Schedule,
  type ScheduleStatusView,
  statusForOwner,
  tenantAddWorkingDays,
  tenantHolidayCalendar,
  tenantWorkingDaysBetween,
  type WeekView,
} from '../src/index'

const HOST = 'uji.localhost'
const WITA = 'wita.localhost'

let t: TestPlatform
let db: TenantDb

const office = {
  weekly: {
    mo: [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ],
    tu: [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ],
    we: [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ],
    th: [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ],
    fr: [
      { start: '08:00', end: '11:30' },
      { start: '13:30', end: '16:30' },
    ],
  },
}

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('uji')
  await t.createTenant('wita', { template: 'kabupaten-wita' })
  const tenant = await t.platform.tenantBySlug('uji')
  if (!tenant) throw new Error('tenant uji missing')
  db = await t.platform.tenantDb(tenant.record)
})
afterAll(() => t?.close())

const send = (method: string, path: string, body?: unknown, token: string | null = TEST_OPERATOR_TOKEN, host = HOST) =>
  t.send(host, method, path, body, token)

const json = jsonOf

let ownerSeq = 0
const newOwner = () => ({ module: 'directory', type: 'office', id: `kantor-${++ownerSeq}` })

/** Schedules belong to real records: the office an owner names, made once per tenant. */
const offices = new Set<string>()
async function ensureOffice(owner: unknown, host = HOST): Promise<void> {
  const { module, id } = owner as { module: string; id: string }
  if (module !== 'directory' || offices.has(`${host} ${id}`)) return
  const res = await send(
    'POST',
    '/api/v1/directory/offices',
    { type: 'dinas', name: { id: `Kantor ${id}` }, slug: id },
    undefined,
    host,
  )
  expect(res.status, await res.clone().text()).toBe(201)
  offices.add(`${host} ${id}`)
}

async function create(input: Record<string, unknown> = {}, host = HOST): Promise<Schedule> {
  const owner = input.owner ?? newOwner()
  await ensureOffice(owner, host)
  return json<Schedule>(
    await send(
      'POST',
      '/api/v1/schedules',
      {
        owner,
        kind: 'hours',
        label: { id: 'Jam layanan', en: 'Service hours' },
        definition: office,
        ...input,
      },
      TEST_OPERATOR_TOKEN,
      host,
    ),
    201,
  )
}

async function status(id: string, at: string, host = HOST): Promise<ScheduleStatusView> {
  return json<ScheduleStatusView>(await t.request(host, `/api/v1/schedules/${id}/status?at=${encodeURIComponent(at)}`))
}

async function rowCount(table: string): Promise<number> {
  return Number((await db.$client.execute(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0]?.n)
}

interface AuditRow {
  action: string
  entity: string
  entityId: string
  before: unknown
  after: unknown
}

async function listAudit(entityId?: string): Promise<AuditRow[]> {
  const result = await db.$client.execute({
    sql: `SELECT * FROM cerdas_audit_log WHERE entity LIKE 'schedules.%'
      ${entityId ? 'AND entity_id = ?' : ''} ORDER BY seq DESC`,
    args: entityId ? [entityId] : [],
  })
  return result.rows.map((r) => ({
    action: String(r.action),
    entity: String(r.entity),
    entityId: String(r.entity_id),
    before: r.before === null ? null : JSON.parse(String(r.before)),
    after: r.after === null ? null : JSON.parse(String(r.after)),
  }))
}

const pointers = (problem: Record<string, unknown>) => (problem.errors as { pointer: string }[]).map((e) => e.pointer)

describe('schedules API: happy paths', () => {
  it('creates a schedule in the tenant zone, closed on holidays by default', async () => {
    const owner = newOwner()
    const created = await create({ owner, role: null, services: ['svc-ktp'] })
    expect(created.id).toMatch(/^sch_[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(created.owner).toEqual(owner)
    expect(created.kind).toBe('hours')
    expect(created.label).toEqual({ id: 'Jam layanan', en: 'Service hours' })
    expect(created.services).toEqual(['svc-ktp'])
    expect(created.definition.zone).toBe('Asia/Jakarta')
    expect(created.definition.closedOnHolidays).toBe(true)
    expect(created.definition.weekly.fr).toEqual(office.weekly.fr)
    expect(created.openingHours).toBe('Mo-Th 08:00-12:00,13:00-16:00, Fr 08:00-11:30,13:30-16:30; PH off')
    expect(created.verification).toEqual({ verified: false, verifiedAt: null, verifiedBy: null, source: null })
    expect(await json<Schedule>(await t.request(HOST, `/api/v1/schedules/${created.id}`))).toEqual(created)
  })

  it('lists schedules of one owner only, and pages with a cursor', async () => {
    const a = newOwner()
    const b = newOwner()
    const a1 = await create({ owner: a })
    const a2 = await create({ owner: a, kind: 'presence', label: { id: 'Petugas KTP-el' } })
    const b1 = await create({ owner: b })
    const q = `ownerModule=${a.module}&ownerType=${a.type}&ownerId=${a.id}`
    const page = await json<{ items: Schedule[] }>(await t.request(HOST, `/api/v1/schedules?${q}`))
    expect(page.items.map((s) => s.id)).toEqual([a1.id, a2.id])
    expect(page.items.map((s) => s.id)).not.toContain(b1.id)
    const presence = await json<{ items: Schedule[] }>(await t.request(HOST, `/api/v1/schedules?${q}&kind=presence`))
    expect(presence.items.map((s) => s.id)).toEqual([a2.id])

    const first = await json<{ items: Schedule[]; nextCursor: string }>(
      await t.request(HOST, `/api/v1/schedules?${q}&limit=1`),
    )
    expect(first.items.map((s) => s.id)).toEqual([a1.id])
    const second = await json<{ items: Schedule[]; nextCursor: string | null }>(
      await t.request(HOST, `/api/v1/schedules?${q}&limit=1&cursor=${encodeURIComponent(first.nextCursor)}`),
    )
    expect(second.items.map((s) => s.id)).toEqual([a2.id])
    expect(second.nextCursor).toBeNull()
    await expectProblem(await t.request(HOST, '/api/v1/schedules?cursor=bogus!!'), 400)
  })

  it('updates a schedule, replacing its definition', async () => {
    const created = await create()
    const updated = await json<Schedule>(
      await send('PATCH', `/api/v1/schedules/${created.id}`, {
        label: { id: 'Jam layanan baru' },
        definition: { weekly: { sa: [{ start: '09:00', end: '12:00' }] }, closedOnHolidays: false },
      }),
    )
    expect(updated.label).toEqual({ id: 'Jam layanan baru' })
    expect(updated.definition.weekly).toEqual({ sa: [{ start: '09:00', end: '12:00' }] })
    expect(updated.definition.closedOnHolidays).toBe(false)
    expect(updated.openingHours).toBe('Sa 09:00-12:00')
    expect(await json<Schedule>(await t.request(HOST, `/api/v1/schedules/${created.id}`))).toEqual(updated)
  })

  it('verifies a schedule; a new label or definition clears the stamp, an unchanged save keeps it', async () => {
    const created = await create()
    const verified = await json<Schedule>(
      await send('POST', `/api/v1/schedules/${created.id}/verify`, { source: 'SK Kepala Dinas 3/2026' }),
    )
    expect(verified.verification).toMatchObject({
      verified: true,
      verifiedBy: expect.stringMatching(/\S/),
      source: 'SK Kepala Dinas 3/2026',
    })
    expect(verified.verification.verifiedBy).not.toBe('unknown')
    const unchanged = await json<Schedule>(
      await send('PATCH', `/api/v1/schedules/${created.id}`, { label: verified.label }),
    )
    expect(unchanged.verification.verified).toBe(true)
    const relabelled = await json<Schedule>(
      await send('PATCH', `/api/v1/schedules/${created.id}`, { label: { id: 'Baru' } }),
    )
    expect(relabelled.verification.verified).toBe(false)
    await send('POST', `/api/v1/schedules/${created.id}/verify`, {})
    const changed = await json<Schedule>(
      await send('PATCH', `/api/v1/schedules/${created.id}`, {
        definition: { weekly: { mo: [{ start: '07:30', end: '15:00' }] } },
      }),
    )
    expect(changed.verification.verified).toBe(false)
  })

  it('deletes with 204, then the schedule is 404 everywhere', async () => {
    const created = await create()
    const res = await send('DELETE', `/api/v1/schedules/${created.id}`)
    expect(res.status).toBe(204)
    expect(await res.text()).toBe('')
    await expectProblem(await t.request(HOST, `/api/v1/schedules/${created.id}`), 404)
    await expectProblem(await t.request(HOST, `/api/v1/schedules/${created.id}/status`), 404)
    await expectProblem(await send('DELETE', `/api/v1/schedules/${created.id}`), 404)
  })
})

describe('schedules API: status, week and exports', () => {
  let id: string
  beforeAll(async () => {
    id = (await create()).id
  })

  it('is open on a Monday morning until the ISHOMA break', async () => {
    const s = await status(id, '2026-03-02T09:00:00+07:00')
    expect(s).toMatchObject({ open: true, until: '2026-03-02T05:00:00.000Z', timezone: 'Asia/Jakarta' })
    expect(s.reason).toEqual({ kind: 'weekly', label: { id: 'Jam layanan biasa', en: 'Regular hours' } })
    expect(s.today).toEqual({
      date: '2026-03-02',
      intervals: [
        { start: '08:00', end: '12:00', overnight: false },
        { start: '13:00', end: '16:00', overnight: false },
      ],
      reason: { kind: 'weekly', label: { id: 'Jam layanan biasa', en: 'Regular hours' } },
    })
  })

  it('reports the break with the time it ends', async () => {
    const s = await status(id, '2026-03-06T12:00:00+07:00')
    expect(s.open).toBe(false)
    expect(s.reason.kind).toBe('break')
    expect(s.reason.label).toEqual({ id: 'Istirahat', en: 'Break' })
    expect(s.until).toBe('2026-03-06T06:30:00.000Z') // Friday: back at 13:30 WIB after Friday prayers
  })

  it('is closed on Independence Day with the holiday name, and opens the next morning', async () => {
    const s = await status(id, '2026-08-17T09:00:00+07:00')
    expect(s.open).toBe(false)
    expect(s.reason).toEqual({
      kind: 'holiday',
      label: { id: 'Hari Kemerdekaan Republik Indonesia', en: 'Independence Day' },
    })
    expect(s.nextOpen).toBe('2026-08-18T01:00:00.000Z')
    expect(s.today.intervals).toEqual([])
  })

  it('skips Idul Fitri and its cuti bersama from the template data', async () => {
    const s = await status(id, '2026-03-20T09:00:00+07:00')
    expect(s.open).toBe(false)
    expect(s.reason.kind).toBe('holiday')
    expect(s.reason.label.id).toContain('Cuti bersama Idul Fitri')
    // Fri 20 cuti bersama, Sat-Sun Idul Fitri, Mon-Tue 23-24 cuti bersama: back on Wednesday 08:00 WIB.
    expect(s.nextOpen).toBe('2026-03-25T01:00:00.000Z')
  })

  it('is closed at the weekend until Monday 08:00', async () => {
    const s = await status(id, '2026-03-07T10:00:00+07:00')
    expect(s).toMatchObject({ open: false, nextOpen: '2026-03-09T01:00:00.000Z' })
    expect(s.reason.kind).toBe('closed_day')
  })

  it('refuses an instant without an offset or that is not a date', async () => {
    await expectProblem(await t.request(HOST, `/api/v1/schedules/${id}/status?at=besok`), 422)
    await expectProblem(await t.request(HOST, `/api/v1/schedules/${id}/status?at=2026-03-02T09:00:00`), 422)
  })

  it('gives a week with holidays, breaks and instants', async () => {
    const week = await json<WeekView>(await t.request(HOST, `/api/v1/schedules/${id}/week?from=2026-08-17`))
    expect(week.from).toBe('2026-08-17')
    expect(week.days.map((d) => d.date)).toEqual([
      '2026-08-17',
      '2026-08-18',
      '2026-08-19',
      '2026-08-20',
      '2026-08-21',
      '2026-08-22',
      '2026-08-23',
    ])
    const [mon, tue, , , fri, sat] = week.days
    expect(mon?.reason.kind).toBe('holiday')
    expect(mon?.intervals).toEqual([])
    expect(mon?.holiday).toMatchObject({
      kind: 'national',
      verified: false,
      name: { id: 'Hari Kemerdekaan Republik Indonesia' },
    })
    expect(tue?.intervals.map((iv) => `${iv.start}-${iv.end}`)).toEqual(['08:00-12:00', '13:00-16:00'])
    expect(tue?.intervals[0]?.startsAt).toBe('2026-08-18T01:00:00.000Z')
    expect(fri?.intervals.map((iv) => `${iv.start}-${iv.end}`)).toEqual(['08:00-11:30', '13:30-16:30'])
    expect(sat?.reason.kind).toBe('closed_day')
    await expectProblem(await t.request(HOST, `/api/v1/schedules/${id}/week?from=2026-02-30`), 422)
  })

  it('exports RFC 5545 iCalendar with the holidays as exceptions', async () => {
    const res = await t.request(HOST, `/api/v1/schedules/${id}/ical?from=2026-08-01&to=2026-08-31`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/)
    const text = await res.text()
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Jakarta')
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH')
    expect(text).toContain('DTSTART;TZID=Asia/Jakarta:20260803T080000')
    expect(text).toMatch(/EXDATE;TZID=Asia\/Jakarta:[0-9T,]*20260817T080000/)
    expect(text).toContain(`UID:${id}-1@`)
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true)
    expect(text.match(/BEGIN:VEVENT/g)?.length).toBe(text.match(/END:VEVENT/g)?.length)
    await expectProblem(await t.request(HOST, `/api/v1/schedules/${id}/ical?from=2026-08-31&to=2026-08-01`), 422)
    await expectProblem(await t.request(HOST, `/api/v1/schedules/${id}/ical?from=2026-01-01&to=2036-01-01`), 400)
  })

  it('exports the OSM opening_hours value and schema.org JSON-LD with holidays as special hours', async () => {
    const osm = await json<{ openingHours: string }>(await t.request(HOST, `/api/v1/schedules/${id}/opening-hours`))
    expect(osm.openingHours).toBe('Mo-Th 08:00-12:00,13:00-16:00, Fr 08:00-11:30,13:30-16:30; PH off')

    // A local holiday ten days from now lands in the coming year whatever the date of the run.
    const date = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10)
    const holiday = await json<HolidayRecord>(
      await send('POST', '/api/v1/holidays', { date, name: { id: 'Hari jadi uji' }, kind: 'regional' }),
      201,
    )
    const res = await t.request(HOST, `/api/v1/schedules/${id}/schema-org?locale=en`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/ld\+json/)
    const ld = (await res.json()) as {
      '@context': string
      name: string
      openingHoursSpecification: { dayOfWeek: string[]; opens: string; closes: string }[]
      specialOpeningHoursSpecification: { validFrom: string; opens: string; closes: string; name: string }[]
    }
    expect(ld['@context']).toBe('https://schema.org')
    expect(ld.name).toBe('Service hours')
    expect(ld.openingHoursSpecification).toContainEqual({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: ['https://schema.org/Friday'],
      opens: '13:30',
      closes: '16:30',
    })
    expect(ld.specialOpeningHoursSpecification).toContainEqual(
      expect.objectContaining({
        validFrom: date,
        validThrough: date,
        opens: '00:00',
        closes: '00:00',
        name: 'Hari jadi uji',
      }),
    )
    expect((await send('DELETE', `/api/v1/holidays/${holiday.id}`)).status).toBe(204)
  })

  it("gives an owner's hours and officer presence in one answer", async () => {
    const owner = newOwner()
    const hours = await create({ owner })
    const presence = await create({
      owner,
      kind: 'presence',
      label: { id: 'Perekaman KTP-el' },
      role: { id: 'Petugas perekaman KTP-el', en: 'KTP-el registration officer' },
      services: ['svc-ktp-el'],
      definition: { weekly: { mo: [{ start: '08:30', end: '12:00' }], we: [{ start: '08:30', end: '12:00' }] } },
    })
    const at = '2026-03-02T13:30:00+07:00'
    const res = await t.request(
      HOST,
      `/api/v1/schedule-status?ownerModule=${owner.module}&ownerType=${owner.type}&ownerId=${owner.id}&at=${encodeURIComponent(at)}`,
    )
    const answer = await json<OwnerStatus>(res)
    expect(answer.hours?.schedule.id).toBe(hours.id)
    expect(answer.hours?.status).toMatchObject({ open: true, until: '2026-03-02T09:00:00.000Z' })
    expect(answer.presence.map((p) => p.schedule.id)).toEqual([presence.id])
    expect(answer.presence[0]?.status).toMatchObject({ open: false, nextOpen: '2026-03-04T01:30:00.000Z' })
    expect(answer.presence[0]?.status.today.intervals).toEqual([{ start: '08:30', end: '12:00', overnight: false }])

    const empty = await json<OwnerStatus>(
      await t.request(HOST, '/api/v1/schedule-status?ownerModule=directory&ownerType=office&ownerId=nobody'),
    )
    expect(empty).toMatchObject({ hours: null, presence: [] })
    await expectProblem(await t.request(HOST, '/api/v1/schedule-status?ownerModule=directory&ownerType=office'), 422)
  })
})

describe('schedules API: exported functions for other modules', () => {
  it('statusForOwner and the working-day helpers use the tenant holidays', async () => {
    const tenant = await t.platform.tenantBySlug('uji')
    if (!tenant) throw new Error('tenant uji missing')
    const ctx = t.platform.context(tenant, db, { actor: { kind: 'system', id: 'test' } })
    const owner = newOwner()
    const hours = await create({ owner })
    const answer = await statusForOwner(ctx, owner, new Date('2026-08-17T09:00:00+07:00'))
    expect(answer.hours?.schedule.id).toBe(hours.id)
    expect(answer.hours?.status.reason.kind).toBe('holiday')
    // Thu 19 March 2026 (Nyepi) + 1 working day skips cuti bersama 20, 23, 24 and the weekend of Idul Fitri.
    expect(await tenantAddWorkingDays(ctx, '2026-03-19', 1)).toBe('2026-03-25')
    expect(await tenantWorkingDaysBetween(ctx, '2026-03-17', '2026-03-25')).toBe(1)
  })

  it('hoursStatusForOwners answers for many owners in one call, as statusForOwner would', async () => {
    const tenant = await t.platform.tenantBySlug('uji')
    if (!tenant) throw new Error('tenant uji missing')
    const ctx = t.platform.context(tenant, db, { actor: { kind: 'system', id: 'test' } })
    const [a, b, none] = [newOwner(), newOwner(), newOwner()]
    const first = await create({ owner: a })
    await create({ owner: a, label: { id: 'Jam kedua' } })
    await create({ owner: b, kind: 'presence', label: { id: 'Petugas' } })
    const monday = new Date('2026-03-02T09:00:00+07:00')
    const byOwner = await hoursStatusForOwners(ctx, a.module, a.type, [a.id, b.id, none.id, a.id], monday)
    // The oldest hours schedule counts; presence schedules and owners without hours are left out.
    expect([...byOwner.keys()]).toEqual([a.id])
    expect(byOwner.get(a.id)?.schedule.id).toBe(first.id)
    expect(byOwner.get(a.id)?.status).toEqual((await statusForOwner(ctx, a, monday)).hours?.status)
    expect((await hoursStatusForOwners(ctx, a.module, a.type, [])).size).toBe(0)
  })
})

describe('schedules API: refused schedules', () => {
  const valid = { owner: { module: 'directory', type: 'office', id: 'x' }, kind: 'hours', label: { id: 'Jam' } }

  it.each([
    [
      'overlapping intervals',
      {
        weekly: {
          mo: [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
        },
      },
      '/definition/weekly/mo/1',
    ],
    [
      'end before start without overnight',
      { weekly: { tu: [{ start: '16:00', end: '08:00' }] } },
      '/definition/weekly/tu/0/end',
    ],
    ['unknown zone', { zone: 'Asia/Atlantis', weekly: {} }, '/definition/zone'],
    [
      'a time that does not exist',
      { weekly: { we: [{ start: '25:00', end: '26:00' }] } },
      '/definition/weekly/we/0/start',
    ],
    [
      'overlapping overrides',
      {
        weekly: {},
        overrides: [
          { from: '2026-02-18', to: '2026-03-19', weekly: {}, reason: { id: 'Ramadan' } },
          { from: '2026-03-01', to: '2026-03-05', weekly: {}, reason: { id: 'Lain' } },
        ],
      },
      '/definition/overrides/1/from',
    ],
    ['an unknown field in the definition', { weekly: {}, sunday: true }, '/definition'],
  ])('refuses %s with a 422 field pointer', async (_name, definition, pointer) => {
    const before = await rowCount('schedules_schedules')
    const problem = await expectProblem(
      await send('POST', '/api/v1/schedules', { ...valid, definition }),
      422,
      'urn:cerdas:problem:validation',
    )
    expect(pointers(problem)).toContain(pointer)
    expect(await rowCount('schedules_schedules')).toBe(before)
  })

  it('refuses an invalid definition on update and keeps the old one', async () => {
    const created = await create()
    const problem = await expectProblem(
      await send('PATCH', `/api/v1/schedules/${created.id}`, {
        definition: {
          weekly: {
            mo: [
              { start: '08:00', end: '12:00' },
              { start: '09:00', end: '10:00' },
            ],
          },
        },
      }),
      422,
    )
    expect(pointers(problem)).toContain('/definition/weekly/mo/1')
    expect(await json<Schedule>(await t.request(HOST, `/api/v1/schedules/${created.id}`))).toEqual(created)
  })

  it('refuses unknown fields, a bad owner and an empty update', async () => {
    const top = await expectProblem(
      await send('POST', '/api/v1/schedules', { ...valid, definition: office, color: 'red' }),
      422,
    )
    expect(JSON.stringify(top.errors)).toContain('color')
    const owner = await expectProblem(
      await send('POST', '/api/v1/schedules', {
        ...valid,
        owner: { module: 'Directory!', type: 'office', id: 'x' },
        definition: office,
      }),
      422,
    )
    expect(pointers(owner)).toContain('/owner/module')
    const kind = await expectProblem(
      await send('POST', '/api/v1/schedules', { ...valid, kind: 'shift', definition: office }),
      422,
    )
    expect(pointers(kind)).toContain('/kind')
    const created = await create()
    await expectProblem(await send('PATCH', `/api/v1/schedules/${created.id}`, {}), 422)
    await expectProblem(await send('POST', `/api/v1/schedules/${created.id}/verify`, { by: 'me' }), 422)
  })
})

describe('schedules API: OSM import', () => {
  const base = { owner: { module: 'directory', type: 'office', id: 'osm' }, kind: 'hours', label: { id: 'Dari OSM' } }
  beforeAll(() => ensureOffice(base.owner))

  it('imports an opening_hours value', async () => {
    const res = await send('POST', '/api/v1/schedules/import', {
      ...base,
      openingHours: 'Mo-Th 08:00-12:00,13:00-16:00; Fr 08:00-11:30,13:30-16:30; PH off',
    })
    const { schedule, warnings } = await json<{ schedule: Schedule; warnings: unknown[] }>(res, 201)
    expect(warnings).toEqual([])
    expect(schedule.definition.zone).toBe('Asia/Jakarta')
    expect(schedule.definition.closedOnHolidays).toBe(true)
    expect(schedule.definition.weekly.th).toEqual(office.weekly.th)
    expect(schedule.openingHours).toBe('Mo-Th 08:00-12:00,13:00-16:00, Fr 08:00-11:30,13:30-16:30; PH off')
    const s = await status(schedule.id, '2026-08-17T09:00:00+07:00')
    expect(s.reason.kind).toBe('holiday')
  })

  it.each([
    ['Mo-Fr 08:00-12:00; Sa sunrise-sunset', 22, 'sunrise'],
    ['Mo-Fr 08:00-25:61', 12, 'Invalid minutes'],
    ['Mo-Xy 08:00-12:00', 3, 'weekday'],
  ])('refuses %s with the position of the error', async (openingHours, position, words) => {
    const before = await rowCount('schedules_schedules')
    const problem = await expectProblem(await send('POST', '/api/v1/schedules/import', { ...base, openingHours }), 422)
    expect(problem.position).toBe(position)
    expect(problem.snippet).toBe(`${openingHours.slice(0, position)} <--- `)
    expect(problem.errors).toEqual([
      { pointer: '/openingHours', message: expect.stringContaining(`position ${position}`) },
    ])
    expect(JSON.stringify(problem.errors)).toContain(words)
    expect(await rowCount('schedules_schedules')).toBe(before)
  })
})

describe('schedules API: holidays', () => {
  it('serves the template holidays of 2026: 17 national days and 8 cuti bersama, each with its decree', async () => {
    const { year, items } = await json<{ year: number; items: HolidayRecord[] }>(
      await t.request(HOST, '/api/v1/holidays?year=2026'),
    )
    expect(year).toBe(2026)
    expect(items.filter((h) => h.kind === 'national')).toHaveLength(17)
    expect(items.filter((h) => h.kind === 'cuti_bersama')).toHaveLength(8)
    expect(items.map((h) => h.date)).toEqual([...items.map((h) => h.date)].sort())
    for (const h of items) {
      expect(h.year).toBe(2026)
      expect(h.source).toContain('Nomor 1497 Tahun 2025')
      expect(h.verification.verified).toBe(false)
    }
    expect(items.find((h) => h.date === '2026-08-17')?.name.id).toBe('Hari Kemerdekaan Republik Indonesia')
  })

  it('marks every 2027 date as unverified with a note, and ships no invented cuti bersama', async () => {
    const { items } = await json<{ items: HolidayRecord[] }>(await t.request(HOST, '/api/v1/holidays?year=2027'))
    expect(items).toHaveLength(17)
    expect(items.every((h) => !h.verification.verified && h.note && h.source?.startsWith('Perkiraan'))).toBe(true)
    expect(items.some((h) => h.kind === 'cuti_bersama')).toBe(false)
  })

  it('defaults to the current year and refuses a bad year', async () => {
    const { year } = await json<{ year: number }>(await t.request(HOST, '/api/v1/holidays'))
    const jakartaYear = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()),
    )
    expect(year).toBe(jakartaYear)
    await expectProblem(await t.request(HOST, '/api/v1/holidays?year=duaribu'), 422)
    await expectProblem(await t.request(HOST, '/api/v1/holidays?year=2026&kind=national'), 422)
  })

  it('serves a year as an iCalendar of all-day events', async () => {
    const res = await t.request(HOST, '/api/v1/holidays/ical?year=2026')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/)
    const text = await res.text()
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(25)
    expect(text).toContain('DTSTART;VALUE=DATE:20260817\r\nDTEND;VALUE=DATE:20260818')
    expect(text).toContain('SUMMARY:Hari Kemerdekaan Republik Indonesia')
    expect(text).toContain('Belum diverifikasi')
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true)
  })

  it('adds, changes, verifies and deletes a regional holiday, and schedules follow it', async () => {
    const schedule = await create()
    const at = '2026-03-10T09:00:00+07:00'
    expect((await status(schedule.id, at)).open).toBe(true)
    const created = await json<HolidayRecord>(
      await send('POST', '/api/v1/holidays', {
        date: '2026-03-10',
        name: { id: 'Hari jadi kabupaten', en: 'Regency anniversary' },
        kind: 'regional',
        source: 'Perda 1/2026',
      }),
      201,
    )
    expect(created).toMatchObject({ id: expect.stringMatching(/^hol_/), year: 2026, kind: 'regional', note: null })
    const closed = await status(schedule.id, at)
    expect(closed.open).toBe(false)
    expect(closed.reason).toEqual({ kind: 'holiday', label: { id: 'Hari jadi kabupaten', en: 'Regency anniversary' } })

    const verified = await json<HolidayRecord>(await send('POST', `/api/v1/holidays/${created.id}/verify`, {}))
    expect(verified.verification).toMatchObject({ verified: true, verifiedBy: expect.stringMatching(/\S/) })
    expect(verified.verification.verifiedBy).not.toBe('unknown')
    const renamed = await json<HolidayRecord>(
      await send('PATCH', `/api/v1/holidays/${created.id}`, { name: { id: 'HUT kabupaten' } }),
    )
    expect(renamed.name).toEqual({ id: 'HUT kabupaten' })
    // The name is shown to residents as checked: a new one is not what the verifier saw.
    expect(renamed.verification.verified).toBe(false)
    await send('POST', `/api/v1/holidays/${created.id}/verify`, {})
    const moved = await json<HolidayRecord>(
      await send('PATCH', `/api/v1/holidays/${created.id}`, { date: '2027-03-10' }),
    )
    expect(moved).toMatchObject({ year: 2027, verification: { verified: false } })
    expect((await status(schedule.id, at)).open).toBe(true)
    const list2027 = await json<{ items: HolidayRecord[] }>(await t.request(HOST, '/api/v1/holidays?year=2027'))
    expect(list2027.items.map((h) => h.id)).toContain(created.id)

    expect((await send('DELETE', `/api/v1/holidays/${created.id}`)).status).toBe(204)
    await expectProblem(await send('DELETE', `/api/v1/holidays/${created.id}`), 404)
    await expectProblem(
      await send('POST', '/api/v1/holidays', { date: '2026-02-30', name: { id: 'x' }, kind: 'regional' }),
      422,
    )
    await expectProblem(
      await send('POST', '/api/v1/holidays', { date: '2026-03-01', name: { id: 'x' }, kind: 'local' }),
      422,
    )
  })

  it('keeps the source a verifier checked against in the stamp, beside the decree the date comes from', async () => {
    const created = await json<HolidayRecord>(
      await send('POST', '/api/v1/holidays', {
        date: '2026-11-02',
        name: { id: 'Libur sumber' },
        kind: 'regional',
        source: 'Perda 3/2026',
      }),
      201,
    )
    const verified = await json<HolidayRecord>(
      await send('POST', `/api/v1/holidays/${created.id}/verify`, { source: 'https://jdih.example.go.id/perda-3' }),
    )
    expect(verified.source).toBe('Perda 3/2026')
    expect(verified.verification).toMatchObject({ verified: true, source: 'https://jdih.example.go.id/perda-3' })
    const [listed] = (
      await json<{ items: HolidayRecord[] }>(await t.request(HOST, '/api/v1/holidays?year=2026'))
    ).items.filter((h) => h.id === created.id)
    expect(listed?.verification.source).toBe('https://jdih.example.go.id/perda-3')
  })

  it('gives a request the holidays it wrote itself: a write drops the calendar that request read', async () => {
    const tenant = await t.platform.tenantBySlug('uji')
    if (!tenant) throw new Error('tenant uji missing')
    const ctx = t.platform.context(tenant, db, { actor: { kind: 'system', id: 'test' } })
    const holidayConsole = schedules.admin?.entities.find((e) => e.id === 'holiday')
    if (!holidayConsole) throw new Error('holiday console entity missing')
    const datesOf = async () => (await tenantHolidayCalendar(ctx)).holidays.map((h) => h.date)
    expect(await datesOf()).not.toContain('2026-11-20')
    const created = (await holidayConsole.create?.(ctx, {
      date: '2026-11-20',
      name: { id: 'Libur satu permintaan' },
      kind: 'regional',
    })) as { id: string }
    expect(await datesOf()).toContain('2026-11-20')
    await holidayConsole.update?.(ctx, created.id, { date: '2026-11-21' })
    expect(await datesOf()).toEqual(expect.arrayContaining(['2026-11-21']))
    expect(await datesOf()).not.toContain('2026-11-20')
    await holidayConsole.remove?.(ctx, created.id)
    expect(await datesOf()).not.toContain('2026-11-21')
  })
})

describe('schedules API: writes need a token', () => {
  it.each([
    ['POST', '/api/v1/schedules'],
    ['POST', '/api/v1/schedules/import'],
    ['PATCH', '/api/v1/schedules/ID'],
    ['DELETE', '/api/v1/schedules/ID'],
    ['POST', '/api/v1/schedules/ID/verify'],
    ['POST', '/api/v1/holidays'],
    ['PATCH', '/api/v1/holidays/HOL'],
    ['DELETE', '/api/v1/holidays/HOL'],
    ['POST', '/api/v1/holidays/HOL/verify'],
  ])('%s %s is 401 without a token and changes nothing', async (method, template) => {
    const schedule = await create()
    const { items } = await json<{ items: HolidayRecord[] }>(await t.request(HOST, '/api/v1/holidays?year=2026'))
    const path = template.replace('ID', schedule.id).replace('HOL', items[0]?.id ?? 'x')
    const before = [
      await rowCount('schedules_schedules'),
      await rowCount('schedules_holidays'),
      (await listAudit()).length,
    ]
    const body = { label: { id: 'x' }, name: { id: 'x' } }
    await expectProblem(await send(method, path, body, null), 401)
    await expectProblem(await send(method, path, body, 'wrong-token-0123456789'), 401)
    expect([
      await rowCount('schedules_schedules'),
      await rowCount('schedules_holidays'),
      (await listAudit()).length,
    ]).toEqual(before)
    expect(await json<Schedule>(await t.request(HOST, `/api/v1/schedules/${schedule.id}`))).toEqual(schedule)
  })
})

describe('schedules API: audit log', () => {
  it('writes exactly one audit entry per schedule write, with before and after', async () => {
    // The owners' offices first: making them is audited too.
    const [owner, importOwner] = [newOwner(), newOwner()]
    await ensureOffice(owner)
    await ensureOffice(importOwner)
    const total = (await listAudit()).length
    const created = await create({ owner, label: { id: 'Diaudit' } })
    expect((await listAudit()).length).toBe(total + 1)
    const [createEntry] = await listAudit(created.id)
    expect(createEntry).toMatchObject({ action: 'create', entity: 'schedules.schedule', before: null })
    expect(createEntry?.after).toEqual(created)

    expect((await send('PATCH', `/api/v1/schedules/${created.id}`, { label: { id: 'Diaudit lagi' } })).status).toBe(200)
    expect((await listAudit()).length).toBe(total + 2)
    const [updateEntry] = await listAudit(created.id)
    expect(updateEntry?.action).toBe('update')
    expect((updateEntry?.before as Schedule | undefined)?.label.id).toBe('Diaudit')
    expect((updateEntry?.after as Schedule | undefined)?.label.id).toBe('Diaudit lagi')

    expect((await send('POST', `/api/v1/schedules/${created.id}/verify`, {})).status).toBe(200)
    expect((await send('DELETE', `/api/v1/schedules/${created.id}`)).status).toBe(204)
    expect((await listAudit()).length).toBe(total + 4)
    expect((await listAudit(created.id)).map((e) => e.action)).toEqual(['delete', 'verify', 'update', 'create'])

    const imported = await json<{ schedule: Schedule }>(
      await send('POST', '/api/v1/schedules/import', {
        owner: importOwner,
        kind: 'hours',
        label: { id: 'Impor' },
        openingHours: 'Mo-Fr 08:00-16:00',
      }),
      201,
    )
    expect((await listAudit()).length).toBe(total + 5)
    expect((await listAudit(imported.schedule.id)).map((e) => e.action)).toEqual(['create'])
  })

  it('writes exactly one audit entry per holiday write and none for refused writes', async () => {
    const total = (await listAudit()).length
    const h = await json<HolidayRecord>(
      await send('POST', '/api/v1/holidays', { date: '2026-10-01', name: { id: 'Libur uji' }, kind: 'regional' }),
      201,
    )
    await json(await send('PATCH', `/api/v1/holidays/${h.id}`, { note: 'catatan' }))
    await json(await send('POST', `/api/v1/holidays/${h.id}/verify`, { source: 'Perda 2/2026' }))
    expect((await send('DELETE', `/api/v1/holidays/${h.id}`)).status).toBe(204)
    const entries = await listAudit(h.id)
    expect(entries.map((e) => `${e.entity}:${e.action}`)).toEqual([
      'schedules.holiday:delete',
      'schedules.holiday:verify',
      'schedules.holiday:update',
      'schedules.holiday:create',
    ])
    expect((await listAudit()).length).toBe(total + 4)

    await expectProblem(await send('POST', '/api/v1/schedules', { kind: 'hours' }), 422)
    await expectProblem(
      await send('POST', '/api/v1/schedules/import', {
        owner: newOwner(),
        kind: 'hours',
        label: { id: 'x' },
        openingHours: 'Mo-Fr sunrise-sunset',
      }),
      422,
    )
    await expectProblem(await send('PATCH', `/api/v1/holidays/${h.id}`, { note: 'x' }), 404)
    expect((await listAudit()).length).toBe(total + 4)
  })
})

describe('schedules API: time zones and tenants', () => {
  it('computes a WITA tenant in Asia/Makassar', async () => {
    const wita = await create({}, WITA)
    expect(wita.definition.zone).toBe('Asia/Makassar')
    const wib = await create()
    // 00:30 UTC is 08:30 WITA (open) but 07:30 WIB (not yet open).
    const at = '2026-03-02T00:30:00Z'
    const w = await status(wita.id, at, WITA)
    expect(w).toMatchObject({ open: true, until: '2026-03-02T04:00:00.000Z', timezone: 'Asia/Makassar' })
    expect(w.today.date).toBe('2026-03-02')
    expect(await status(wib.id, at)).toMatchObject({ open: false, nextOpen: '2026-03-02T01:00:00.000Z' })
    const week = await json<WeekView>(await t.request(WITA, `/api/v1/schedules/${wita.id}/week?from=2026-03-02`))
    expect(week.timezone).toBe('Asia/Makassar')
    expect(week.days[0]?.intervals[0]?.startsAt).toBe('2026-03-02T00:00:00.000Z')
    const ical = await (await t.request(WITA, `/api/v1/schedules/${wita.id}/ical?from=2026-03-01&to=2026-03-31`)).text()
    expect(ical).toContain('TZID:Asia/Makassar')
    expect(ical).toContain('TZOFFSETTO:+0800')
    // The WITA tenant got the same national holidays from the template.
    expect((await status(wita.id, '2026-08-17T09:00:00+08:00', WITA)).reason.kind).toBe('holiday')
  })

  it('keeps tenants apart: ids of one tenant are 404 on another host', async () => {
    const mine = await create()
    const { items } = await json<{ items: HolidayRecord[] }>(await t.request(HOST, '/api/v1/holidays?year=2026'))
    const holidayId = items[0]?.id ?? ''
    await expectProblem(await t.request(WITA, `/api/v1/schedules/${mine.id}`), 404)
    await expectProblem(await t.request(WITA, `/api/v1/schedules/${mine.id}/status`), 404)
    await expectProblem(await t.request(WITA, `/api/v1/schedules/${mine.id}/ical`), 404)
    await expectProblem(
      await send('PATCH', `/api/v1/schedules/${mine.id}`, { label: { id: 'x' } }, TEST_OPERATOR_TOKEN, WITA),
      404,
    )
    await expectProblem(await send('DELETE', `/api/v1/schedules/${mine.id}`, undefined, TEST_OPERATOR_TOKEN, WITA), 404)
    await expectProblem(
      await send('PATCH', `/api/v1/holidays/${holidayId}`, { note: 'x' }, TEST_OPERATOR_TOKEN, WITA),
      404,
    )
    const witaList = await json<{ items: Schedule[] }>(await t.request(WITA, '/api/v1/schedules?limit=100'))
    expect(witaList.items.map((s) => s.id)).not.toContain(mine.id)
    expect(await json<Schedule>(await t.request(HOST, `/api/v1/schedules/${mine.id}`))).toEqual(mine)
  })
})
