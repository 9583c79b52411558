import { setModuleEnabled, updateModuleSettings } from '@cerdas/platform'
import { createTestPlatform, createTestToken, jsonOf, type TestPlatform, tenantDbOf } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OPEN311_BASE } from '../src/open311/routes'

const HOST = 'uji.localhost'
const OTHER = 'lain.localhost'
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
// Markers of personal data: none may appear in any public answer.
const NAME = 'Rumondang Sinaga Penanda'
const PHONE = '+62 812 7777 4242'
const EMAIL = 'penanda.pribadi@example.com'
const LANDMARK = 'Depan rumah bercat hijau penanda'
const HOME = { lat: 2.333_444_5, lon: 99.066_777_1 }

let t: TestPlatform
let apiKey: string
let code: string
// The smallest PNG: one pixel, enough for the photo service to decode.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
const get = (path: string, host = HOST) => t.request(host, `${OPEN311_BASE}${path}`)
const post = (fields: Record<string, string>, format = 'json', host = HOST) =>
  t.request(host, `${OPEN311_BASE}/requests.${format}`, { method: 'POST', headers: FORM, body: form(fields) })

let device = 0
/** A report as an anonymous Open311 client sends it, each from its own device. */
async function create(fields: Record<string, string> = {}): Promise<string> {
  const res = await post({
    service_code: code,
    description: 'Sampah menumpuk tiga hari di tepi jalan',
    lat: '2.3345',
    long: '99.0611',
    device_id: `perangkat-${++device}`,
    ...fields,
  })
  const [created] = await jsonOf<{ service_request_id: string }[]>(res, 201)
  return (created as { service_request_id: string }).service_request_id
}

async function setSettings(host: string, values: Record<string, unknown>) {
  const tenant = await t.platform.tenantBySlug(host.split('.')[0] as string)
  if (!tenant) throw new Error('no tenant')
  const db = await t.platform.tenantDb(tenant.record)
  const ctx = t.platform.context(tenant, db, { actor: { kind: 'system', id: 'test' } })
  await updateModuleSettings(t.platform, ctx, 'reports', values)
}

beforeAll(async () => {
  t = await createTestPlatform()
  for (const slug of ['uji', 'lain']) {
    await t.createTenant(slug)
    await setModuleEnabled(t.platform, slug, 'reports', true)
  }
  // The template's own categories are switched off, so the services list is this file's alone.
  await (await tenantDbOf(t, 'uji')).$client.execute('UPDATE reports_categories SET active = 0')
  const cat = await jsonOf<{ slug: string }>(
    await t.send(HOST, 'POST', '/api/v1/reports/categories', {
      name: { id: 'Sampah tidak diangkut', en: 'Uncollected waste' },
      description: { id: 'Sampah rumah tangga tidak diangkut sesuai jadwal' },
      group: 'Persampahan',
      keywords: ['sampah', 'angkut'],
    }),
    201,
  )
  code = cat.slug
  await t.send(HOST, 'POST', '/api/v1/reports/categories', { name: { id: 'Kategori lama' }, active: false })
  apiKey = (await createTestToken(t, 'uji', [{ role: 'admin', dimension: null }], { name: 'aplikasi warga' })).secret
}, 120_000)
afterAll(() => t?.close())

describe('Open311 discovery and services', () => {
  it('describes the endpoint in JSON and XML', async () => {
    const json = await jsonOf<{ endpoints: { url: string; formats: string[]; specification: string }[] }>(
      await get('/discovery.json'),
    )
    expect(json.endpoints[0]?.url).toBe(`http://${HOST}${OPEN311_BASE}`)
    expect(json.endpoints[0]?.formats).toEqual(['text/xml', 'application/json'])
    const xml = await get('/discovery.xml')
    expect(xml.headers.get('content-type')).toMatch(/^text\/xml/)
    const text = await xml.text()
    expect(text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<discovery>/)
    expect(text).toContain('<format>application/json</format>')
    expect(text).toContain('<specification>http://wiki.open311.org/GeoReport_v2</specification>')
  })

  it('lists the active categories as services, the inactive one left out', async () => {
    const services = await jsonOf<{ service_code: string; group: string; metadata: boolean; type: string }[]>(
      await get('/services.json'),
    )
    expect(services.map((s) => s.service_code)).toEqual([code])
    expect(services[0]).toMatchObject({
      group: 'Persampahan',
      metadata: true,
      type: 'realtime',
      keywords: 'sampah, angkut',
    })
    const xml = await (await get('/services.xml')).text()
    expect(xml).toContain(`<services>\n  <service>\n    <service_code>${code}</service_code>`)
    expect(xml).toContain('<service_name>Sampah tidak diangkut</service_name>')
  })

  it('gives a service definition with the location attributes, and a GeoReport error for an unknown code', async () => {
    const def = await jsonOf<{ service_code: string; attributes: { code: string; order: number }[] }>(
      await get(`/services/${code}.json`),
    )
    expect(def.attributes.map((a) => a.code)).toEqual(['kecamatan', 'desa', 'landmark', 'at_home'])
    const xml = await (await get(`/services/${code}.xml`)).text()
    expect(xml).toContain('<attributes>\n    <attribute>')
    expect(xml).toContain('<values>')
    const missing = await get('/services/tidak-ada.json')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual([{ code: 404, description: expect.stringContaining('tidak-ada') }])
    const missingXml = await get('/services/tidak-ada.xml')
    expect(missingXml.status).toBe(404)
    expect(await missingXml.text()).toContain('<errors>\n  <error>\n    <code>404</code>')
    expect((await get('/services.csv')).status).toBe(404)
  })
})

describe('Open311 POST requests', () => {
  it('takes an anonymous report that appears in the admin queue with its deadline', async () => {
    const res = await post({
      service_code: code,
      description: 'Sampah di depan pasar belum diangkut sejak Senin',
      'attribute[kecamatan]': 'Balige',
      'attribute[desa]': 'Pardede Onan',
      'attribute[landmark]': 'Depan pasar, dekat tugu',
      device_id: 'perangkat-antrian',
    })
    const [created] = await jsonOf<{ service_request_id: string; tracking_code: string }[]>(res, 201)
    expect(created?.service_request_id).toMatch(/^LPR-\d{4}-\d{6}$/)
    expect(created?.tracking_code).toMatch(/\S{12,}/)
    const queue = await jsonOf<{
      items: { number: string; status: string; dueKind: string; dueAt: string; source: string }[]
    }>(await t.send(HOST, 'GET', '/api/v1/reports/queue?status=open'))
    const item = queue.items.find((i) => i.number === created?.service_request_id)
    expect(item).toMatchObject({ status: 'received', dueKind: 'verify', source: 'open311' })
    expect(Date.parse(item?.dueAt ?? '')).toBeGreaterThan(Date.now())
  })

  it('answers a created request in XML too', async () => {
    const res = await post(
      {
        service_code: code,
        description: 'Tumpukan sampah di tepi danau',
        lat: '2.33',
        long: '99.06',
        device_id: 'xml-1',
      },
      'xml',
    )
    expect(res.status).toBe(201)
    const xml = await res.text()
    expect(xml).toMatch(
      /<service_requests>\n {2}<request>\n {4}<service_request_id>LPR-\d{4}-\d{6}<\/service_request_id>/,
    )
  })

  it('takes the api_key of a token that may create reports, as a form field or in the query', async () => {
    const res = await post({
      api_key: apiKey,
      service_code: code,
      description: 'Saluran tersumbat sampah plastik',
      lat: '2.3',
      long: '99.1',
    })
    expect(res.status).toBe(201)
    const query = await t.request(HOST, `${OPEN311_BASE}/requests.json?api_key=${apiKey}`, {
      method: 'POST',
      headers: FORM,
      body: form({
        service_code: code,
        description: 'Saluran tersumbat sampah plastik lagi',
        lat: '2.3',
        long: '99.1',
      }),
    })
    expect(query.status).toBe(201)
    const wrong = await post({
      api_key: 'cerdas_salah',
      service_code: code,
      description: 'Kunci yang salah sekali',
      lat: '2.3',
      long: '99.1',
    })
    expect(wrong.status).toBe(401)
  })

  it('refuses anonymous reports when the regency requires a key, and takes them with one', async () => {
    await setSettings(OTHER, { allowAnonymousOpen311: false })
    try {
      const res = await t.request(OTHER, `${OPEN311_BASE}/requests.json`, {
        method: 'POST',
        headers: FORM,
        body: form({ service_code: code, description: 'Sampah di jalan desa', lat: '2.3', long: '99.1' }),
      })
      expect(res.status).toBe(403)
      expect(await res.json()).toEqual([{ code: 403, description: expect.stringContaining('api_key') }])
    } finally {
      await setSettings(OTHER, { allowAnonymousOpen311: true })
    }
  })

  it('answers bad requests with GeoReport errors and stores nothing', async () => {
    const before = (await jsonOf<unknown[]>(await get('/requests.json'))).length
    const cases: [Record<string, string>, RegExp][] = [
      [{ description: 'Tanpa kode layanan sama sekali', lat: '2.3', long: '99.1' }, /service_code/],
      [
        { service_code: 'tidak-ada', description: 'Kode layanan tidak dikenal', lat: '2.3', long: '99.1' },
        /category|jenis/i,
      ],
      [{ service_code: code, description: 'Hanya lintang tanpa bujur', lat: '2.3' }, /lat and long/],
      [{ service_code: code, description: 'Lintang bukan angka', lat: 'utara', long: '99.1' }, /lat/],
      [{ service_code: code, description: 'Di luar Indonesia', lat: '48.85', long: '2.35' }, /point/],
      [{ service_code: code, description: 'Tanpa lokasi apa pun' }, /point/],
      [
        {
          service_code: code,
          description: 'Foto dari tautan',
          lat: '2.3',
          long: '99.1',
          media_url: 'http://169.254.169.254/x.jpg',
        },
        /media_url/,
      ],
      [
        { service_code: code, description: 'Rumah?', lat: '2.3', long: '99.1', 'attribute[at_home]': 'mungkin' },
        /at_home/,
      ],
    ]
    for (const [fields, message] of cases) {
      const res = await post({ device_id: `salah-${message.source}`, ...fields })
      expect(res.status, JSON.stringify(fields)).toBe(400)
      const [error] = (await res.json()) as { code: number; description: string }[]
      expect(error?.code).toBe(400)
      expect(error?.description).toMatch(message)
    }
    expect((await jsonOf<unknown[]>(await get('/requests.json'))).length).toBe(before)
  })

  it('limits anonymous reports per device, with Retry-After', async () => {
    const statuses: number[] = []
    let last: Response | null = null
    for (let i = 0; i < 7; i++) {
      last = await post({
        service_code: code,
        description: `Laporan berulang nomor ${i}`,
        lat: '2.3',
        long: '99.1',
        device_id: 'satu-perangkat',
      })
      statuses.push(last.status)
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(5)
    expect(statuses.at(-1)).toBe(429)
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('counts a report before decoding its photos: a refused one stores none', async () => {
    const db = await tenantDbOf(t, 'uji')
    const photos = async () => Number((await db.$client.execute('SELECT count(*) AS n FROM cerdas_photos')).rows[0]?.n)
    const send = () => {
      const body = new FormData()
      for (const [k, v] of Object.entries({
        service_code: code,
        description: 'Sampah menumpuk, dengan foto',
        lat: '2.3',
        long: '99.1',
        device_id: 'perangkat-foto',
      }))
        body.set(k, v)
      body.set('media', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'foto.png')
      return t.request(HOST, `${OPEN311_BASE}/requests.json`, { method: 'POST', body })
    }
    for (let i = 0; i < 5; i++) expect((await send()).status).toBe(201)
    const stored = await photos()
    expect((await send()).status).toBe(429)
    expect(await photos()).toBe(stored)
  })
})

describe('Open311 GET requests', () => {
  it('filters by id, service code, status and dates, and checks its parameters', async () => {
    const a = await create()
    const b = await create()
    const both = await jsonOf<{ service_request_id: string }[]>(
      await get(`/requests.json?service_request_id=${a},${b}`),
    )
    expect(both.map((r) => r.service_request_id).sort()).toEqual([a, b].sort())
    expect((await jsonOf<unknown[]>(await get(`/requests.json?service_code=${code}`))).length).toBeGreaterThanOrEqual(2)
    expect(await jsonOf<unknown[]>(await get('/requests.json?service_code=lain-lain'))).toEqual([])
    const open = await jsonOf<{ status: string }[]>(await get('/requests.json?status=open'))
    expect(open.length).toBeGreaterThan(0)
    expect(open.every((r) => r.status === 'open')).toBe(true)
    expect(await jsonOf<unknown[]>(await get('/requests.json?status=closed'))).toEqual([])
    expect(await jsonOf<unknown[]>(await get('/requests.json?end_date=2020-01-01'))).toEqual([])
    const today = new Date().toISOString().slice(0, 10)
    expect((await jsonOf<unknown[]>(await get(`/requests.json?start_date=${today}T00:00:00Z`))).length).toBeGreaterThan(
      0,
    )
    for (const bad of [
      'status=pending',
      'start_date=kemarin',
      'end_date=2026-02-30',
      'start_date=2026-05-01&end_date=2026-04-01',
    ])
      expect((await get(`/requests.json?${bad}`)).status, bad).toBe(400)
  })

  it('gives one request by id in JSON and XML, and 404 for an unknown or another regency’s id', async () => {
    const id = await create()
    const [one] = await jsonOf<{ service_request_id: string; service_code: string; requested_datetime: string }[]>(
      await get(`/requests/${id}.json`),
    )
    expect(one).toMatchObject({ service_request_id: id, service_code: code, status: 'open' })
    expect(one?.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/)
    const xml = await (await get(`/requests/${id}.xml`)).text()
    expect(xml).toContain(`<service_request_id>${id}</service_request_id>`)
    expect(xml).toContain('<status>open</status>')
    expect((await get('/requests/LPR-2000-000001.json')).status).toBe(404)
    expect((await get(`/requests/${id}.json`, OTHER)).status).toBe(404)
  })

  it('maps the detailed statuses to open and closed, the detail in the extensions', async () => {
    const id = await create()
    const staff = await jsonOf<{ items: { id: string; number: string }[] }>(
      await t.send(HOST, 'GET', '/api/v1/reports/queue'),
    )
    const internal = staff.items.find((i) => i.number === id)?.id as string
    const expected: [string, 'open' | 'closed', Record<string, unknown>?][] = [
      ['verified', 'open'],
      ['forwarded', 'open'],
      ['in_progress', 'open'],
      ['resolved', 'closed', { reply: 'Sampah sudah diangkut truk DLH' }],
    ]
    for (const [status, open311, extra] of expected) {
      const res = await t.send(HOST, 'POST', `/api/v1/reports/staff/${internal}/status`, { status, ...extra })
      expect(res.status, await res.clone().text()).toBe(200)
      const [r] = await jsonOf<
        { status: string; status_notes: string | null; extended_attributes: { detailed_status: string } }[]
      >(await get(`/requests/${id}.json?extensions=true`))
      expect(r?.status).toBe(open311)
      expect(r?.extended_attributes.detailed_status).toBe(status)
      if (status === 'resolved') expect(r?.status_notes).toBe('Sampah sudah diangkut truk DLH')
    }
    const [plain] = await jsonOf<Record<string, unknown>[]>(await get(`/requests/${id}.json`))
    expect(plain).not.toHaveProperty('extended_attributes')
    const rejected = await create()
    const rejectedId = (
      await jsonOf<{ items: { id: string; number: string }[] }>(await t.send(HOST, 'GET', '/api/v1/reports/queue'))
    ).items.find((i) => i.number === rejected)?.id
    await jsonOf(
      await t.send(HOST, 'POST', `/api/v1/reports/staff/${rejectedId}/status`, {
        status: 'rejected',
        reason: 'Di luar wilayah kabupaten',
      }),
    )
    const [r] = await jsonOf<{ status: string; status_notes: string }[]>(await get(`/requests/${rejected}.json`))
    expect(r).toMatchObject({ status: 'closed', status_notes: 'Di luar wilayah kabupaten' })
  })

  it('answers a token with its request id', async () => {
    const id = await create()
    const staff = await jsonOf<{ items: { id: string; number: string }[] }>(
      await t.send(HOST, 'GET', '/api/v1/reports/queue'),
    )
    const token = staff.items.find((i) => i.number === id)?.id as string
    expect(await jsonOf(await get(`/tokens/${token}.json`))).toEqual([{ service_request_id: id, token }])
    expect(await (await get(`/tokens/${token}.xml`)).text()).toContain(`<token>${token}</token>`)
    expect((await get('/tokens/rep_tidakada.json')).status).toBe(404)
    expect((await get(`/tokens/${token}.json`, OTHER)).status).toBe(404)
  })
})

describe('Open311 and personal data', () => {
  it('never answers contact details, landmarks or the exact point of a home', async () => {
    const home = await create({
      lat: String(HOME.lat),
      long: String(HOME.lon),
      first_name: NAME.split(' ')[0] as string,
      last_name: NAME.split(' ').slice(1).join(' '),
      email: EMAIL,
      phone: PHONE,
      'attribute[landmark]': LANDMARK,
      'attribute[at_home]': 'true',
      'attribute[kecamatan]': 'Laguboti',
      'attribute[desa]': 'Pasar Laguboti',
    })
    const street = await create({ lat: '2.3456789', long: '99.1234567', email: EMAIL, phone: PHONE })
    for (const path of [
      `/requests.json?extensions=true`,
      `/requests.xml?extensions=true`,
      `/requests/${home}.json?extensions=true`,
      `/requests/${home}.xml`,
      `/requests/${street}.json`,
    ]) {
      const text = await (await get(path)).text()
      for (const marker of [
        NAME,
        'Penanda',
        PHONE,
        '7777',
        EMAIL,
        LANDMARK,
        String(HOME.lat),
        '2.3334',
        '2.3456789',
        '99.1234567',
      ])
        expect(text, `${path} ${marker}`).not.toContain(marker)
    }
    const [h] = await jsonOf<{ lat: number | null; long: number | null; address: string }[]>(
      await get(`/requests/${home}.json`),
    )
    expect(h).toMatchObject({ lat: null, long: null, address: 'Pasar Laguboti, Kecamatan Laguboti' })
    const [s] = await jsonOf<{ lat: number; long: number }[]>(await get(`/requests/${street}.json`))
    expect(s).toMatchObject({ lat: 2.346, long: 99.123 })
  })
})
