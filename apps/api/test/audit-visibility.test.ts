import { DIMENSION_IDS, type DimensionId, defineModule, type Grant, problemType, ROLE_IDS } from '@cerdas/core'
import { MAIL_DISABLED, updateMailSettings } from '@cerdas/platform'
import { modules as registeredModules } from '@cerdas/registry'
import {
  createTestPlatform,
  createTestToken,
  expectProblem,
  TEST_OPERATOR_TOKEN,
  type TestPlatform,
  tenantDbOf,
} from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiFixtures } from './support/fixtures'
import { fetchOpenApi } from './support/openapi'

/**
 * Who reads which audit entries, generated over every role × dimension: an
 * unlimited admin or viewer reads everything; a grant limited to a dimension
 * reads only the entries of its dimension's modules, never the platform's
 * (users, tokens, sessions, settings, mail settings); other roles are refused.
 */
const SLUG = 'toba'
const HOST = `${SLUG}.localhost`

/** A module of another dimension than the registry's (all governance), so dimensions have something to tell apart. */
const marketModule = defineModule({
  id: 'pasar',
  dimension: 'economy',
  title: { id: 'Pasar', en: 'Markets' },
  schema: {},
  migrations: [],
})
const allModules = [...registeredModules, marketModule]
const dimensionOfModule = new Map(allModules.map((m) => [m.id, m.dimension]))

interface Entry {
  seq: number
  entity: string
}

const CALLERS: Grant[] = ROLE_IDS.flatMap((role) =>
  [null, ...DIMENSION_IDS].map((dimension: DimensionId | null) => ({ role, dimension })),
)
const nameOf = (g: Grant) => (g.dimension ? `${g.role}:${g.dimension}` : g.role)

/** The rule restated: which entries a grant reads (undefined: refused). */
function expectedFor(grant: Grant, all: Entry[]): Entry[] | undefined {
  if (grant.role !== 'admin' && grant.role !== 'viewer') return undefined
  if (grant.dimension === null) return all
  return all.filter((e) => dimensionOfModule.get(e.entity.split('.')[0] as string) === grant.dimension)
}

let t: TestPlatform
let all: Entry[]
/** The newest entry of the economy module, written before newer governance and platform entries. */
let marketSeq: number

async function readAudit(token: string, query = 'limit=200') {
  return t.request(HOST, `/api/v1/audit?${query}`, { token })
}

beforeAll(async () => {
  t = await createTestPlatform({ modules: allModules })
  await t.createTenant(SLUG)
  const tenant = await t.platform.tenantBySlug(SLUG)
  if (!tenant) throw new Error('no tenant')
  const ctx = t.platform.context(tenant, await tenantDbOf(t, SLUG), { actor: { kind: 'system', id: 'test' } })
  // The market module's own audit entry, as its functions would write it.
  await ctx.transaction((tx) =>
    tx.audit({ action: 'create', entity: 'pasar.stall', entityId: 'pas_1', after: { name: 'Pasar Balige' } }),
  )
  // Then a record of every collection the API creates (module records, users, tokens) and mail settings.
  const api = new ApiFixtures(t, SLUG, await fetchOpenApi(t, HOST))
  for (const collection of [
    '/api/v1/announcements',
    '/api/v1/directory/offices',
    '/api/v1/schedules',
    '/api/v1/users',
    '/api/v1/tokens',
  ])
    await api.createRecord(collection)
  await updateMailSettings(t.platform, ctx, MAIL_DISABLED)
  const res = await readAudit(TEST_OPERATOR_TOKEN)
  all = ((await res.json()) as { items: Entry[] }).items
  marketSeq = all.find((e) => e.entity === 'pasar.stall')?.seq as number
})
afterAll(() => t?.close())

describe('audit entries by role and dimension', () => {
  it('starts from entries of governance modules, the economy module and the platform', () => {
    const entities = new Set(all.map((e) => e.entity))
    for (const entity of ['pasar.stall', 'announcements.announcement', 'cerdas.user', 'cerdas.api_token'])
      expect(entities, entity).toContain(entity)
    expect(entities).toContain('cerdas.mail_settings')
    expect(all[0]?.seq).toBeGreaterThan(marketSeq)
  })

  it.each(CALLERS.map((grant) => [nameOf(grant), grant] as const))('as %s', async (_name, grant) => {
    const { secret } = await createTestToken(t, SLUG, [grant])
    const expected = expectedFor(grant, all)
    const res = await readAudit(secret)
    if (!expected) {
      await expectProblem(res, 403, problemType('forbidden'))
      return
    }
    expect(res.status).toBe(200)
    const items = ((await res.json()) as { items: Entry[] }).items
    expect(items.map((e) => `${e.seq} ${e.entity}`)).toEqual(expected.map((e) => `${e.seq} ${e.entity}`))
    if (grant.dimension !== null) expect(items.some((e) => e.entity.startsWith('cerdas.'))).toBe(false)
    // The chain check covers every entry (and tells how many there are): only for unlimited readers.
    const check = await t.request(HOST, '/api/v1/audit/verification', { token: secret })
    if (grant.dimension === null) expect(((await check.json()) as { ok: boolean }).ok).toBe(true)
    else await expectProblem(check, 403, problemType('forbidden'))
  })

  it('pages within what a limited grant may read: its newest entry, however many newer ones it may not', async () => {
    const { secret } = await createTestToken(t, SLUG, [{ role: 'viewer', dimension: 'economy' }])
    const items = ((await (await readAudit(secret, 'limit=1')).json()) as { items: Entry[] }).items
    expect(items.map((e) => e.seq)).toEqual([marketSeq])
    const filtered = await readAudit(secret, 'entity=cerdas.mail_settings')
    expect(((await filtered.json()) as { items: Entry[] }).items).toEqual([])
  })
})
