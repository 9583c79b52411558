import { problemType } from '@cerdas/core'
import { type PlatformOverview, setModuleEnabled, toTenantInfo } from '@cerdas/platform'
import {
  createTestPlatform,
  createTestToken,
  expectProblem,
  jsonOf,
  TEST_OPERATOR_TOKEN,
  type TestPlatform,
} from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/** The platform host of test platforms; tenants live on `<slug>.localhost`. */
const PLATFORM = 'localhost'
const PATH = '/operator/tenants'

let t: TestPlatform
let tobaAdminToken: string

async function announce(host: string, title: string): Promise<string> {
  const res = await t.send(host, 'POST', '/api/v1/announcements', {
    title: { id: title },
    body: { id: `Isi ${title}` },
    category: 'general',
  })
  return (await jsonOf<{ id: string }>(res, 201)).id
}

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('toba', { template: 'toba' })
  await t.createTenant('samosir')
  await t.createTenant('dairi', { seed: false })
  await setModuleEnabled(t.platform, 'dairi', 'announcements', false)
  const first = await announce('samosir.localhost', 'Jadwal baru')
  await announce('samosir.localhost', 'Belum diperiksa')
  await jsonOf(await t.send('samosir.localhost', 'POST', `/api/v1/announcements/${first}/verify`, {}))
  tobaAdminToken = (await createTestToken(t, 'toba', [{ role: 'admin', dimension: null }])).secret
}, 120_000)
afterAll(() => t?.close())

describe('GET /operator/tenants', () => {
  it('lists every tenant with its modules and counts for an operator on the platform host', async () => {
    const res = await t.request(PLATFORM, PATH, { token: TEST_OPERATOR_TOKEN })
    expect(res.headers.get('cache-control')).toBe('no-store')
    const view = await jsonOf<PlatformOverview>(res)
    expect(view.tenants.map((x) => x.slug)).toEqual(['dairi', 'samosir', 'toba'])
    expect(view.tenants.every((x) => x.outcome === 'ok')).toBe(true)
    const [dairi, samosir, toba] = view.tenants

    expect(samosir?.hosts).toEqual(['samosir.localhost'])
    expect(samosir?.modules.find((m) => m.id === 'announcements')).toMatchObject({
      dimension: 'governance',
      records: 2,
      neverVerified: 1,
      stale: 0,
    })
    expect(dairi?.modules.map((m) => m.id)).not.toContain('announcements')

    // Which modules each tenant runs is what the control plane enables for it.
    const tobaTenant = await t.platform.tenantBySlug('toba')
    if (!tobaTenant) throw new Error('no toba')
    const enabled = Object.keys(toTenantInfo(tobaTenant.record, t.platform.modules).modules)
    expect(toba?.modules.map((m) => m.id).sort()).toEqual(enabled.sort())
    expect(toba?.totals?.records).toBeGreaterThan(0)
    expect(view.totals).toMatchObject({ tenants: 3, ok: 3, failed: 0 })
  })

  it('reads only the tenants asked for', async () => {
    const view = await jsonOf<PlatformOverview>(
      await t.request(PLATFORM, `${PATH}?tenant=samosir,dairi&concurrency=2`, { token: TEST_OPERATOR_TOKEN }),
    )
    expect(view.tenants.map((x) => x.slug)).toEqual(['dairi', 'samosir'])
    expect(view.concurrency).toBe(2)
  })

  it('answers 401 without an operator token on the platform host, a tenant admin token included', async () => {
    for (const token of [null, tobaAdminToken, 'cerdas_op_not-a-real-token-0123456789abcdefghijklmnop']) {
      const res = await t.request(PLATFORM, PATH, { token })
      expect(res.headers.get('www-authenticate')).toBe('Bearer')
      await expectProblem(res, 401, problemType('unauthorized'))
    }
  })

  it('is not there on a tenant host, with the operator token or the tenant’s own', async () => {
    for (const token of [null, TEST_OPERATOR_TOKEN, tobaAdminToken]) {
      const res = await t.request('toba.localhost', PATH, { token })
      const body = await res.clone().text()
      await expectProblem(res, 404)
      expect(body).not.toContain('samosir')
      expect(body).not.toContain('"tenants"')
    }
  })

  it('refuses a bad concurrency, unknown parameters and bad slugs with a 422 problem', async () => {
    for (const query of ['concurrency=0', 'concurrency=33', 'concurrency=dua', 'colour=red', 'tenant=Toba!']) {
      const res = await t.request(PLATFORM, `${PATH}?${query}`, { token: TEST_OPERATOR_TOKEN })
      const body = (await res.clone().json()) as { errors?: { pointer: string }[] }
      await expectProblem(res, 422, problemType('validation'))
      expect(body.errors?.[0]?.pointer).toMatch(/^#query/)
    }
  })

  it('answers 404 for a tenant that does not exist', async () => {
    const res = await t.request(PLATFORM, `${PATH}?tenant=samosir,atlantis`, { token: TEST_OPERATOR_TOKEN })
    const body = await res.clone().text()
    await expectProblem(res, 404, problemType('notFound'))
    expect(body).toContain('atlantis')
  })
})
