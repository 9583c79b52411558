import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DIMENSION_IDS, type DimensionId, type Grant, ROLE_IDS } from '@cerdas/core'
import { createUser, hashPassword } from '@cerdas/identity'
import { createOperatorToken, createPlatform, createTenant, setModuleEnabled } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUmkmItem, economyModule } from './fixtures/economy-module'
import { startFixtureServer } from './fixtures/start-fixture-server'
import { httpRequest, type RunningServer } from './server'

/**
 * The console's audit trail and dashboard, generated over every role × dimension: a grant
 * limited to a dimension shows only its dimension's entries (the economy test module's for
 * economy, the registry's modules' for governance) and never the platform's (logins, users,
 * tokens, settings); the pages of accounts, tokens and settings stay closed to it.
 */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const HOST = 'toba.localhost'
const PASSWORD = 'kata-sandi-uji-panjang'
const OPERATOR = 'cerdas_op_audit-scope-operator-token-0123456789'
const dimensionOfModule = new Map([...modules, economyModule].map((m) => [m.id, m.dimension]))

const CALLERS: Grant[] = ROLE_IDS.flatMap((role) =>
  [null, ...DIMENSION_IDS].map((dimension: DimensionId | null) => ({ role, dimension })),
)
const nameOf = (g: Grant) => (g.dimension ? `${g.role}:${g.dimension}` : g.role)
const emailOf = (g: Grant) => `${nameOf(g).replace(':', '.')}@toba.localhost`

interface Entry {
  seq: number
  entity: string
}

let server: RunningServer
let dataDir: string
let umkmItemId = ''
/** Every entry, newest first, as the operator reads them through the API. */
let all: Entry[] = []
const cookies = new Map<string, string>()

/** Whether a grant reads an entry: the rule restated, independently of the server's. */
function reads(grant: Grant, entry: Entry): boolean {
  if (grant.dimension === null) return true
  return dimensionOfModule.get(entry.entity.split('.')[0] as string) === grant.dimension
}

const get = (path: string, cookie: string) => httpRequest(server.port, HOST, path, { headers: { cookie } })

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'cerdas-audit-scope-e2e-'))
  const platform = await createPlatform({
    dataDir,
    templatesDir: join(repoRoot, 'templates'),
    platformHost: 'localhost',
    modules: [...modules, economyModule],
  })
  await createTenant(platform, { slug: 'toba', template: 'toba' })
  await setModuleEnabled(platform, 'toba', 'umkm', true)
  await createOperatorToken(platform.controlPlane, { name: 'audit scope', secret: OPERATOR })
  const toba = await platform.tenantBySlug('toba')
  if (!toba) throw new Error('tenant toba was not created')
  const db = await platform.tenantDb(toba.record)
  const passwordHash = await hashPassword(PASSWORD)
  for (const grant of CALLERS)
    await createUser(db, { email: emailOf(grant), name: nameOf(grant), grants: [grant], passwordHash }, new Date())
  const ctx = platform.context(toba, db, { actor: { kind: 'system', id: 'e2e' } })
  umkmItemId = (await createUmkmItem(ctx, { name: 'Ulos Balige' })).id
  platform.close()
  server = await startFixtureServer('apps/web/test/fixtures/server-with-economy.ts', { CERDAS_DATA_DIR: dataDir })
  // Every login is a platform entry (cerdas.session), newer than the economy item.
  for (const grant of CALLERS) {
    const res = await httpRequest(server.port, HOST, '/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: emailOf(grant), password: PASSWORD }),
    })
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? [])
    const session = setCookie.map((c) => c.split(';')[0] as string).find((c) => c.startsWith('cerdas_session='))
    if (res.status !== 200 || !session) throw new Error(`login of ${nameOf(grant)}: ${res.status} ${res.text()}`)
    cookies.set(nameOf(grant), session)
  }
  const audit = await httpRequest(server.port, HOST, '/api/v1/audit?limit=200', {
    headers: { authorization: `Bearer ${OPERATOR}` },
  })
  all = (audit.json() as { items: Entry[] }).items
})

afterAll(async () => {
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** The audit entries the console's trail lists, by sequence number. */
const seqsOn = (html: string) => [...html.matchAll(/data-seq="(\d+)"/g)].map((m) => Number(m[1]))

describe('the console audit trail by role and dimension', () => {
  it('starts from entries of the economy module, governance modules and platform logins', () => {
    const entities = new Set(all.map((e) => e.entity))
    expect(entities).toContain('umkm.item')
    expect(entities).toContain('cerdas.session')
    expect([...entities].some((e) => dimensionOfModule.get(e.split('.')[0] as string) === 'governance')).toBe(true)
    expect(all[0]?.entity).toBe('cerdas.session')
  })

  it.each(CALLERS.map((grant) => [nameOf(grant), grant] as const))('as %s', async (name, grant) => {
    const cookie = cookies.get(name) as string
    const trail = await get('/admin/audit', cookie)
    if (grant.role !== 'admin' && grant.role !== 'viewer') {
      expect(trail.status).toBe(403)
    } else {
      expect(trail.status, trail.text()).toBe(200)
      const expected = all.filter((e) => reads(grant, e)).slice(0, 25)
      expect(seqsOn(trail.text())).toEqual(expected.map((e) => e.seq))
      // The entity filter offers the platform's entities only to unlimited grants.
      expect(trail.text().includes('value="cerdas.user"')).toBe(grant.dimension === null)
    }
    // The dashboard's recent changes stay within the same scope.
    const dashboard = (await get('/admin', cookie)).text()
    const recent = dashboard.slice(dashboard.indexOf('id="recent"'))
    // Audit readers see their scope's ten newest (for unlimited ones, the logins that came after the item);
    // others see changes to what they may open.
    const readsAudit = grant.role === 'admin' || grant.role === 'viewer'
    expect(recent.includes(umkmItemId)).toBe(grant.dimension === 'economy' || (grant.dimension === null && !readsAudit))
    expect(recent.includes('cerdas.session')).toBe(grant.dimension === null && readsAudit)
    // Accounts, tokens and settings need an unlimited admin.
    for (const page of ['/admin/pengguna', '/admin/token', '/admin/pengaturan']) {
      const res = await get(page, cookie)
      expect(res.status, `${page} as ${name}`).toBe(grant.role === 'admin' && grant.dimension === null ? 200 : 403)
    }
  })
})
