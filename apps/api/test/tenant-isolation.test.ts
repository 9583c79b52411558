import { createApiApp } from '@cerdas/api'
import { problemType } from '@cerdas/core'
import { exportTenant } from '@cerdas/platform'
import {
  createTenantWithEveryModule,
  createTestPlatform,
  expectProblem,
  TEST_OPERATOR_TOKEN,
  type TestPlatform,
} from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiFixtures } from './support/fixtures'
import {
  type DocumentedOperation,
  fetchOpenApi,
  fillPath,
  generallyTested,
  operationsOf,
  sampleValue,
} from './support/openapi'

const TOBA = 'toba.localhost'
const SAMOSIR = 'samosir.localhost'
/** A word only toba's data contains, so a search on samosir must find nothing. */
const TOBA_WORD = 'sigalegale'
const UNKNOWN_TENANT = problemType('unknownTenant')
const PROBLEM_KEYS = new Set(['type', 'title', 'status', 'detail', 'instance', 'requestId', 'errors'])

let t: TestPlatform
let tobaIds: string[]
/** Toba's announcements only (the list the tests below compare). */
let tobaAnnouncementIds: string[]
let samosirId: string
let operations: DocumentedOperation[]
let samosirApi: ApiFixtures

async function createAnnouncement(host: string, title: string, publishAt?: string): Promise<string> {
  const res = await t.request(host, '/api/v1/announcements', {
    method: 'POST',
    token: TEST_OPERATOR_TOKEN,
    body: JSON.stringify({ title: { id: title }, body: { id: `${title} (isi)` }, category: 'event', publishAt }),
  })
  expect(res.status, await res.clone().text()).toBe(201)
  return ((await res.json()) as { id: string }).id
}

async function ids(host: string): Promise<string[]> {
  const res = await t.request(host, '/api/v1/announcements?limit=100')
  expect(res.status).toBe(200)
  return ((await res.json()) as { items: { id: string }[] }).items.map((a) => a.id)
}

/** Everything stored for toba: every exported table (audit log included) and its search index. */
async function tobaSnapshot() {
  const dump = await exportTenant(t.platform, 'toba')
  const tenant = await t.platform.tenantBySlug('toba')
  if (!tenant) throw new Error('toba missing')
  const db = await t.platform.tenantDb(tenant.record)
  const search = await db.$client.execute('SELECT * FROM cerdas_search_documents ORDER BY id')
  return { tenant: dump.tenant, tables: dump.tables, search: search.rows.map((r) => ({ ...r })) }
}

beforeAll(async () => {
  t = await createTestPlatform()
  // Every registered module on, whether or not the templates enable it: the probes cover all routes.
  await createTenantWithEveryModule(t, 'toba', { template: 'toba' })
  await createTenantWithEveryModule(t, 'samosir', { template: 'kabupaten', name: 'Kabupaten Samosir' })
  const published = await createAnnouncement(TOBA, `Festival ${TOBA_WORD} di Balige`)
  const scheduled = await createAnnouncement(TOBA, `Jadwal ${TOBA_WORD} tahun depan`, '2099-01-01T00:00:00Z')
  samosirId = await createAnnouncement(SAMOSIR, 'Pesta budaya di Pangururan')
  const seeded = await ids(TOBA)
  tobaAnnouncementIds = [...new Set([published, scheduled, ...seeded])]
  const doc = await fetchOpenApi(t, SAMOSIR)
  operations = generallyTested(operationsOf(doc))
  // One record of toba in every collection a route addresses by id (users, tokens, schedules, ...).
  const tobaApi = new ApiFixtures(t, 'toba', doc)
  const collections = [...new Set(operations.flatMap((op) => (op.collection ? [op.collection] : [])))]
  const others = await Promise.all(collections.map((c) => tobaApi.createRecord(c)))
  tobaIds = [...new Set([...tobaAnnouncementIds, ...others])]
  samosirApi = new ApiFixtures(t, 'samosir', doc)
})
afterAll(() => t?.close())

describe('tenant isolation: each tenant sees only its own data', () => {
  it('starts from two tenants with their own announcements', async () => {
    expect(tobaAnnouncementIds.length).toBeGreaterThanOrEqual(4) // three from the toba template, two made here
    expect(tobaIds.length).toBeGreaterThan(tobaAnnouncementIds.length) // and a record of every other collection
    const toba = await ids(TOBA)
    const samosir = await ids(SAMOSIR)
    expect(samosir).toEqual([samosirId])
    expect(toba).not.toContain(samosirId)
    expect(toba.length).toBeGreaterThanOrEqual(3)
  })

  it('documents routes under /api/v1 to probe, among them routes with an {id}', () => {
    expect(operations.length).toBeGreaterThan(0)
    expect(operations.some((op) => op.path.includes('{id}') && op.isWrite)).toBe(true)
    expect(operations.some((op) => op.path.includes('{id}') && !op.isWrite)).toBe(true)
  })

  it("serves toba's own id on toba's host (so the probes below can tell a leak)", async () => {
    const published = tobaAnnouncementIds[0] as string
    const res = await t.request(TOBA, `/api/v1/announcements/${published}`)
    expect(res.status).toBe(200)
    const search = await t.request(TOBA, `/api/v1/search?q=${TOBA_WORD}`)
    expect(await search.text()).toContain(published)
  })

  it("every documented route on samosir's host, with toba's ids, with and without a token, returns and changes nothing of toba", async () => {
    const before = await tobaSnapshot()
    const doc = await fetchOpenApi(t, SAMOSIR)
    let probes = 0
    for (const op of operations) {
      const query = new URLSearchParams()
      for (const param of op.operation.parameters ?? []) {
        if (param.in !== 'query' || !param.required) continue
        query.set(param.name, param.name === 'q' ? TOBA_WORD : String(sampleValue(doc, param.schema)))
      }
      // Real bodies (fixtures where generation cannot work), so the probes get past validation.
      const body = await samosirApi.bodyOf(op)
      const targets = op.path.includes('{') ? tobaIds : [undefined]
      for (const id of targets) {
        const path = id ? fillPath(op.path, { id }) : op.path
        const url = query.size > 0 ? `${path}?${query}` : path
        for (const token of [null, TEST_OPERATOR_TOKEN]) {
          const label = `${op.method.toUpperCase()} ${url} ${token ? 'with' : 'without'} token`
          const res = await t.request(SAMOSIR, url, { method: op.method.toUpperCase(), token, body })
          const text = await res.text()
          probes++
          expect(res.status, label).toBeLessThan(500)
          const type = res.headers.get('content-type') ?? ''
          if (type.startsWith('application/problem+json')) {
            // A problem may echo the request (instance, detail) but carries no data.
            expect(
              Object.keys(JSON.parse(text)).every((k) => PROBLEM_KEYS.has(k)),
              label,
            ).toBe(true)
          } else {
            for (const tobaId of tobaIds) expect(text, `${label} leaks ${tobaId}`).not.toContain(tobaId)
            expect(text.toLowerCase(), `${label} leaks toba's text`).not.toContain(TOBA_WORD)
          }
          if (id) {
            // A foreign id is unknown here: 404 (or 401 first for an anonymous caller of a guarded route).
            expect([404, ...(op.permission && !token ? [401] : [])], label).toContain(res.status)
          } else if (op.method === 'get' && res.status === 200 && /^application\/([a-z.+-]*\+)?json/.test(type)) {
            const json = JSON.parse(text) as { items?: unknown[]; slug?: string }
            // The search asks for a word only toba uses.
            if (op.path.endsWith('/search')) expect(json.items, label).toEqual([])
            if (json.slug) expect(json.slug, label).toBe('samosir')
          }
        }
      }
    }
    expect(probes).toBeGreaterThanOrEqual(operations.length * 2)
    expect(await tobaSnapshot()).toEqual(before)
    // Samosir still has its own announcement, plus whatever the probes created there.
    expect(await ids(SAMOSIR)).toContain(samosirId)
    // Four probes for each of some 300 routes: the time grows with the modules, not with a leak.
  }, 120_000)

  it("every bulk route on samosir's host, upserting toba's ids, refuses each item and changes nothing of toba", async () => {
    const before = await tobaSnapshot()
    const bulk = operations.filter((op) => samosirApi.batchedRoute(op))
    expect(bulk.length).toBeGreaterThan(0)
    for (const op of bulk) {
      const single = samosirApi.batchedRoute(op) as DocumentedOperation
      const item = JSON.parse(((await samosirApi.bodyOf(single)) as string | undefined) ?? '{}') as Record<
        string,
        unknown
      >
      // Every toba id at once: each item names one, and each must be unknown here.
      const body = JSON.stringify({ mode: 'upsert', items: tobaIds.map((id) => ({ ...item, id })) })
      for (const token of [null, TEST_OPERATOR_TOKEN]) {
        const label = `POST ${op.path} ${token ? 'with' : 'without'} token`
        const res = await t.request(SAMOSIR, op.path, { method: 'POST', token, body })
        const problem = await expectProblem(res, token ? 422 : 401)
        expect(
          Object.keys(problem).every((k) => PROBLEM_KEYS.has(k)),
          label,
        ).toBe(true)
        if (token)
          expect(
            (problem.errors as { pointer: string }[]).map((e) => e.pointer),
            label,
          ).toEqual(expect.arrayContaining(tobaIds.map((_, i) => `/items/${i}/id`)))
      }
    }
    expect(await tobaSnapshot()).toEqual(before)
  })

  it("toba's host does not serve samosir's announcement either", async () => {
    await expectProblem(await t.request(TOBA, `/api/v1/announcements/${samosirId}`), 404)
    await expectProblem(
      await t.request(TOBA, `/api/v1/announcements/${samosirId}`, {
        method: 'DELETE',
        token: TEST_OPERATOR_TOKEN,
      }),
      404,
    )
    expect(await ids(SAMOSIR)).toContain(samosirId)
  })
})

describe('tenant resolution: the exact host picks the tenant', () => {
  const slugAt = async (host: string, headers: Record<string, string> = {}, app = t.app) => {
    const res = await app.request(`http://${host}/api/v1/tenant`, { headers: { host, ...headers } })
    return res.status === 200 ? ((await res.json()) as { slug: string }).slug : res
  }

  it.each([
    ['an unknown host', 'nowhere.localhost'],
    ['the bare platform host', 'localhost'],
    ['a suffix-extended host', 'toba.localhost.evil.com'],
    ['a prefix-extended host', 'xtoba.localhost'],
    ['the slug alone', 'toba'],
    ['a parent domain', 'localhost.toba'],
  ])('answers %s with 404 unknown-tenant', async (_name, host) => {
    for (const path of ['/api/v1/tenant', '/api/v1/announcements', `/api/v1/announcements/${tobaIds[0]}`]) {
      const res = await t.request(host, path)
      const problem = await expectProblem(res, 404, UNKNOWN_TENANT)
      expect(Object.keys(problem).every((k) => PROBLEM_KEYS.has(k))).toBe(true)
    }
  })

  it.each([
    ['with a port', 'toba.localhost:3000'],
    ['in upper case', 'TOBA.LOCALHOST'],
    ['in mixed case with a port', 'Toba.LocalHost:8080'],
    ['with a trailing dot', 'toba.localhost.'],
  ])('matches the host %s', async (_name, host) => {
    expect(await slugAt(host)).toBe('toba')
  })

  it('ignores X-Forwarded-Host when the proxy is not trusted', async () => {
    expect(await slugAt(SAMOSIR, { 'x-forwarded-host': TOBA })).toBe('samosir')
    const unknown = await slugAt('nowhere.localhost', { 'x-forwarded-host': TOBA })
    expect(typeof unknown).not.toBe('string')
    await expectProblem(unknown as Response, 404, UNKNOWN_TENANT)
    const res = await t.request(SAMOSIR, `/api/v1/announcements/${tobaIds[0]}`, {
      headers: { 'x-forwarded-host': TOBA },
    })
    await expectProblem(res, 404)
  })

  it('honours X-Forwarded-Host (first value) when the app trusts its proxy', async () => {
    const trusting = createApiApp({ platform: t.platform, trustProxy: true })
    expect(await slugAt(SAMOSIR, { 'x-forwarded-host': TOBA }, trusting)).toBe('toba')
    expect(await slugAt('nowhere.localhost', { 'x-forwarded-host': TOBA }, trusting)).toBe('toba')
    expect(await slugAt('nowhere.localhost', { 'x-forwarded-host': `${SAMOSIR}, ${TOBA}` }, trusting)).toBe('samosir')
    expect(await slugAt(SAMOSIR, {}, trusting)).toBe('samosir')
    const evil = await slugAt(SAMOSIR, { 'x-forwarded-host': 'toba.localhost.evil.com' }, trusting)
    await expectProblem(evil as Response, 404, UNKNOWN_TENANT)
    const res = await trusting.request(`http://${SAMOSIR}/api/v1/announcements/${tobaIds[0]}`, {
      headers: { host: SAMOSIR, 'x-forwarded-host': TOBA },
    })
    expect(res.status).toBe(200)
  })
})
