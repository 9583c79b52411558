import { exportTenant } from '@cerdas/platform'
import {
  createTenantWithEveryModule,
  createTestPlatform,
  createTestToken,
  createTestUser,
  loginCookie,
  TEST_OPERATOR_TOKEN,
  type TestPlatform,
} from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiFixtures, labelOf, linkTokenOf } from './support/fixtures'
import {
  type DocumentedOperation,
  fetchOpenApi,
  fillPath,
  generallyTested,
  operationsOf,
  sampleValue,
} from './support/openapi'

/**
 * Another tenant's credentials on this tenant's host: samosir's admin API
 * token, its admin's session cookie and its one-time links (invitation,
 * password reset), against every documented route of toba, with the real ids
 * of both tenants. Nothing of samosir may show, nothing of toba may change,
 * and samosir's credentials keep working on samosir (so the refusals are
 * about the host, not about broken credentials).
 */
const HOST = 'toba.localhost'
const OTHER = 'samosir'
const OTHER_HOST = `${OTHER}.localhost`
/** A word only samosir's records use. */
const OTHER_WORD = 'zebrakuda'
const OTHER_ADMIN = { email: `admin.${OTHER_WORD}@example.org`, password: 'kata-sandi-admin-samosir' }
const PROBLEM_KEYS = new Set(['type', 'title', 'status', 'detail', 'instance', 'requestId', 'errors'])

let t: TestPlatform
let operations: DocumentedOperation[]
let tobaApi: ApiFixtures
let otherApi: ApiFixtures
/** One real record of every collection, per tenant. */
const tobaIds = new Map<string, string>()
const otherIds = new Map<string, string>()
/** Strings only samosir's data holds: ids, the marker word, its admin's e-mail, link tokens. */
let otherMarkers: string[] = []
let otherToken = ''
let otherCookie = ''
let invitation: { userId: string; token: string; email: string }
let reset: { token: string }

/** Every row of toba's tables and its tenant record, for a before/after comparison. */
async function tobaSnapshot() {
  const dump = await exportTenant(t.platform, 'toba')
  const tables = Object.fromEntries(
    // Failed logins are counted per account and address: a refused login may add to the count, nothing else.
    Object.entries(dump.tables).filter(([name]) => !name.includes('throttle')),
  )
  return { tenant: dump.tenant, tables }
}

beforeAll(async () => {
  t = await createTestPlatform()
  // Every registered module on, whether or not the templates enable it: the probes cover all routes.
  await createTenantWithEveryModule(t, 'toba', { template: 'toba' })
  await createTenantWithEveryModule(t, OTHER, { name: `Kabupaten ${OTHER_WORD}` })
  const doc = await fetchOpenApi(t, HOST)
  operations = generallyTested(operationsOf(doc))
  tobaApi = new ApiFixtures(t, 'toba', doc)
  otherApi = new ApiFixtures(t, OTHER, doc)
  const collections = [...new Set(operations.flatMap((op) => (op.collection ? [op.collection] : [])))]
  for (const collection of collections) {
    tobaIds.set(collection, await tobaApi.createRecord(collection))
    otherIds.set(collection, await otherApi.createRecord(collection))
  }
  const announcement = await t.request(OTHER_HOST, '/api/v1/announcements', {
    method: 'POST',
    token: TEST_OPERATOR_TOKEN,
    body: JSON.stringify({ title: { id: `Pesta ${OTHER_WORD}` }, body: { id: OTHER_WORD }, category: 'event' }),
  })
  expect(announcement.status).toBe(201)
  const admin = await createTestUser(t, OTHER, { ...OTHER_ADMIN, grants: [{ role: 'admin', dimension: null }] })
  invitation = await otherApi.invite([{ role: 'admin' }])
  // A reset link for a third account (a new link replaces the account's previous one).
  const resetFor = await otherApi.invite([{ role: 'viewer' }])
  const resetRes = await t.request(OTHER_HOST, `/api/v1/users/${resetFor.userId}/password-reset`, {
    method: 'POST',
    token: TEST_OPERATOR_TOKEN,
  })
  expect(resetRes.status, await resetRes.clone().text()).toBe(201)
  reset = { token: linkTokenOf(((await resetRes.json()) as { resetUrl: string }).resetUrl) }
  otherCookie = await loginCookie(t, OTHER_HOST, OTHER_ADMIN)
  otherToken = (await createTestToken(t, OTHER, [{ role: 'admin', dimension: null }])).secret
  otherMarkers = [
    ...otherIds.values(),
    ((await announcement.json()) as { id: string }).id,
    admin.id,
    OTHER_WORD,
    invitation.email,
    invitation.token,
    reset.token,
  ]
})
afterAll(() => t?.close())

/** Asserts a response shows nothing of samosir beyond what the request itself sent. */
function expectNothingOfOther(label: string, sent: string, text: string) {
  for (const marker of otherMarkers) {
    if (sent.includes(marker)) continue
    expect(text.toLowerCase().includes(marker.toLowerCase()), `${label} shows samosir's ${marker}`).toBe(false)
  }
}

describe("samosir's credentials on toba's host", () => {
  it('starts from real credentials and records of both tenants', async () => {
    expect(tobaIds.size).toBeGreaterThanOrEqual(5)
    expect([...otherIds.values()].every((id) => ![...tobaIds.values()].includes(id))).toBe(true)
    const me = await t.request(OTHER_HOST, '/api/v1/auth/me', { headers: { cookie: otherCookie } })
    expect(((await me.json()) as { actor: { kind: string } | null }).actor?.kind).toBe('user')
    expect((await t.request(OTHER_HOST, '/api/v1/users', { token: otherToken })).status).toBe(200)
  })

  it("every documented route, with toba's and samosir's ids, refuses the token and treats the cookie as nobody's", async () => {
    const doc = await fetchOpenApi(t, HOST)
    const before = await tobaSnapshot()
    let probes = 0
    for (const op of operations) {
      const query = new URLSearchParams()
      for (const param of op.operation.parameters ?? []) {
        if (param.in !== 'query' || !param.required) continue
        query.set(param.name, param.name === 'q' ? OTHER_WORD : String(sampleValue(doc, param.schema)))
      }
      // Samosir's own bodies: its accounts' logins, its link tokens, its records' ids.
      const body = await otherApi.bodyOf(op)
      const ids = op.collection
        ? [tobaIds.get(op.collection), otherIds.get(op.collection)].filter((id): id is string => id !== undefined)
        : []
      const paths = op.path.includes('{') ? ids.map((id) => fillPath(op.path, { id })) : [op.path]
      expect(paths.length, labelOf(op)).toBeGreaterThan(0)
      for (const path of paths) {
        const url = query.size > 0 ? `${path}?${query}` : path
        const sent = `${url} ${body ?? ''}`
        const method = op.method.toUpperCase()
        // The token is unknown here: 401 on every route, public ones included.
        const byToken = await t.request(HOST, url, { method, token: otherToken, body })
        const tokenText = await byToken.text()
        probes++
        expect(byToken.status, `${method} ${url} with samosir's token: ${tokenText}`).toBe(401)
        expectNothingOfOther(`${method} ${url} with samosir's token`, sent, tokenText)
        // The cookie names no session here: the caller is anonymous.
        const byCookie = await t.request(HOST, url, { method, body, headers: { cookie: otherCookie } })
        const cookieText = await byCookie.text()
        probes++
        const label = `${method} ${url} with samosir's cookie: ${byCookie.status} ${cookieText.slice(0, 300)}`
        expectNothingOfOther(label, sent, cookieText)
        if (op.permission) expect(byCookie.status, label).toBe(401)
        else if (path !== op.path && path.includes(otherIds.get(op.collection as string) as string))
          expect(byCookie.status, label).toBe(404)
        else expect(byCookie.status, label).toBeLessThan(500)
        if ((byCookie.headers.get('content-type') ?? '').startsWith('application/problem+json'))
          expect(
            Object.keys(JSON.parse(cookieText)).every((k) => PROBLEM_KEYS.has(k)),
            label,
          ).toBe(true)
        // Nobody logs in on toba with samosir's session or account.
        expect(
          byCookie.headers.getSetCookie().some((c) => /^cerdas_session=[^;]/.test(c)),
          label,
        ).toBe(false)
      }
    }
    expect(probes).toBeGreaterThanOrEqual(operations.length * 2)
    expect(await tobaSnapshot()).toEqual(before)
    // Both still work on samosir: the refusals were about the host.
    expect((await t.request(OTHER_HOST, '/api/v1/users', { token: otherToken })).status).toBe(200)
    const me = await t.request(OTHER_HOST, '/api/v1/auth/me', { headers: { cookie: otherCookie } })
    expect(((await me.json()) as { actor: { kind: string } | null }).actor?.kind).toBe('user')
  })

  it("samosir's invitation and reset links neither work on toba nor say anything about them", async () => {
    const before = await tobaSnapshot()
    for (const [name, token] of [
      ['invitation', invitation.token],
      ['reset', reset.token],
    ] as const) {
      const res = await t.request(HOST, '/api/v1/auth/password', {
        method: 'POST',
        body: JSON.stringify({ token, password: 'kata-sandi-baru-panjang' }),
      })
      const text = await res.text()
      expect([400, 401, 403, 404, 410, 422], `${name}: ${res.status} ${text}`).toContain(res.status)
      expect(
        Object.keys(JSON.parse(text)).every((k) => PROBLEM_KEYS.has(k)),
        name,
      ).toBe(true)
      expectNothingOfOther(name, token, text)
    }
    expect(await tobaSnapshot()).toEqual(before)
    // On samosir's own host the same links still work: they were refused for the host, not for being spent.
    for (const token of [invitation.token, reset.token]) {
      const own = await t.request(OTHER_HOST, '/api/v1/auth/password', {
        method: 'POST',
        body: JSON.stringify({ token, password: 'kata-sandi-baru-panjang' }),
      })
      expect(own.status, await own.clone().text()).toBe(204)
    }
  })
})
