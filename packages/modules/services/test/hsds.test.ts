import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { problemType } from '@cerdas/core'
import type { Schedule } from '@cerdas/module-schedules'
import { createTestPlatform, expectProblem, TEST_OPERATOR_TOKEN, type TestPlatform } from '@cerdas/testing'
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HSDS_VERSION, hsdsId } from '../src/hsds-ids'
import type { HsdsOrganization, HsdsSchedule } from '../src/hsds-organization-schemas'
import type { HsdsPage } from '../src/hsds-page-schemas'
import { hsdsSchedules } from '../src/hsds-schedules'
import type { HsdsService, HsdsServiceAtLocation } from '../src/hsds-service-schemas'

const TOBA = 'toba.localhost'
const SAMOSIR = 'samosir.localhost'
const NOT_FOUND = problemType('notFound')
const VALIDATION = problemType('validation')

// ---- the official HSDS JSON schemas (test/fixtures/hsds-3, see its README)

const FIXTURES = fileURLToPath(new URL('./fixtures/hsds-3/', import.meta.url))
const SCHEMA_BASE = 'https://raw.githubusercontent.com/openreferral/specification/refs/heads/3.2/schema/'
/** Keywords of the HSDS schema files that annotate them for HSDS tooling; they validate nothing. */
const HSDS_ANNOTATIONS = [
  'name',
  'path',
  'datapackage_metadata',
  'constraints',
  'example',
  'core',
  'tabular_required',
  'datapackage_type',
]

// Every .json file there but biome.json (which keeps the formatter off the unchanged copies).
const schemaFiles = readdirSync(FIXTURES).filter((f) => f.endsWith('.json') && f !== 'biome.json')
// HSDS 3 declares JSON Schema 2020-12 as its dialect (the files carry no $schema of their own).
const ajv = new Ajv2020({ allErrors: true, strict: true })
ajv.addVocabulary(HSDS_ANNOTATIONS)
addFormats(ajv)
for (const file of schemaFiles) ajv.addSchema(JSON.parse(readFileSync(`${FIXTURES}${file}`, 'utf8')))

function validator(name: string): ValidateFunction {
  const validate = ajv.getSchema(`${SCHEMA_BASE}${name}.json`)
  if (!validate) throw new Error(`no HSDS schema ${name}`)
  return validate
}

/** Validates against an HSDS schema; on failure the message lists every error with its path. */
function expectValid(name: string, value: unknown, label: string) {
  const validate = validator(name)
  const ok = validate(value)
  const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`)
  expect(errors, `${label} against HSDS ${name}.json:\n${errors.join('\n')}`).toEqual([])
  expect(ok).toBe(true)
}

// ---- platform

let t: TestPlatform
let counterId: string
let samosirOfficeId: string
let samosirServiceId: string

async function send(host: string, method: string, path: string, body?: unknown) {
  const res = await t.request(host, path, {
    method,
    token: TEST_OPERATOR_TOKEN,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text}`)
  return text ? JSON.parse(text) : null
}

async function get<T>(host: string, path: string): Promise<T> {
  const res = await t.request(host, path)
  expect(res.status, await res.clone().text()).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  return (await res.json()) as T
}

/** Every item of an HSDS list, walking its pages. */
async function all<T>(host: string, path: string, perPage = 100): Promise<T[]> {
  const out: T[] = []
  for (let page = 1; ; page++) {
    const sep = path.includes('?') ? '&' : '?'
    const body = await get<HsdsPage<T>>(host, `${path}${sep}page=${page}&per_page=${perPage}`)
    out.push(...body.contents)
    if (body.last_page || body.contents.length === 0) return out
  }
}

beforeAll(async () => {
  t = await createTestPlatform()
  // Toba from its template: the directory, services and schedules (hours and officer presence) it seeds.
  await t.createTenant('toba', { template: 'toba' })
  await t.createTenant('samosir', { template: 'kabupaten', name: 'Kabupaten Samosir' })

  // Data the template leaves empty, so every mapping has something to map.
  await send(TOBA, 'PATCH', '/api/v1/directory/offices/disdukcapil', {
    address: 'Jl. Contoh No. 1, Balige 22312',
    coordinates: { lat: 2.3333, lon: 99.0667 },
    contacts: {
      phone: '(0632) 21000',
      whatsapp: '+62 812 0000 0001',
      email: 'disdukcapil@example.org',
      website: 'https://example.org/disdukcapil',
    },
  })
  const counter = await send(TOBA, 'POST', '/api/v1/directory/counters', {
    officeId: 'disdukcapil',
    code: '3',
    name: { id: 'Loket perekaman KTP-el', en: 'e-KTP recording counter' },
    location: { id: 'Lantai 1', en: 'Ground floor' },
  })
  counterId = counter.id
  const office = await get<{ units: { id: string; name: { id: string } }[] }>(
    TOBA,
    '/api/v1/directory/offices/disdukcapil',
  )
  const dafduk = office.units.find((u) => u.name.id === 'Bidang Pelayanan Pendaftaran Penduduk')
  if (!dafduk) throw new Error('the Toba template has no Bidang Pelayanan Pendaftaran Penduduk')
  await send(TOBA, 'PATCH', `/api/v1/directory/units/${dafduk.id}`, { phone: '(0632) 21002' })
  await send(TOBA, 'PATCH', '/api/v1/services/ktp-el-baru', {
    locations: [{ officeId: 'disdukcapil', counterId }],
    onlineUrl: 'https://example.org/ktp-el',
    complaint: {
      description: { id: 'Sampaikan pengaduan ke SP4N-LAPOR!', en: 'Complain through SP4N-LAPOR!' },
      phone: '(0632) 21001',
      email: 'pengaduan@example.org',
      url: 'https://www.lapor.go.id',
    },
  })
  await send(TOBA, 'PATCH', '/api/v1/services/legalisasi', {
    fee: { free: false, amount: 5000, note: { id: 'Per lembar' } },
  })
  // The service's own hours with Ramadan hours, a service day on a Saturday and a closure (far ahead, so they stay upcoming).
  await send(TOBA, 'POST', '/api/v1/schedules', {
    owner: { module: 'services', type: 'service', id: 'ktp-el-baru' },
    kind: 'hours',
    label: { id: 'Jam perekaman KTP-el', en: 'e-KTP recording hours' },
    definition: {
      weekly: Object.fromEntries(['mo', 'tu', 'we', 'th'].map((d) => [d, [{ start: '08:00', end: '15:00' }]])),
      overrides: [
        {
          from: '2099-02-01',
          to: '2099-03-02',
          weekly: { mo: [{ start: '08:00', end: '14:00' }], tu: [{ start: '08:00', end: '14:00' }] },
          reason: { id: 'Jam layanan Ramadan', en: 'Ramadan hours' },
        },
      ],
      extraOpenings: [
        {
          date: '2099-03-07',
          intervals: [{ start: '09:00', end: '12:00' }],
          reason: { id: 'Layanan jemput bola', en: 'Outreach day' },
        },
      ],
      closures: [{ from: '2099-04-01', reason: { id: 'Pemeliharaan sistem', en: 'System maintenance' } }],
    },
  })

  // Another tenant whose office and service reuse Toba's slugs.
  samosirOfficeId = (
    await send(SAMOSIR, 'POST', '/api/v1/directory/offices', {
      slug: 'disdukcapil',
      type: 'dinas',
      name: { id: 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Samosir' },
    })
  ).id
  samosirServiceId = (
    await send(SAMOSIR, 'POST', '/api/v1/services', {
      slug: 'ktp-el-baru',
      name: { id: 'KTP-el baru di Pangururan' },
      category: 'kependudukan',
      officeId: 'disdukcapil',
      fee: { free: true },
    })
  ).id
})
afterAll(() => t?.close())

// ---- the schemas themselves

describe('the vendored HSDS schemas', () => {
  it('are the HSDS 3.x files, compile as JSON Schema 2020-12, and resolve every $ref', () => {
    expect(HSDS_VERSION).toMatch(/^3\./)
    expect(schemaFiles.length).toBeGreaterThanOrEqual(20)
    for (const file of schemaFiles) {
      const schema = JSON.parse(readFileSync(`${FIXTURES}${file}`, 'utf8')) as { $id: string }
      expect(schema.$id).toBe(`${SCHEMA_BASE}${file}`)
    }
    for (const name of ['service', 'organization', 'service_at_location', 'location', 'schedule'])
      expect(typeof validator(name)).toBe('function')
  })

  it('reject what HSDS forbids (so a pass below means something)', () => {
    const service = validator('service')
    expect(service({ id: 'ac148810-d857-441c-9679-408f346de14b', name: 'Layanan', status: 'active' })).toBe(true)
    expect(service({ id: 'svc_01JD2X5Q9V3R8K7M6N5P4Q3R2S', name: 'Layanan', status: 'active' })).toBe(false) // id must be a uuid
    expect(service({ id: 'ac148810-d857-441c-9679-408f346de14b', name: 'Layanan' })).toBe(false) // status required
    expect(service({ id: 'ac148810-d857-441c-9679-408f346de14b', name: 'L', status: 'open' })).toBe(false)
    const schedule = validator('schedule')
    expect(schedule({ id: 'ac148810-d857-441c-9679-408f346de14b', timezone: '+07:00' })).toBe(false) // a number
    expect(validator('organization')({ id: 'ac148810-d857-441c-9679-408f346de14b', name: 'Dinas' })).toBe(false) // description
  })
})

// ---- the export validates

describe('HSDS export of the Toba template validates against the official schemas', () => {
  it('exports every service as an HSDS service', async () => {
    const list = await all<HsdsService>(TOBA, '/api/v1/services/hsds/services')
    expect(list.length).toBe(11)
    for (const service of list) expectValid('service', service, `service ${service.x_cerdas_slug}`)
    // Nested records validate through the service's $refs; check them on their own too.
    for (const service of list) {
      if (service.organization) expectValid('organization', service.organization, `${service.x_cerdas_slug} org`)
      for (const sal of service.service_at_locations)
        expectValid('service_at_location', sal, `${service.x_cerdas_slug} sal`)
    }
    expect(new Set(list.map((s) => s.id)).size).toBe(list.length)
  })

  it('exports every office as an HSDS organization', async () => {
    const list = await all<HsdsOrganization>(TOBA, '/api/v1/services/hsds/organizations', 3)
    expect(list.length).toBe(10)
    for (const org of list) expectValid('organization', org, `organization ${org.x_cerdas_slug}`)
    for (const org of list) for (const location of org.locations) expectValid('location', location, org.x_cerdas_slug)
    expect(new Set(list.map((o) => o.id)).size).toBe(list.length)
  })

  it('exports every place of every service as an HSDS service_at_location', async () => {
    const list = await all<HsdsServiceAtLocation>(TOBA, '/api/v1/services/hsds/service_at_locations', 4)
    const services = await all<HsdsService>(TOBA, '/api/v1/services/hsds/services')
    expect(list.length).toBe(services.reduce((n, s) => n + s.service_at_locations.length, 0))
    expect(list.length).toBeGreaterThanOrEqual(11)
    for (const sal of list) expectValid('service_at_location', sal, `service_at_location ${sal.id}`)
    expect(new Set(list.map((s) => s.id)).size).toBe(list.length)
  })

  it('validates in English too, and for a tenant with little data', async () => {
    for (const service of await all<HsdsService>(TOBA, '/api/v1/services/hsds/services?lang=en'))
      expectValid('service', service, `service ${service.x_cerdas_slug} (en)`)
    for (const service of await all<HsdsService>(SAMOSIR, '/api/v1/services/hsds/services'))
      expectValid('service', service, `samosir service ${service.x_cerdas_slug}`)
    for (const org of await all<HsdsOrganization>(SAMOSIR, '/api/v1/services/hsds/organizations'))
      expectValid('organization', org, `samosir organization ${org.x_cerdas_slug}`)
  })
})

// ---- what the mapping says

describe('HSDS mapping', () => {
  let ktp: HsdsService

  beforeAll(async () => {
    ktp = await get<HsdsService>(TOBA, '/api/v1/services/ktp-el-baru/hsds')
  })

  it('gives stable UUID (version 5) ids derived from the Cerdas ids', () => {
    expect(ktp.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(ktp.id).toBe(hsdsId('service', ktp.x_cerdas_id))
    expect(hsdsId('service', ktp.x_cerdas_id)).toBe(ktp.id)
    expect(hsdsId('organization', ktp.x_cerdas_id)).not.toBe(ktp.id)
  })

  it('maps the service standard to HSDS fields', () => {
    expect(ktp.name).toBe('KTP elektronik (KTP-el) baru')
    expect(ktp.status).toBe('active')
    expect(ktp.url).toBe('http://toba.localhost/layanan/ktp-el-baru')
    expect(ktp.description).toContain('Perekaman dan penerbitan KTP-el')
    expect(ktp.application_process?.split('\n')[0]).toBe('1. Serahkan berkas persyaratan di loket pelayanan')
    expect(ktp.fees_description).toBe('Gratis, tidak dipungut biaya')
    expect(ktp.cost_options).toEqual([
      expect.objectContaining({
        currency: 'IDR',
        amount: 0,
        service_id: ktp.id,
        x_cerdas_legal_basis: expect.any(String),
      }),
    ])
    expect(ktp.required_documents[0]).toMatchObject({
      service_id: ktp.id,
      document: 'Kartu Keluarga (KK) (Telah berusia 17 tahun, sudah kawin, atau pernah kawin)',
      x_cerdas_document: 'Kartu Keluarga (KK)',
    })
    expect(ktp.eligibility_description).toBe('Untuk penduduk.')
    expect(ktp.additional_urls.map((u) => u.url)).toEqual(['https://example.org/ktp-el', 'https://www.lapor.go.id'])
    expect(ktp.attributes[0]?.taxonomy_term).toMatchObject({ code: 'kependudukan', name: 'Kependudukan' })
    expect(ktp.last_modified).toMatch(/^\d{4}-\d{2}-\d{2}T/)
  })

  it('carries processing time, bidang, legal basis and verification as x_cerdas_ extensions', () => {
    expect(ktp.x_cerdas_processing_time).toMatchObject({ value: 1, unit: 'working_days', text: '1 hari kerja' })
    expect(ktp.x_cerdas_responsible_unit).toMatchObject({
      kind: 'bidang',
      name: 'Bidang Pelayanan Pendaftaran Penduduk',
      phone: '(0632) 21002',
    })
    expect(ktp.x_cerdas_legal_basis).toHaveLength(3)
    expect(ktp.x_cerdas_fee).toMatchObject({ free: true, amount: null, currency: 'IDR' })
    expect(ktp.x_cerdas_verification).toEqual({ verified: false, verified_at: null, verified_by: null, source: null })
    expect(ktp.assured_date).toBeUndefined()
    expect(ktp.x_cerdas_product).toBe('KTP-el')
    expect(ktp.x_cerdas_related_service_ids).toHaveLength(2)
    expect(ktp.contacts.map((c) => c.x_cerdas_role)).toEqual(['complaints', 'responsible_unit'])
    expect(ktp.contacts[0]).toMatchObject({ email: 'pengaduan@example.org', phones: [{ number: '(0632) 21001' }] })
    expect(ktp.contacts[1]).toMatchObject({ department: 'Bidang Pelayanan Pendaftaran Penduduk' })
    // Every extension key is prefixed, so it cannot collide with a future HSDS field.
    const serviceProperties = Object.keys(
      (JSON.parse(readFileSync(`${FIXTURES}service.json`, 'utf8')) as { properties: object }).properties,
    )
    for (const key of Object.keys(ktp))
      expect(serviceProperties.includes(key) || key.startsWith('x_cerdas_'), key).toBe(true)
  })

  it('nests the responsible office as organization, with its location, address, phones and units', async () => {
    const org = ktp.organization
    expect(org?.id).toBe(ktp.organization_id)
    expect(org).toMatchObject({
      name: 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Toba',
      alternate_name: 'Disdukcapil',
      email: 'disdukcapil@example.org',
      website: 'https://example.org/disdukcapil',
      x_cerdas_slug: 'disdukcapil',
      x_cerdas_type: 'dinas',
    })
    expect(org?.phones.map((p) => [p.number, p.type])).toEqual([
      ['(0632) 21000', 'voice'],
      ['+62 812 0000 0001', 'cell'],
    ])
    expect(org?.x_cerdas_units.map((u) => u.name)).toContain('Bidang Pelayanan Pendaftaran Penduduk')
    const location = org?.locations[0]
    expect(location).toMatchObject({ location_type: 'physical', latitude: 2.3333, longitude: 99.0667 })
    const tenant = await get<{ name: string }>(TOBA, '/api/v1/tenant')
    expect(location?.addresses[0]).toMatchObject({
      address_1: 'Jl. Contoh No. 1, Balige 22312',
      address_2: 'Kecamatan Balige',
      city: tenant.name,
      state_province: 'Sumatera Utara',
      postal_code: '22312',
      country: 'ID',
    })
  })

  it('maps office hours to one WEEKLY rule per weekday group and interval, with the zone offset', () => {
    const hours = ktp.organization?.locations[0]?.schedules ?? []
    expect(hours.map((s) => [s.byday, s.opens_at, s.closes_at])).toEqual([
      ['MO,TU,WE,TH', '08:00+07:00', '12:00+07:00'],
      ['MO,TU,WE,TH', '13:00+07:00', '16:00+07:00'],
      ['FR', '08:00+07:00', '11:30+07:00'],
      ['FR', '13:30+07:00', '16:30+07:00'],
    ])
    for (const rule of hours) {
      expect(rule).toMatchObject({ freq: 'WEEKLY', wkst: 'MO', timezone: 7, x_cerdas_kind: 'hours' })
      expect(rule.location_id).toBe(ktp.organization?.locations[0]?.id)
      expect(rule.notes).toMatch(/^Tutup pada hari libur nasional/)
      expect(rule.x_cerdas_opening_hours).toContain('Mo-Th 08:00-12:00,13:00-16:00')
    }
  })

  it('maps date-ranged overrides (Ramadan hours) and extra openings to rules with valid_from/valid_to', () => {
    const own = ktp.schedules
    expect(own.filter((s) => s.x_cerdas_rule === 'weekly').map((s) => s.byday)).toEqual(['MO,TU,WE,TH'])
    const ramadan = own.filter((s) => s.x_cerdas_rule === 'override')
    expect(ramadan.map((s) => [s.byday, s.opens_at, s.closes_at, s.valid_from, s.valid_to])).toEqual([
      ['MO,TU', '08:00+07:00', '14:00+07:00', '2099-02-01', '2099-03-02'],
    ])
    expect(ramadan[0]?.description).toBe('Jam perekaman KTP-el: Jam layanan Ramadan')
    const extra = own.filter((s) => s.x_cerdas_rule === 'extra_opening')
    expect(extra.map((s) => [s.byday, s.valid_from, s.valid_to])).toEqual([['SA', '2099-03-07', '2099-03-07']])
    expect(own[0]?.x_cerdas_closures).toEqual([{ from: '2099-04-01', to: '2099-04-01', reason: 'Pemeliharaan sistem' }])
    for (const rule of own) expect(rule.service_id).toBe(ktp.id)
  })

  it('maps places to service_at_locations with the counter and the officer presence that covers the service', () => {
    expect(ktp.service_at_locations).toHaveLength(1)
    const sal = ktp.service_at_locations[0]
    expect(sal?.service_id).toBe(ktp.id)
    expect(sal?.location_id).toBe(ktp.organization?.locations[0]?.id)
    expect(sal?.description).toBe('Loket perekaman KTP-el (loket 3), Lantai 1')
    expect(sal?.x_cerdas_counter).toMatchObject({ id: counterId, code: '3' })
    expect(sal?.x_cerdas_default_location).toBe(false)
    expect(sal?.schedules.map((s) => [s.byday, s.opens_at, s.x_cerdas_kind, s.x_cerdas_role])).toEqual([
      ['MO,TU,WE,TH', '08:30+07:00', 'presence', 'Petugas perekaman KTP-el'],
    ])
    expect(sal?.schedules[0]?.service_at_location_id).toBe(sal?.id)
  })

  it('speaks English with lang=en, keeping every language in x_cerdas_texts', async () => {
    const en = await get<HsdsService>(TOBA, '/api/v1/services/ktp-el-baru/hsds?lang=en')
    expect(en.id).toBe(ktp.id)
    expect(en.name).toBe('New electronic identity card (e-KTP)')
    expect(en.fees_description).toBe('Free of charge')
    expect(en.x_cerdas_processing_time?.text).toBe('1 working days')
    expect(en.x_cerdas_texts.name).toEqual({
      id: 'KTP elektronik (KTP-el) baru',
      en: 'New electronic identity card (e-KTP)',
    })
    expect(en.organization?.locations[0]?.schedules[0]?.notes).toMatch(/^Closed on national holidays/)
  })

  it('describes a fee in rupiah', async () => {
    const legalisasi = await get<HsdsService>(TOBA, '/api/v1/services/legalisasi/hsds')
    expect(legalisasi.fees_description).toBe('Rp5.000. Per lembar')
    expect(legalisasi.cost_options[0]).toMatchObject({ amount: 5000, currency: 'IDR' })
  })

  it('states times in the schedule zone: WITA is +08:00, overnight rules are flagged, past closures dropped', () => {
    const schedule: Schedule = {
      id: 'sch_01JD2X5Q9V3R8K7M6N5P4Q3R2S',
      owner: { module: 'tourism', type: 'place', id: 'pasar-malam' },
      kind: 'hours',
      label: { id: 'Pasar malam' },
      role: null,
      services: [],
      definition: {
        zone: 'Asia/Makassar',
        closedOnHolidays: false,
        weekly: { fr: [{ start: '18:00', end: '02:00', overnight: true }], sa: [{ start: '18:00', end: '24:00' }] },
        closures: [
          { from: '2000-01-01', reason: { id: 'Lama' } },
          { from: '2099-01-01', to: '2099-01-02', reason: { id: 'Tahun baru' } },
        ],
      },
      openingHours: 'Fr 18:00-02:00; Sa 18:00-24:00',
      verification: { verified: false, verifiedAt: null, verifiedBy: null, source: null },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    }
    const rows: HsdsSchedule[] = hsdsSchedules(
      schedule,
      { location_id: hsdsId('location', 'x') },
      { locale: 'id', now: new Date('2026-06-01T00:00:00Z') },
    )
    expect(rows.map((r) => [r.byday, r.opens_at, r.closes_at, r.timezone, r.x_cerdas_overnight ?? false])).toEqual([
      ['FR', '18:00+08:00', '02:00+08:00', 8, true],
      ['SA', '18:00+08:00', '24:00+08:00', 8, false],
    ])
    expect(rows[0]?.notes).toBe('Hari libur tidak mengubah jadwal ini.')
    expect(rows[0]?.x_cerdas_closures).toEqual([{ from: '2099-01-01', to: '2099-01-02', reason: 'Tahun baru' }])
    for (const row of rows) expectValid('schedule', row, `schedule ${row.byday}`)
  })
})

// ---- routes

describe('HSDS routes', () => {
  it('answers the HSDS API root with the version and where the lists are', async () => {
    const root = await get<{ version: string; openapi_url: string; x_cerdas_endpoints: Record<string, string> }>(
      TOBA,
      '/api/v1/services/hsds',
    )
    expect(root.version).toBe(HSDS_VERSION)
    expect(root.openapi_url).toBe('http://toba.localhost/api/openapi.json')
    expect(root.x_cerdas_endpoints.services).toBe('http://toba.localhost/api/v1/services/hsds/services')
  })

  it('pages services with the HSDS list envelope', async () => {
    const first = await get<HsdsPage<HsdsService>>(TOBA, '/api/v1/services/hsds/services?per_page=4')
    expect(first).toMatchObject({
      total_items: 11,
      total_pages: 3,
      page_number: 1,
      size: 4,
      first_page: true,
      last_page: false,
      empty: false,
    })
    const last = await get<HsdsPage<HsdsService>>(TOBA, '/api/v1/services/hsds/services?per_page=4&page=3')
    expect(last).toMatchObject({ page_number: 3, size: 3, first_page: false, last_page: true })
    const beyond = await get<HsdsPage<HsdsService>>(TOBA, '/api/v1/services/hsds/services?per_page=4&page=9')
    expect(beyond).toMatchObject({ size: 0, contents: [], last_page: true, empty: false })
    const names = [...first.contents, ...last.contents].map((s) => s.name)
    expect(new Set(names).size).toBe(names.length)
  })

  it('filters services by words and by organization (HSDS id, office id or slug)', async () => {
    const ktp = await get<HsdsPage<HsdsService>>(TOBA, '/api/v1/services/hsds/services?search=ktp')
    expect(ktp.contents.map((s) => s.x_cerdas_slug)).toEqual(
      expect.arrayContaining(['ktp-el-baru', 'ktp-el-rusak-hilang']),
    )
    for (const s of ktp.contents) expect(`${s.name} ${s.x_cerdas_synonyms.join(' ')}`.toLowerCase()).toContain('ktp')
    expect(ktp.total_items).toBeLessThan(11)
    const org = await get<HsdsOrganization>(TOBA, '/api/v1/directory/offices/disdukcapil/hsds')
    for (const ref of [org.id, org.x_cerdas_id, 'disdukcapil']) {
      const page = await get<HsdsPage<HsdsService>>(TOBA, `/api/v1/services/hsds/services?organization_id=${ref}`)
      expect(page.total_items).toBe(11)
      expect(page.contents.every((s) => s.organization_id === org.id)).toBe(true)
    }
    const none = await get<HsdsPage<HsdsService>>(TOBA, '/api/v1/services/hsds/services?organization_id=tidak-ada')
    expect(none).toMatchObject({ total_items: 0, total_pages: 0, empty: true, contents: [] })
    const sals = await get<HsdsPage<HsdsServiceAtLocation>>(
      TOBA,
      `/api/v1/services/hsds/service_at_locations?organization_id=${org.id}&per_page=100`,
    )
    expect(sals.total_items).toBe(11)
  })

  it('pages and searches organizations', async () => {
    const page = await get<HsdsPage<HsdsOrganization>>(TOBA, '/api/v1/services/hsds/organizations?per_page=4&page=3')
    expect(page).toMatchObject({ total_items: 10, total_pages: 3, size: 2, last_page: true })
    const found = await get<HsdsPage<HsdsOrganization>>(TOBA, '/api/v1/services/hsds/organizations?search=disdukcapil')
    expect(found.contents.map((o) => o.x_cerdas_slug)).toEqual(['disdukcapil'])
  })

  it('serves one service and one organization by HSDS id, Cerdas id or slug', async () => {
    const bySlug = await get<HsdsService>(TOBA, '/api/v1/services/ktp-el-baru/hsds')
    for (const ref of [bySlug.id, bySlug.x_cerdas_id, bySlug.id.toUpperCase()]) {
      expect(await get<HsdsService>(TOBA, `/api/v1/services/${ref}/hsds`)).toEqual(bySlug)
    }
    const org = await get<HsdsOrganization>(TOBA, '/api/v1/directory/offices/disdukcapil/hsds')
    for (const ref of [org.id, org.x_cerdas_id]) {
      expect(await get<HsdsOrganization>(TOBA, `/api/v1/directory/offices/${ref}/hsds`)).toEqual(org)
    }
    expect(org).toEqual(bySlug.organization)
  })

  it('answers an unknown id with a 404 problem', async () => {
    for (const path of [
      '/api/v1/services/tidak-ada/hsds',
      `/api/v1/services/${hsdsId('service', 'svc_tidak_ada')}/hsds`,
      '/api/v1/directory/offices/tidak-ada/hsds',
      `/api/v1/directory/offices/${hsdsId('organization', 'off_tidak_ada')}/hsds`,
    ]) {
      await expectProblem(await t.request(TOBA, path), 404, NOT_FOUND)
    }
  })

  it.each([
    ['per_page=0', '/api/v1/services/hsds/services?per_page=0'],
    ['per_page over 100', '/api/v1/services/hsds/services?per_page=101'],
    ['page=0', '/api/v1/services/hsds/organizations?page=0'],
    ['page=abc', '/api/v1/services/hsds/service_at_locations?page=abc'],
    ['page=1.5', '/api/v1/services/hsds/services?page=1.5'],
    ['an unknown language', '/api/v1/services/hsds/services?lang=fr'],
    ['an unknown parameter', '/api/v1/services/hsds/services?format=ndjson'],
    ['an unknown parameter on the root', '/api/v1/services/hsds?x=1'],
    ['an unknown parameter on one record', '/api/v1/services/ktp-el-baru/hsds?full=true'],
    ['an over-long id', `/api/v1/directory/offices/${'a'.repeat(65)}/hsds`],
  ])('refuses %s with a validation problem', async (_name, path) => {
    await expectProblem(await t.request(TOBA, path), 422, VALIDATION)
  })

  it('needs no token: the export is public', async () => {
    const res = await t.request(TOBA, '/api/v1/services/hsds/services', { token: null })
    expect(res.status).toBe(200)
  })
})

// ---- tenants

describe('HSDS export and tenant isolation', () => {
  it("does not serve Toba's records on Samosir's host, by any id", async () => {
    const ktp = await get<HsdsService>(TOBA, '/api/v1/services/ktp-el-baru/hsds')
    const org = await get<HsdsOrganization>(TOBA, '/api/v1/directory/offices/disdukcapil/hsds')
    for (const ref of [ktp.id, ktp.x_cerdas_id]) {
      await expectProblem(await t.request(SAMOSIR, `/api/v1/services/${ref}/hsds`), 404, NOT_FOUND)
    }
    for (const ref of [org.id, org.x_cerdas_id]) {
      await expectProblem(await t.request(SAMOSIR, `/api/v1/directory/offices/${ref}/hsds`), 404, NOT_FOUND)
    }
    // The same slugs name Samosir's own records there.
    const own = await get<HsdsService>(SAMOSIR, '/api/v1/services/ktp-el-baru/hsds')
    expect(own.x_cerdas_id).toBe(samosirServiceId)
    expect(own.id).not.toBe(ktp.id)
    const ownOrg = await get<HsdsOrganization>(SAMOSIR, '/api/v1/directory/offices/disdukcapil/hsds')
    expect(ownOrg.x_cerdas_id).toBe(samosirOfficeId)
  })

  it("lists none of Toba's records on Samosir's host, and none of Samosir's on Toba's", async () => {
    const tobaText = JSON.stringify([
      await all(TOBA, '/api/v1/services/hsds/services'),
      await all(TOBA, '/api/v1/services/hsds/organizations'),
      await all(TOBA, '/api/v1/services/hsds/service_at_locations'),
    ])
    const samosirServices = await all<HsdsService>(SAMOSIR, '/api/v1/services/hsds/services')
    const samosirOrgs = await all<HsdsOrganization>(SAMOSIR, '/api/v1/services/hsds/organizations')
    const samosirSals = await all<HsdsServiceAtLocation>(SAMOSIR, '/api/v1/services/hsds/service_at_locations')
    expect(samosirServices.map((s) => s.x_cerdas_id)).toEqual([samosirServiceId])
    expect(samosirOrgs.map((o) => o.x_cerdas_id)).toEqual([samosirOfficeId])
    expect(samosirSals).toHaveLength(1)
    expect(samosirSals[0]?.x_cerdas_default_location).toBe(true)
    const samosirText = JSON.stringify([samosirServices, samosirOrgs, samosirSals])
    for (const id of [samosirServiceId, samosirOfficeId, samosirServices[0]?.id, samosirOrgs[0]?.id]) {
      expect(tobaText).not.toContain(id)
    }
    const tobaServices = await all<HsdsService>(TOBA, '/api/v1/services/hsds/services')
    for (const s of tobaServices) {
      expect(samosirText).not.toContain(s.id)
      expect(samosirText).not.toContain(s.x_cerdas_id)
    }
    expect(samosirText).not.toContain('Sumatera Utara') // Toba's province, in its addresses
  })
})
