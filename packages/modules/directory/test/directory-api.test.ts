import type { TenantDb } from '@cerdas/core'
import { createSchedule } from '@cerdas/module-schedules'
import { setModuleEnabled } from '@cerdas/platform'
import { createTestPlatform, expectProblem, jsonOf, TEST_OPERATOR_TOKEN, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Counter, Office, OfficeDetail, Position, Unit } from '../src/index'

const HOST = 'uji.localhost'
const OTHER = 'lain.localhost'

let t: TestPlatform
let db: TenantDb

beforeAll(async () => {
  t = await createTestPlatform()
  for (const slug of ['uji', 'lain']) {
    await t.createTenant(slug)
    await setModuleEnabled(t.platform, slug, 'directory', true)
  }
  const tenant = await t.platform.tenantBySlug('uji')
  if (!tenant) throw new Error('tenant uji missing')
  db = await t.platform.tenantDb(tenant.record)
})
afterAll(() => t?.close())

const send = (method: string, path: string, body?: unknown, token: string | null = TEST_OPERATOR_TOKEN, host = HOST) =>
  t.send(host, method, path, body, token)

const json = jsonOf

let seq = 0
async function office(input: Record<string, unknown> = {}, host = HOST): Promise<Office> {
  seq++
  return json<Office>(
    await send(
      'POST',
      '/api/v1/directory/offices',
      { type: 'dinas', name: { id: `Dinas Uji ${seq}` }, shortName: `DU${seq}`, kecamatan: 'Balige', ...input },
      TEST_OPERATOR_TOKEN,
      host,
    ),
    201,
  )
}

async function search(q: string, host = HOST): Promise<{ id: string; module: string }[]> {
  const res = await t.request(host, `/api/v1/search?q=${encodeURIComponent(q)}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { items: { id: string; module: string }[] }).items
}

async function auditEntries(entityId: string) {
  const result = await db.$client.execute({
    sql: `SELECT action, entity FROM cerdas_audit_log WHERE entity_id = ? ORDER BY seq`,
    args: [entityId],
  })
  return result.rows.map((r) => `${r.entity}:${r.action}`)
}

const pointers = (problem: Record<string, unknown>) => (problem.errors as { pointer: string }[]).map((e) => e.pointer)

const WEEKDAY = {
  weekly: Object.fromEntries(
    ['mo', 'tu', 'we', 'th', 'fr'].map((d) => [
      d,
      [
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '16:00' },
      ],
    ]),
  ),
}

describe('directory API: offices', () => {
  it('creates an office with contacts and coordinates, slug from the short name', async () => {
    const created = await office({
      name: { id: 'Dinas Komunikasi dan Informatika', en: 'Communication and Informatics Agency' },
      shortName: 'Diskominfo',
      coordinates: { lat: 2.335, lon: 99.06 },
      contacts: { phone: '(0632) 21000', email: 'kominfo@example.go.id', website: 'https://example.go.id' },
      description: { id: 'Mengelola situs web pemerintah daerah' },
    })
    expect(created.id).toMatch(/^off_[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(created.slug).toBe('diskominfo')
    expect(created.coordinates).toEqual({ lat: 2.335, lon: 99.06 })
    expect(created.contacts).toEqual({
      phone: '(0632) 21000',
      whatsapp: null,
      email: 'kominfo@example.go.id',
      website: 'https://example.go.id',
    })
    expect(created.verification).toEqual({ verified: false, verifiedAt: null, verifiedBy: null, source: null })
    const again = await office({ shortName: 'Diskominfo' })
    expect(again.slug).toBe('diskominfo-2')
  })

  it('gets an office by id and by slug; unknown is 404', async () => {
    const created = await office({ slug: 'dinas-sosial' })
    const byId = await json<OfficeDetail>(await t.request(HOST, `/api/v1/directory/offices/${created.id}`))
    const bySlug = await json<OfficeDetail>(await t.request(HOST, '/api/v1/directory/offices/dinas-sosial'))
    expect(byId.office).toEqual(created)
    expect(bySlug.office).toEqual(created)
    expect(byId.openNow).toBeNull()
    await expectProblem(await t.request(HOST, '/api/v1/directory/offices/tidak-ada'), 404)
  })

  it('filters the list by type, kecamatan and words, and pages with a cursor', async () => {
    const puskesmas = await office({
      type: 'puskesmas',
      name: { id: 'Puskesmas Lumban Julu' },
      kecamatan: 'Lumban Julu',
    })
    const list = async (q: string) =>
      (
        await json<{ items: Office[]; nextCursor: string | null }>(
          await t.request(HOST, `/api/v1/directory/offices?${q}`),
        )
      ).items
    expect((await list('type=puskesmas')).map((o) => o.id)).toEqual([puskesmas.id])
    expect((await list('kecamatan=lumban%20julu')).map((o) => o.id)).toEqual([puskesmas.id])
    expect((await list('q=lumban%20pusk')).map((o) => o.id)).toEqual([puskesmas.id])
    expect(await list('q=tidakada')).toEqual([])
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: { items: Office[]; nextCursor: string | null } = await json(
        await t.request(HOST, `/api/v1/directory/offices?limit=2${cursor ? `&cursor=${cursor}` : ''}`),
      )
      seen.push(...page.items.map((o) => o.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).toContain(puskesmas.id)
  })

  it('updates, verifies and deletes with exactly one audit entry each', async () => {
    const created = await office()
    const updated = await json<Office>(
      await send('PATCH', `/api/v1/directory/offices/${created.id}`, {
        address: 'Jl. Contoh No. 1',
        coordinates: null,
      }),
    )
    expect(updated.address).toBe('Jl. Contoh No. 1')
    expect(updated.slug).toBe(created.slug)
    const verified = await json<Office>(
      await send('POST', `/api/v1/directory/offices/${created.id}/verify`, { source: 'https://example.go.id/opd' }),
    )
    expect(verified.verification).toMatchObject({
      verified: true,
      verifiedBy: 'test operator',
      source: 'https://example.go.id/opd',
    })
    expect((await send('DELETE', `/api/v1/directory/offices/${created.id}`)).status).toBe(204)
    expect(await auditEntries(created.id)).toEqual([
      'directory.office:create',
      'directory.office:update',
      'directory.office:verify',
      'directory.office:delete',
    ])
    await expectProblem(await t.request(HOST, `/api/v1/directory/offices/${created.id}`), 404)
  })

  it('indexes offices and units in search above announcements, and drops them on delete', async () => {
    const created = await office({ name: { id: 'Dinas Perikanan Danau' }, shortName: 'Diskan' })
    await json(
      await send('POST', '/api/v1/announcements', {
        title: { id: 'Perikanan danau: pengumuman' },
        body: { id: 'Isi' },
        category: 'general',
      }),
      201,
    )
    const hits = await search('perikanan')
    expect(hits[0]?.id).toBe(created.id)
    expect((await search('diskan')).map((h) => h.id)).toContain(created.id)
    const unit = await json<Unit>(
      await send('POST', '/api/v1/directory/units', {
        officeId: created.slug,
        kind: 'bidang',
        name: { id: 'Bidang Budidaya Ikan' },
        handles: { id: 'Izin keramba jaring apung' },
      }),
      201,
    )
    expect((await search('keramba')).map((h) => h.id)).toContain(unit.id)
    expect((await send('DELETE', `/api/v1/directory/units/${unit.id}`)).status).toBe(204)
    expect((await send('DELETE', `/api/v1/directory/offices/${created.id}`)).status).toBe(204)
    expect((await search('perikanan')).map((h) => h.id)).not.toContain(created.id)
    expect((await search('keramba')).map((h) => h.id)).not.toContain(unit.id)
  })
})

describe('directory API: units, counters, positions and open now', () => {
  it('shows an office with its nested units, counters, positions and open-now status', async () => {
    const created = await office({ slug: 'disdukcapil-uji', name: { id: 'Disdukcapil Uji' } })
    const bidang = await json<Unit>(
      await send('POST', '/api/v1/directory/units', {
        officeId: created.id,
        kind: 'bidang',
        name: { id: 'Bidang Pelayanan Pendaftaran Penduduk' },
        handles: { id: 'KTP-el, KK, pindah datang' },
      }),
      201,
    )
    const seksi = await json<Unit>(
      await send('POST', '/api/v1/directory/units', {
        officeId: created.id,
        kind: 'seksi',
        name: { id: 'Seksi Identitas Penduduk' },
        parentId: bidang.id,
      }),
      201,
    )
    const counter = await json<Counter>(
      await send('POST', '/api/v1/directory/counters', {
        officeId: created.slug,
        unitId: bidang.id,
        code: '1',
        name: { id: 'Loket perekaman KTP-el' },
        location: { id: 'Lantai 1' },
      }),
      201,
    )
    const position = await json<Position>(
      await send('POST', '/api/v1/directory/positions', {
        officeId: created.id,
        unitId: bidang.id,
        title: { id: 'Kepala Bidang Pelayanan Pendaftaran Penduduk' },
      }),
      201,
    )
    const tenant = await t.platform.tenantBySlug('uji')
    if (!tenant) throw new Error('no tenant')
    const ctx = t.platform.context(tenant, db, { actor: { kind: 'system', id: 'test' } })
    await createSchedule(ctx, {
      owner: { module: 'directory', type: 'office', id: created.slug },
      kind: 'hours',
      label: { id: 'Jam layanan' },
      definition: WEEKDAY,
    })
    // Monday 2026-03-02 10:00 WIB: open; 12:30: break; Saturday: closed.
    const at = async (iso: string) =>
      json<OfficeDetail>(
        await t.request(HOST, `/api/v1/directory/offices/${created.slug}?at=${encodeURIComponent(iso)}`),
      )
    const monday = await at('2026-03-02T10:00:00+07:00')
    expect(monday.openNow).toBe(true)
    expect(monday.units.map((u) => u.id)).toEqual([bidang.id, seksi.id])
    expect(monday.units[1]?.parentId).toBe(bidang.id)
    expect(monday.counters).toEqual([counter])
    expect(monday.positions).toEqual([position])
    expect(monday.hours?.status.today.intervals).toHaveLength(2)
    expect((await at('2026-03-02T12:30:00+07:00')).openNow).toBe(false)
    expect((await at('2026-03-07T10:00:00+07:00')).openNow).toBe(false)

    const open = await json<{ items: { office: Office }[] }>(
      await t.request(HOST, `/api/v1/directory/offices/open-now?at=${encodeURIComponent('2026-03-02T10:00:00+07:00')}`),
    )
    expect(open.items.map((i) => i.office.id)).toEqual([created.id])
    const closed = await json<{ items: unknown[] }>(
      await t.request(HOST, `/api/v1/directory/offices/open-now?at=${encodeURIComponent('2026-03-02T20:00:00+07:00')}`),
    )
    expect(closed.items).toEqual([])

    // An office with parts cannot be deleted; a unit in use neither.
    await expectProblem(await send('DELETE', `/api/v1/directory/offices/${created.id}`), 409)
    await expectProblem(await send('DELETE', `/api/v1/directory/units/${bidang.id}`), 409)
  })

  it('refuses parts that point to another office or make a cycle', async () => {
    const a = await office()
    const b = await office()
    const unitA = await json<Unit>(
      await send('POST', '/api/v1/directory/units', { officeId: a.id, kind: 'bidang', name: { id: 'Bidang A' } }),
      201,
    )
    const child = await json<Unit>(
      await send('POST', '/api/v1/directory/units', {
        officeId: a.id,
        kind: 'seksi',
        name: { id: 'Seksi A' },
        parentId: unitA.id,
      }),
      201,
    )
    const wrongOffice = await expectProblem(
      await send('POST', '/api/v1/directory/counters', {
        officeId: b.id,
        unitId: unitA.id,
        code: '1',
        name: { id: 'L' },
      }),
      422,
    )
    expect(pointers(wrongOffice)).toEqual(['/unitId'])
    const cycle = await expectProblem(
      await send('PATCH', `/api/v1/directory/units/${unitA.id}`, { parentId: child.id }),
      422,
    )
    expect(pointers(cycle)).toEqual(['/parentId'])
    const move = await expectProblem(
      await send('PATCH', `/api/v1/directory/units/${unitA.id}`, { officeId: b.id }),
      422,
    )
    expect(pointers(move)).toEqual(['/officeId'])
    const noOffice = await expectProblem(
      await send('POST', '/api/v1/directory/positions', { officeId: 'tidak-ada', title: { id: 'Kepala' } }),
      422,
    )
    expect(pointers(noOffice)).toEqual(['/officeId'])
    const officeCycle = await expectProblem(
      await send('PATCH', `/api/v1/directory/offices/${a.id}`, { parentId: a.slug }),
      422,
    )
    expect(pointers(officeCycle)).toEqual(['/parentId'])
  })

  it('keeps a part verified when only its place in the office changes, and clears it when a vouched field does', async () => {
    const o = await office()
    const unit = await json<Unit>(
      await send('POST', '/api/v1/directory/units', { officeId: o.id, kind: 'bidang', name: { id: 'Bidang Tetap' } }),
      201,
    )
    await json(await send('POST', `/api/v1/directory/units/${unit.id}/verify`, { source: 'https://example.go.id/so' }))
    const moved = await json<Unit>(await send('PATCH', `/api/v1/directory/units/${unit.id}`, { sortOrder: 9 }))
    expect(moved.sortOrder).toBe(9)
    expect(moved.verification.verified).toBe(true)
    const renamed = await json<Unit>(await send('PATCH', `/api/v1/directory/units/${unit.id}`, { phone: '0632 21001' }))
    expect(renamed.contacts.phone).toBe('0632 21001')
    expect(renamed.verification.verified).toBe(false)
  })

  it('writes one audit entry per write on parts', async () => {
    const o = await office()
    const unit = await json<Unit>(
      await send('POST', '/api/v1/directory/units', { officeId: o.id, kind: 'bidang', name: { id: 'Bidang' } }),
      201,
    )
    await json(await send('PATCH', `/api/v1/directory/units/${unit.id}`, { name: { id: 'Bidang Baru' } }))
    await json(await send('POST', `/api/v1/directory/units/${unit.id}/verify`, {}))
    expect((await send('DELETE', `/api/v1/directory/units/${unit.id}`)).status).toBe(204)
    expect(await auditEntries(unit.id)).toEqual([
      'directory.unit:create',
      'directory.unit:update',
      'directory.unit:verify',
      'directory.unit:delete',
    ])
  })
})

describe('directory API: refused input and isolation', () => {
  const valid = { type: 'dinas', name: { id: 'Dinas' } }

  it.each([
    ['type outside the list', { ...valid, type: 'kementerian' }, '/type'],
    ['latitude outside Indonesia', { ...valid, coordinates: { lat: 52.1, lon: 99 } }, '/coordinates/lat'],
    ['longitude swapped', { ...valid, coordinates: { lat: 2.3, lon: 2.3 } }, '/coordinates/lon'],
    ['bad email', { ...valid, contacts: { email: 'bukan-surel' } }, '/contacts/email'],
    ['bad website', { ...valid, contacts: { website: 'javascript:alert(1)' } }, '/contacts/website'],
    ['bad phone', { ...valid, contacts: { phone: 'telepon' } }, '/contacts/phone'],
    ['bad slug', { ...valid, slug: 'Dinas Sosial' }, '/slug'],
    ['unknown field', { ...valid, rating: 5 }, ''],
    ['empty name', { ...valid, name: { id: ' ' } }, '/name/id'],
  ])('refuses %s with 422', async (_name, body, pointer) => {
    const problem = await expectProblem(await send('POST', '/api/v1/directory/offices', body), 422)
    if (pointer) expect(pointers(problem)).toContain(pointer)
  })

  it('refuses a taken slug with 409 and an empty update with 422', async () => {
    const created = await office()
    await expectProblem(await send('POST', '/api/v1/directory/offices', { ...valid, slug: created.slug }), 409)
    await expectProblem(await send('PATCH', `/api/v1/directory/offices/${created.id}`, {}), 422)
    await expectProblem(await send('PATCH', `/api/v1/directory/offices/${created.id}`, { slug: 'baru' }), 422)
  })

  it('refuses anonymous writes with 401 and writes nothing', async () => {
    const created = await office()
    const before = await auditEntries(created.id)
    await expectProblem(await send('POST', '/api/v1/directory/offices', valid, null), 401)
    await expectProblem(await send('PATCH', `/api/v1/directory/offices/${created.id}`, { address: 'x' }, null), 401)
    await expectProblem(await send('DELETE', `/api/v1/directory/offices/${created.id}`, undefined, null), 401)
    await expectProblem(await send('POST', '/api/v1/directory/units', { officeId: created.id }, null), 401)
    await expectProblem(await send('POST', `/api/v1/directory/counters/x/verify`, {}, null), 401)
    expect(await auditEntries(created.id)).toEqual(before)
  })

  it('answers 404 for unknown parts and a bad list query with 422', async () => {
    await expectProblem(await t.request(HOST, '/api/v1/directory/units/unt_01J00000000000000000000000'), 404)
    await expectProblem(await send('PATCH', '/api/v1/directory/counters/ctr_x', { code: '2' }), 404)
    await expectProblem(await t.request(HOST, '/api/v1/directory/offices?type=kementerian'), 422)
    await expectProblem(await t.request(HOST, '/api/v1/directory/offices?limit=101'), 422)
    await expectProblem(await t.request(HOST, '/api/v1/directory/offices?cursor=bukan'), 400)
  })

  it('keeps tenants apart', async () => {
    const mine = await office({ name: { id: 'Kantor Rahasia Uji' }, slug: 'kantor-rahasia' })
    const theirs = await office({ name: { id: 'Kantor Rahasia Lain' }, slug: 'kantor-rahasia' }, OTHER)
    expect(theirs.slug).toBe('kantor-rahasia')
    await expectProblem(await t.request(OTHER, `/api/v1/directory/offices/${mine.id}`), 404)
    const list = await json<{ items: Office[] }>(await t.request(OTHER, '/api/v1/directory/offices?q=rahasia'))
    expect(list.items.map((o) => o.id)).toEqual([theirs.id])
    expect((await search('rahasia', OTHER)).map((h) => h.id)).toEqual([theirs.id])
    await expectProblem(
      await send('DELETE', `/api/v1/directory/offices/${mine.id}`, undefined, TEST_OPERATOR_TOKEN, OTHER),
      404,
    )
  })
})
