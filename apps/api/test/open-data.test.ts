import { parseCsv, tenantProfileOf, updateTenantProfile } from '@cerdas/platform'
import {
  createTenantWithEveryModule,
  createTestPlatform,
  createTestToken,
  expectProblem,
  type TestPlatform,
} from '@cerdas/testing'
import jsonld from 'jsonld'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const TOBA = 'toba.localhost'
const SAMOSIR = 'samosir.localhost'
const CATALOGUE = '/api/v1/data/catalog.jsonld'
const DCAT = 'http://www.w3.org/ns/dcat#'
const DCT = 'http://purl.org/dc/terms/'
const IANA = 'http://www.iana.org/assignments/media-types/'

type Node = Record<string, unknown>
let t: TestPlatform

beforeAll(async () => {
  t = await createTestPlatform()
  await createTenantWithEveryModule(t, 'toba', { template: 'toba' })
  await createTenantWithEveryModule(t, 'samosir', { template: 'kabupaten', name: 'Kabupaten Samosir' })
})
afterAll(() => t?.close())

/** The catalogue, expanded by a JSON-LD processor that may not load anything from the network. */
async function expandedCatalogue(host: string): Promise<Node[]> {
  const res = await t.request(host, CATALOGUE)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')?.split(';')[0]).toBe('application/ld+json')
  const doc = (await res.json()) as Node
  const documentLoader = (url: string) => Promise.reject(new Error(`no network in tests: ${url}`))
  return (await jsonld.expand(doc as jsonld.JsonLdDocument, { documentLoader } as never)) as unknown as Node[]
}

const ids = (node: Node, property: string) =>
  ((node[property] as { '@id': string }[] | undefined) ?? []).map((v) => v['@id'])
const values = (node: Node, property: string) =>
  ((node[property] as { '@value': string }[] | undefined) ?? []).map((v) => v['@value'])
const isA = (node: Node, type: string) => ((node['@type'] as string[] | undefined) ?? []).includes(type)

function datasetsOf(expanded: Node[]): Node[] {
  const catalogue = expanded.find((n) => isA(n, `${DCAT}Catalog`))
  expect(catalogue).toBeDefined()
  return (catalogue?.[`${DCAT}dataset`] as Node[]) ?? []
}

function datasetById(expanded: Node[], id: string): Node {
  const found = datasetsOf(expanded).find((d) => values(d, `${DCT}identifier`).includes(id))
  expect(found, `dataset ${id}`).toBeDefined()
  return found as Node
}

const modifiedOf = (dataset: Node) => values(dataset, `${DCT}modified`)[0] ?? ''
const pathOf = (url: string) => new URL(url).pathname + new URL(url).search

async function csvOf(host: string, id: string) {
  const res = await t.request(host, `/api/v1/data/${id}.csv`)
  expect(res.status).toBe(200)
  return parseCsv(await res.text())
}

describe('open data: the DCAT catalogue', () => {
  it('expands as JSON-LD into a dcat:Catalog of dcat:Datasets with dcat:Distributions', async () => {
    const datasets = datasetsOf(await expandedCatalogue(TOBA))
    expect(datasets.length).toBeGreaterThan(10)
    for (const dataset of datasets) {
      expect(isA(dataset, `${DCAT}Dataset`)).toBe(true)
      expect(values(dataset, `${DCT}title`).length).toBeGreaterThan(0)
      expect(ids(dataset, `${DCT}accrualPeriodicity`)[0]).toMatch(
        /^http:\/\/publications\.europa\.eu\/resource\/authority\/frequency\//,
      )
      expect(ids(dataset, `${DCT}license`)).toEqual(['https://creativecommons.org/licenses/by/4.0/'])
      expect(ids(dataset, `${DCAT}theme`).some((id) => id.includes('/data-theme/'))).toBe(true)
      expect(ids(dataset, `${DCAT}theme`).some((id) => id.includes('/data#dimensi-'))).toBe(true)
      const distributions = dataset[`${DCAT}distribution`] as Node[]
      expect(distributions.length, values(dataset, `${DCT}identifier`)[0]).toBeGreaterThan(0)
      for (const d of distributions) {
        expect(isA(d, `${DCAT}Distribution`)).toBe(true)
        expect(ids(d, `${DCAT}accessURL`)).toHaveLength(1)
        expect(ids(d, `${DCAT}mediaType`)[0]).toMatch(/^http:\/\/www\.iana\.org\/assignments\/media-types\//)
      }
    }
    const announcements = datasetById(await expandedCatalogue(TOBA), 'announcements-announcement')
    const files = (announcements[`${DCAT}distribution`] as Node[]).flatMap((d) => ids(d, `${DCAT}downloadURL`))
    expect(files.map(pathOf)).toEqual([
      '/api/v1/data/announcements-announcement.csv',
      '/api/v1/data/announcements-announcement.json',
    ])
  })

  it('every distribution URL answers 200 with the media type the catalogue claims', async () => {
    const datasets = datasetsOf(await expandedCatalogue(TOBA))
    let checked = 0
    for (const dataset of datasets) {
      for (const d of dataset[`${DCAT}distribution`] as Node[]) {
        const claimed = (ids(d, `${DCAT}mediaType`)[0] as string).slice(IANA.length)
        for (const url of new Set([...ids(d, `${DCAT}accessURL`), ...ids(d, `${DCAT}downloadURL`)])) {
          expect(new URL(url).host).toBe(TOBA)
          const res = await t.request(TOBA, pathOf(url))
          expect(res.status, url).toBe(200)
          expect(res.headers.get('content-type')?.split(';')[0]?.trim(), url).toBe(claimed)
          await res.arrayBuffer()
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThan(20)
  })

  it("a dataset's modified moves after a create and after a delete, and its CSV follows", async () => {
    const before = modifiedOf(datasetById(await expandedCatalogue(TOBA), 'tourism-event'))
    const first = await t.request(TOBA, '/api/v1/data/tourism-event.csv')
    const etag = first.headers.get('etag') as string
    expect(etag).toBeTruthy()
    expect(
      (await t.request(TOBA, '/api/v1/data/tourism-event.csv', { headers: { 'if-none-match': etag } })).status,
    ).toBe(304)
    const created = await t.send(TOBA, 'POST', '/api/v1/tourism/events', {
      name: { id: 'Pesta Danau Kaldera Terbuka', en: 'Caldera Lake Festival' },
      category: 'festival',
      description: { id: 'Festival tahunan di tepi Danau Toba.' },
      startDate: '2027-08-01',
    })
    expect(created.status, await created.clone().text()).toBe(201)
    const event = (await created.json()) as { id: string }
    const after = modifiedOf(datasetById(await expandedCatalogue(TOBA), 'tourism-event'))
    expect(after > before).toBe(true)
    const table = await csvOf(TOBA, 'tourism-event')
    const header = table[0] as string[]
    const row = table.find((r) => r[0] === event.id) as string[]
    expect(row[header.indexOf('name_id')]).toBe('Pesta Danau Kaldera Terbuka')
    expect(row[header.indexOf('name_en')]).toBe('Caldera Lake Festival')
    // The copy the client holds is stale now.
    expect(
      (await t.request(TOBA, '/api/v1/data/tourism-event.csv', { headers: { 'if-none-match': etag } })).status,
    ).toBe(200)

    expect((await t.send(TOBA, 'DELETE', `/api/v1/tourism/events/${event.id}`)).status).toBe(204)
    const deleted = modifiedOf(datasetById(await expandedCatalogue(TOBA), 'tourism-event'))
    expect(deleted > after).toBe(true)
    expect((await csvOf(TOBA, 'tourism-event')).some((r) => r[0] === event.id)).toBe(false)
  })
})

describe('open data: KPIs with indicator metadata', () => {
  it('the KPI values dataset carries Satu Data metadata of every KPI: definition, unit, method, frequency', async () => {
    const before = modifiedOf(datasetById(await expandedCatalogue(TOBA), 'governance-kpi-values'))
    const made = await t.send(TOBA, 'POST', '/api/v1/governance/kpis', {
      name: { id: 'UMKM masuk katalog daring', en: 'UMKM in the online catalogue' },
      dimension: 'economy',
      unit: 'unit',
      direction: 'higher',
      frequency: 'semester',
      definition: { id: 'Jumlah UMKM yang tercantum di katalog daring pada akhir semester.' },
      targets: [{ year: 2024, value: 300 }],
    })
    expect(made.status, await made.clone().text()).toBe(201)
    const { id } = (await made.json()) as { id: string }
    const value = await t.send(TOBA, 'POST', `/api/v1/governance/kpis/${id}/values`, { period: '2024-S2', value: 180 })
    expect(value.status, await value.clone().text()).toBe(201)
    const kpis = (await (await t.request(TOBA, '/api/v1/governance/kpis?limit=100')).json()) as {
      items: { id: string; slug?: string; unit: string }[]
    }
    expect(kpis.items.length).toBeGreaterThan(0)
    const dataset = datasetById(await expandedCatalogue(TOBA), 'governance-kpi-values')
    const indicators = dataset['urn:cerdas:open-data#indicator'] as Node[]
    expect(indicators.map((i) => values(i, `${DCT}identifier`)[0]).sort()).toEqual(
      kpis.items.map((k) => k.slug ?? k.id).sort(),
    )
    for (const indicator of indicators) {
      expect(values(indicator, 'http://www.w3.org/2004/02/skos/core#definition').length).toBeGreaterThan(0)
      expect(values(indicator, 'urn:cerdas:open-data#unit')).toHaveLength(1)
      expect(values(indicator, 'urn:cerdas:open-data#method').length).toBeGreaterThan(0)
      expect(ids(indicator, `${DCT}accrualPeriodicity`)[0]).toMatch(/\/frequency\/(ANNUAL|ANNUAL_2|QUARTERLY|MONTHLY)$/)
    }
    const mine = indicators.find((i) => values(i, `${DCT}identifier`)[0] === id) as Node
    expect(values(mine, 'urn:cerdas:open-data#method')).toEqual([
      'Jumlah UMKM yang tercantum di katalog daring pada akhir semester.',
    ])
    expect(ids(mine, `${DCT}accrualPeriodicity`)).toEqual([
      'http://publications.europa.eu/resource/authority/frequency/ANNUAL_2',
    ])
    expect(values(mine, `${DCT}temporal`)).toEqual(['2024-S2/2024-S2'])
    expect(modifiedOf(dataset) > before).toBe(true)
    const table = await csvOf(TOBA, 'governance-kpi-values')
    const header = table[0] as string[]
    expect(header).not.toContain('recorded_by')
    const row = table.find((r) => r[0] === id) as string[]
    expect([row[header.indexOf('period')], row[header.indexOf('value')], row[header.indexOf('target')]]).toEqual([
      '2024-S2',
      '180',
      '300',
    ])
  })
})

describe('open data: what the files hold', () => {
  it('JSON holds the public records as the API shows them, and nothing not yet published', async () => {
    const scheduled = await t.send(TOBA, 'POST', '/api/v1/announcements', {
      title: { id: 'Pengumuman tahun depan yang belum terbit' },
      body: { id: 'Belum boleh dibaca.' },
      category: 'general',
      publishAt: '2099-01-01T00:00:00Z',
    })
    expect(scheduled.status).toBe(201)
    const { id } = (await scheduled.json()) as { id: string }
    const res = await t.request(TOBA, '/api/v1/data/announcements-announcement.json')
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const file = (await res.json()) as { dataset: string; licence: string; items: { id: string }[] }
    expect(file.dataset).toBe('announcements-announcement')
    expect(file.licence).toBe('https://creativecommons.org/licenses/by/4.0/')
    const api = (await (await t.request(TOBA, '/api/v1/announcements?limit=100')).json()) as { items: { id: string }[] }
    expect(file.items.map((a) => a.id).sort()).toEqual(api.items.map((a) => a.id).sort())
    expect(file.items.map((a) => a.id)).not.toContain(id)
    expect((await csvOf(TOBA, 'announcements-announcement')).map((r) => r[0])).not.toContain(id)
  })

  it('CSV has a stable header: id, slug, public fields with both languages, the envelope; private fields never', async () => {
    const header = (await csvOf(TOBA, 'economy-business'))[0] as string[]
    expect(header[0]).toBe('id')
    expect(header).not.toContain('nib')
    expect(header.slice(-4)).toEqual(['verified', 'verified_at', 'created_at', 'updated_at'])
    expect((await csvOf(TOBA, 'economy-business'))[0]).toEqual(header)
  })

  it("citizen reports come with their status but never the reporter's contact or exact point, and move modified", async () => {
    const before = modifiedOf(datasetById(await expandedCatalogue(TOBA), 'reports-requests'))
    const res = await t.send(TOBA, 'POST', '/api/v1/reports', {
      category: 'sampah-tidak-diangkut',
      description: 'Sampah menumpuk di depan pasar terbuka',
      kecamatan: 'Balige',
      desa: 'Pardede Onan',
      name: 'Penanda Rahasia',
      email: 'pelapor-rahasia@example.test',
      phone: '0812 9999 0000',
      landmark: 'rumah bercat hijau rahasia',
      point: { lat: 2.3341234, lon: 99.0612345 },
    })
    expect(res.status, await res.clone().text()).toBe(201)
    const { report } = (await res.json()) as { report: { number: string } }
    const after = modifiedOf(datasetById(await expandedCatalogue(TOBA), 'reports-requests'))
    expect(after > before).toBe(true)
    for (const format of ['csv', 'json']) {
      const text = await (await t.request(TOBA, `/api/v1/data/reports-requests.${format}`)).text()
      expect(text).toContain(report.number)
      expect(text).toContain('Sampah menumpuk di depan pasar terbuka')
      for (const secret of [
        'Penanda Rahasia',
        'pelapor-rahasia',
        '0812 9999',
        'hijau rahasia',
        '2.3341234',
        '99.0612345',
      ])
        expect(text, `${format} holds ${secret}`).not.toContain(secret)
    }
  })

  it('pages through every record of a dataset bigger than one read', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await t.send(TOBA, 'POST', '/api/v1/announcements/bulk', {
        mode: 'create',
        items: Array.from({ length: 90 }, (_, j) => ({
          title: { id: `Pengumuman massal ${i}-${j}` },
          body: { id: 'Isi.' },
          category: 'general',
        })),
      })
      expect(res.status, await res.clone().text()).toBeLessThan(300)
    }
    const rows = (await csvOf(TOBA, 'announcements-announcement')).slice(1)
    expect(rows.filter((r) => r.some((c) => c.startsWith('Pengumuman massal')))).toHaveLength(270)
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length)
  })
})

describe('open data: bad input and isolation', () => {
  it('an unknown dataset or format is a 404 problem', async () => {
    await expectProblem(await t.request(TOBA, '/api/v1/data/no-such-dataset.csv'), 404)
    await expectProblem(await t.request(TOBA, '/api/v1/data/announcements-announcement.xml'), 404)
    await expectProblem(await t.request(TOBA, '/api/v1/data/announcements-announcement'), 404)
    await expectProblem(await t.request(TOBA, '/api/v1/data/catalog.json'), 404)
  })

  it('a file name past its limit is a 422 problem; any name is looked up, never a 500', async () => {
    await expectProblem(await t.request(TOBA, `/api/v1/data/${'a'.repeat(121)}.csv`), 422)
    for (const name of ['.csv', 'a..csv', '%2e%2e%2fcatalog.jsonld', 'TOURISM-EVENT.CSV', 'tourism-event.csv.csv'])
      await expectProblem(await t.request(TOBA, `/api/v1/data/${name}`), 404)
  })

  it("another tenant's token, or an unknown one, is refused with 401 on the catalogue and the files", async () => {
    const samosir = await createTestToken(t, 'samosir', [{ role: 'admin', dimension: null }])
    for (const path of [CATALOGUE, '/api/v1/data/tourism-event.csv', '/api/v1/data/tourism-event.json']) {
      await expectProblem(await t.request(TOBA, path, { token: samosir.secret }), 401)
      await expectProblem(await t.request(TOBA, path, { token: 'cerdas_not-a-token-of-anyone-0123456789' }), 401)
      expect((await t.request(SAMOSIR, path, { token: samosir.secret })).status).toBe(200)
    }
  })

  it("a tenant's catalogue and files hold none of another tenant's records", async () => {
    const toba = await csvOf(TOBA, 'tourism-attraction')
    const samosir = await csvOf(SAMOSIR, 'tourism-attraction')
    const tobaIds = new Set(toba.slice(1).map((r) => r[0]))
    expect(tobaIds.size).toBeGreaterThan(0)
    expect(samosir.slice(1).some((r) => tobaIds.has(r[0]))).toBe(false)
    const catalogue = await (await t.request(SAMOSIR, CATALOGUE)).text()
    expect(catalogue).not.toContain(TOBA)
    expect(catalogue).toContain(SAMOSIR)
  })

  it("the licence is the tenant admin's setting: a bad address is refused, a good one is printed everywhere", async () => {
    const tenant = await t.platform.tenantByHost(SAMOSIR)
    if (!tenant) throw new Error('samosir is not served')
    const admin = { kind: 'user' as const, id: 'usr_admin', grants: [{ role: 'admin' as const, dimension: null }] }
    const ctx = t.platform.context(tenant, (await t.platform.acquireTenantDb(tenant.record)).db, { actor: admin })
    const profile = tenantProfileOf(tenant.record)
    await expect(
      updateTenantProfile(t.platform, ctx, { ...profile, dataLicence: 'http://169.254.169.254/licence' }),
    ).rejects.toMatchObject({ problem: { status: 422 } })
    const odbl = 'https://opendatacommons.org/licenses/odbl/1-0/'
    await updateTenantProfile(t.platform, ctx, { ...profile, dataLicence: odbl })
    const datasets = datasetsOf(await expandedCatalogue(SAMOSIR))
    expect(new Set(datasets.flatMap((d) => ids(d, `${DCT}license`)))).toEqual(new Set([odbl]))
    const file = (await (await t.request(SAMOSIR, '/api/v1/data/tourism-attraction.json')).json()) as {
      licence: string
    }
    expect(file.licence).toBe(odbl)
    // The other tenant keeps the default.
    expect(ids(datasetsOf(await expandedCatalogue(TOBA))[0] as Node, `${DCT}license`)).toEqual([
      'https://creativecommons.org/licenses/by/4.0/',
    ])
  })
})
