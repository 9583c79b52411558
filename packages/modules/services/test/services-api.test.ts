import { readFileSync } from 'node:fs'
import type { TenantContext, TenantDb } from '@cerdas/core'
import directory, { type Office, type Unit } from '@cerdas/module-directory'
import { createSchedule } from '@cerdas/module-schedules'
import { setModuleEnabled } from '@cerdas/platform'
import {
  createTestPlatform,
  expectProblem,
  jsonOf,
  TEMPLATES_DIR,
  TEST_OPERATOR_TOKEN,
  type TestPlatform,
} from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import services, { type Service, type ServiceDetail } from '../src/index'

const HOST = 'uji.localhost'
const OTHER = 'lain.localhost'
const toba = (name: string) => JSON.parse(readFileSync(`${TEMPLATES_DIR}/toba/data/${name}.json`, 'utf8'))

let t: TestPlatform
let db: TenantDb
let ctx: TenantContext

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

beforeAll(async () => {
  t = await createTestPlatform()
  for (const slug of ['uji', 'lain']) {
    await t.createTenant(slug)
    await setModuleEnabled(t.platform, slug, 'directory', true)
    await setModuleEnabled(t.platform, slug, 'services', true)
  }
  const tenant = await t.platform.tenantBySlug('uji')
  if (!tenant) throw new Error('tenant uji missing')
  db = await t.platform.tenantDb(tenant.record)
  ctx = t.platform.context(tenant, db, { actor: { kind: 'system', id: 'test' } })
  // The Toba template data, through the seed schemas: what `cerdas tenant create --template toba` seeds.
  await directory.seed?.run(ctx, { data: directory.seed.data.parse(toba('directory')) })
  await services.seed?.run(ctx, { data: services.seed.data.parse(toba('services')) })
  await createSchedule(ctx, {
    owner: { module: 'directory', type: 'office', id: 'disdukcapil' },
    kind: 'hours',
    label: { id: 'Jam layanan' },
    definition: WEEKDAY,
  })
  await createSchedule(ctx, {
    owner: { module: 'directory', type: 'office', id: 'disdukcapil' },
    kind: 'presence',
    label: { id: 'Petugas perekaman KTP-el' },
    role: { id: 'Petugas perekaman' },
    services: ['ktp-el-baru'],
    definition: { weekly: { mo: [{ start: '08:30', end: '12:00' }] } },
  })
  await createSchedule(ctx, {
    owner: { module: 'directory', type: 'office', id: 'disdukcapil' },
    kind: 'presence',
    label: { id: 'Petugas akta' },
    services: ['akta-kelahiran'],
    definition: { weekly: { tu: [{ start: '08:30', end: '12:00' }] } },
  })
})
afterAll(() => t?.close())

const send = (method: string, path: string, body?: unknown, token: string | null = TEST_OPERATOR_TOKEN, host = HOST) =>
  t.send(host, method, path, body, token)

const json = jsonOf

async function search(q: string, host = HOST) {
  const res = await t.request(host, `/api/v1/search?q=${encodeURIComponent(q)}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { items: { id: string; module: string; kind: string }[] }).items
}

async function auditEntries(entityId: string) {
  const result = await db.$client.execute({
    sql: 'SELECT action FROM cerdas_audit_log WHERE entity = ? AND entity_id = ? ORDER BY seq',
    args: ['services.service', entityId],
  })
  return result.rows.map((r) => String(r.action))
}

const pointers = (problem: Record<string, unknown>) => (problem.errors as { pointer: string }[]).map((e) => e.pointer)

const minimal = (extra: Record<string, unknown> = {}) => ({
  name: { id: 'Layanan uji' },
  category: 'lainnya',
  officeId: 'disdukcapil',
  fee: { free: true },
  ...extra,
})

describe('services API: the Toba data', () => {
  it('seeds every Toba service, unverified, with office, bidang and free fee', async () => {
    const list = await json<{ items: Service[] }>(
      await t.request(HOST, '/api/v1/services?limit=100&office=disdukcapil&fields=full'),
    )
    expect(list.items.length).toBeGreaterThanOrEqual(10)
    for (const s of list.items) {
      expect(s.verification.verified).toBe(false)
      expect(s.fee.free).toBe(true)
      expect(s.fee.legalBasis).toContain('79A')
      expect(s.requirements.length).toBeGreaterThan(0)
    }
    // The default is the summary shape: the same services, without the long fields.
    const summaries = await json<{ items: Record<string, unknown>[] }>(
      await t.request(HOST, '/api/v1/services?limit=100&office=disdukcapil'),
    )
    expect(summaries.items.map((s) => s.id)).toEqual(list.items.map((s) => s.id))
    for (const s of summaries.items) {
      expect(s).toMatchObject({ fee: { free: true }, verification: { verified: false } })
      expect(s).not.toHaveProperty('requirements')
      expect(s).not.toHaveProperty('procedure')
    }
  })

  it('shows a service with its office, bidang, requirements, open-now and officer presence', async () => {
    const at = (iso: string) =>
      t.request(HOST, `/api/v1/services/ktp-el-baru?at=${encodeURIComponent(iso)}`).then((r) => json<ServiceDetail>(r))
    const monday = await at('2026-03-02T09:00:00+07:00')
    expect(monday.service.name.id).toBe('KTP elektronik (KTP-el) baru')
    expect(monday.office?.slug).toBe('disdukcapil')
    expect(monday.office?.name.id).toBe('Dinas Kependudukan dan Pencatatan Sipil Kabupaten Toba')
    expect(monday.unit?.name.id).toBe('Bidang Pelayanan Pendaftaran Penduduk')
    expect(monday.service.requirements.map((r) => r.document.id)).toContain('Kartu Keluarga (KK)')
    expect(monday.service.procedure.length).toBeGreaterThan(2)
    expect(monday.locations.map((l) => l.office.slug)).toEqual(['disdukcapil'])
    expect(monday.openNow).toBe(true)
    expect(monday.presence.map((p) => p.schedule.label.id)).toEqual(['Petugas perekaman KTP-el'])
    expect(monday.presence[0]?.status.open).toBe(true)
    expect(monday.related.map((r) => r.slug)).toEqual(['kk-baru-perubahan', 'ktp-el-rusak-hilang'])

    const lunch = await at('2026-03-02T12:30:00+07:00')
    expect(lunch.openNow).toBe(false)
    expect(lunch.hours?.status.reason.kind).toBe('break')
    const tuesday = await at('2026-03-03T09:00:00+07:00')
    expect(tuesday.openNow).toBe(true)
    expect(tuesday.presence[0]?.status.open).toBe(false)
    const sunday = await at('2026-03-08T09:00:00+07:00')
    expect(sunday.openNow).toBe(false)
  })

  it('answers "ktp" with the service first, above the office and announcements', async () => {
    const hits = await search('ktp')
    expect(hits[0]).toMatchObject({ module: 'services', kind: 'service' })
    const bikin = await search('bikin ktp')
    expect(bikin[0]?.id).toBe(
      (await json<ServiceDetail>(await t.request(HOST, '/api/v1/services/ktp-el-baru'))).service.id,
    )
    // The office's name answers with the office, not with each of its services.
    const office = await search('disdukcapil')
    expect(office[0]).toMatchObject({ module: 'directory', kind: 'office' })
    expect(office.some((h) => h.module === 'services')).toBe(false)
    const byOffice = await search('dinas kependudukan')
    expect(byOffice[0]).toMatchObject({ module: 'directory', kind: 'office' })
  })

  it('filters by category and words in names and synonyms', async () => {
    const list = async (q: string) =>
      (await json<{ items: Service[] }>(await t.request(HOST, `/api/v1/services?${q}`))).items.map((s) => s.slug)
    expect(await list('q=legalisir')).toEqual(['legalisasi'])
    expect(await list('q=akta&limit=100')).toEqual(
      expect.arrayContaining(['akta-kelahiran', 'akta-kematian', 'akta-perkawinan', 'akta-perceraian']),
    )
    expect(await list('category=kesehatan')).toEqual([])
    expect(await list('office=tidak-ada')).toEqual([])
  })
})

describe('services API: writes', () => {
  it('creates, updates, verifies and deletes with one audit entry each and search kept in step', async () => {
    const unit = (
      await json<{ units: Unit[] }>(await t.request(HOST, '/api/v1/directory/offices/disdukcapil'))
    ).units.find((u) => u.name.id === 'Bidang Pelayanan Pencatatan Sipil')
    const created = await json<Service>(
      await send(
        'POST',
        '/api/v1/services',
        minimal({
          name: { id: 'Pencatatan pengangkatan anak', en: 'Registering an adoption' },
          synonyms: ['adopsi anak'],
          category: 'kependudukan',
          unitId: unit?.id,
          requirements: [{ document: { id: 'Salinan penetapan pengadilan' } }],
          procedure: [{ id: 'Serahkan berkas' }],
          processingTime: { value: 3, unit: 'working_days' },
          related: ['akta-kelahiran'],
        }),
      ),
      201,
    )
    expect(created.id).toMatch(/^svc_[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(created.slug).toBe('pencatatan-pengangkatan-anak')
    expect(created.officeId).toMatch(/^off_/)
    expect(created.related).toHaveLength(1)
    expect((await search('adopsi')).map((h) => h.id)).toContain(created.id)

    const updated = await json<Service>(
      await send('PATCH', `/api/v1/services/${created.slug}`, {
        fee: { free: false, amount: 10000, legalBasis: 'Perda contoh' },
        synonyms: ['angkat anak'],
      }),
    )
    expect(updated.fee).toEqual({ free: false, amount: 10000, note: null, legalBasis: 'Perda contoh' })
    expect(updated.unitId).toBe(unit?.id)
    expect((await search('adopsi')).map((h) => h.id)).not.toContain(created.id)
    expect((await search('angkat')).map((h) => h.id)).toContain(created.id)

    const verified = await json<Service>(await send('POST', `/api/v1/services/${created.id}/verify`, { source: 'SK' }))
    expect(verified.verification).toMatchObject({ verified: true, verifiedBy: 'test operator', source: 'SK' })
    expect((await send('DELETE', `/api/v1/services/${created.id}`)).status).toBe(204)
    expect(await auditEntries(created.id)).toEqual(['create', 'update', 'verify', 'delete'])
    await expectProblem(await t.request(HOST, `/api/v1/services/${created.id}`), 404)
    expect((await search('angkat')).map((h) => h.id)).not.toContain(created.id)
  })

  it('refuses references the directory does not confirm, with pointers, writing nothing', async () => {
    const other = await json<Office>(
      await send('POST', '/api/v1/directory/offices', { type: 'dinas', name: { id: 'Dinas Lain' } }),
      201,
    )
    const foreignUnit = await json<Unit>(
      await send('POST', '/api/v1/directory/units', {
        officeId: other.id,
        kind: 'bidang',
        name: { id: 'Bidang Lain' },
      }),
      201,
    )
    const problem = await expectProblem(
      await send(
        'POST',
        '/api/v1/services',
        minimal({
          unitId: foreignUnit.id,
          locations: [{ officeId: 'tidak-ada' }, { officeId: 'disdukcapil', counterId: 'ctr_x' }],
          related: ['tidak-ada'],
        }),
      ),
      422,
    )
    expect(pointers(problem)).toEqual(['/unitId', '/locations/0/officeId', '/locations/1/counterId', '/related/0'])
    const noOffice = await expectProblem(
      await send('POST', '/api/v1/services', minimal({ officeId: 'tidak-ada' })),
      422,
    )
    expect(pointers(noOffice)).toEqual(['/officeId'])
    expect((await json<{ items: Service[] }>(await t.request(HOST, '/api/v1/services?q=uji'))).items).toEqual([])
  })

  it('drops the unit of the old office when a service moves to another office without a new unit', async () => {
    const unit = (await json<{ units: Unit[] }>(await t.request(HOST, '/api/v1/directory/offices/disdukcapil')))
      .units[0]
    const created = await json<Service>(
      await send('POST', '/api/v1/services', minimal({ name: { id: 'Layanan pindah' }, unitId: unit?.id })),
      201,
    )
    expect(created.unitId).toBe(unit?.id)
    const office = await json<Office>(
      await send('POST', '/api/v1/directory/offices', { type: 'dinas', name: { id: 'Dinas Tujuan Pindah' } }),
      201,
    )
    const moved = await json<Service>(await send('PATCH', `/api/v1/services/${created.id}`, { officeId: office.slug }))
    expect(moved).toMatchObject({ officeId: office.id, unitId: null })
    expect((await send('DELETE', `/api/v1/services/${created.id}`)).status).toBe(204)
  })

  it.each([
    ['fee without amount', minimal({ fee: { free: false } }), '/fee/amount'],
    ['negative fee', minimal({ fee: { free: false, amount: -5 } }), '/fee/amount'],
    ['unknown category', minimal({ category: 'judi' }), '/category'],
    ['processing unit', minimal({ processingTime: { value: 2, unit: 'weeks' } }), '/processingTime/unit'],
    ['requirement without document', minimal({ requirements: [{ note: { id: 'x' } }] }), '/requirements/0/document'],
    ['unknown audience', minimal({ audience: ['aliens'] }), '/audience/0'],
    ['bad online link', minimal({ onlineUrl: 'ftp://x' }), '/onlineUrl'],
    ['missing fee', { name: { id: 'x' }, category: 'lainnya', officeId: 'disdukcapil' }, '/fee'],
  ])('refuses %s with 422', async (_name, body, pointer) => {
    const problem = await expectProblem(await send('POST', '/api/v1/services', body), 422)
    expect(pointers(problem)).toContain(pointer)
  })

  it('refuses anonymous writes, unknown ids and a taken slug', async () => {
    await expectProblem(await send('POST', '/api/v1/services', minimal(), null), 401)
    await expectProblem(await send('PATCH', '/api/v1/services/ktp-el-baru', { name: { id: 'x' } }, null), 401)
    await expectProblem(await send('DELETE', '/api/v1/services/ktp-el-baru', undefined, null), 401)
    await expectProblem(await send('POST', '/api/v1/services/ktp-el-baru/verify', {}, null), 401)
    expect(await auditEntries('x')).toEqual([])
    await expectProblem(await t.request(HOST, '/api/v1/services/tidak-ada'), 404)
    await expectProblem(await send('PATCH', '/api/v1/services/tidak-ada', { name: { id: 'x' } }), 404)
    await expectProblem(await send('POST', '/api/v1/services', minimal({ slug: 'ktp-el-baru' })), 409)
    await expectProblem(await send('PATCH', '/api/v1/services/ktp-el-baru', {}), 422)
    await expectProblem(await t.request(HOST, '/api/v1/services?category=judi'), 422)
  })

  it('keeps tenants apart', async () => {
    await expectProblem(await t.request(OTHER, '/api/v1/services/ktp-el-baru'), 404)
    expect((await json<{ items: Service[] }>(await t.request(OTHER, '/api/v1/services'))).items).toEqual([])
    expect(await search('ktp', OTHER)).toEqual([])
    // The other tenant's directory has no Disdukcapil: its services cannot name ours.
    const problem = await expectProblem(
      await send('POST', '/api/v1/services', minimal(), TEST_OPERATOR_TOKEN, OTHER),
      422,
    )
    expect(pointers(problem)).toEqual(['/officeId'])
  })
})
