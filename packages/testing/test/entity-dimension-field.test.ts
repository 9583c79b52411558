import { type Grant, hasPermission, permissionCatalog, problemType, type TenantContext } from '@cerdas/core'
import { auditScopeOf, listVisibleAudit, setModuleEnabled } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestToken, tenantDbOf } from '../src/accounts'
import { expectProblem } from '../src/problem-assertions'
import { createTestPlatform, TEST_OPERATOR_TOKEN, type TestPlatform } from '../src/test-platform'
import teamPlanModule, { plan } from './fixtures/team-plan-module'

/** Records that name their team (ADR 0117): a grant limited to a dimension writes and sees only its own. */
const HOST = 'tim.localhost'
const FORBIDDEN = problemType('forbidden')
let t: TestPlatform
const tokens: Record<string, string> = {}

beforeAll(async () => {
  t = await createTestPlatform({ modules: [...modules, teamPlanModule] })
  await t.createTenant('tim')
  await setModuleEnabled(t.platform, 'tim', 'teamplan', true)
  const grants: Record<string, Grant> = {
    economy: { role: 'editor', dimension: 'economy' },
    economyAdmin: { role: 'admin', dimension: 'economy' },
    governanceAdmin: { role: 'admin', dimension: 'governance' },
    governance: { role: 'editor', dimension: 'governance' },
    viewer: { role: 'viewer', dimension: 'economy' },
    editor: { role: 'editor', dimension: null },
  }
  for (const [name, grant] of Object.entries(grants)) tokens[name] = (await createTestToken(t, 'tim', [grant])).secret
})
afterAll(() => t?.close())

const send = (method: string, path: string, body: unknown, token: string) =>
  t.send(HOST, method, `/api/v1${path}`, body, token)

async function count(sql: string): Promise<number> {
  const db = await tenantDbOf(t, 'tim')
  return Number((await db.$client.execute(sql)).rows[0]?.n)
}
const plans = () => count('SELECT COUNT(*) AS n FROM teamplan_plans')
const audits = () => count('SELECT COUNT(*) AS n FROM cerdas_audit_log')

async function made(dimension: string, token = TEST_OPERATOR_TOKEN): Promise<{ id: string }> {
  const res = await send('POST', '/team-plans', { name: `Rencana ${dimension}`, dimension }, token)
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as { id: string }
}

/** A refused write: 403, no row changed, no audit entry. */
async function refused(res: Promise<Response>): Promise<void> {
  const [before, entries] = [await plans(), await audits()]
  await expectProblem(await res, 403, FORBIDDEN)
  expect(await plans()).toBe(before)
  expect(await audits()).toBe(entries)
}

async function contextAs(grants: Grant[]): Promise<TenantContext> {
  const tenant = await t.platform.tenantBySlug('tim')
  if (!tenant) throw new Error('no tenant')
  return t.platform.context(tenant, await t.platform.tenantDb(tenant.record), {
    actor: { kind: 'user', id: 'usr_test', grants },
  })
}

describe('records that name their team', () => {
  it('are held in the dimension they name in the catalogue: every team passes the route guard', () => {
    const entry = permissionCatalog([...modules, teamPlanModule]).find((p) => p.key === 'teamplan.plan:update')
    expect(entry).toMatchObject({ followsOwner: true })
    expect(entry?.ownerDimensions).toHaveLength(6)
    expect(hasPermission([{ role: 'editor', dimension: 'living' }], entry)).toBe(true)
    expect(hasPermission([{ role: 'editor', dimension: 'living' }], entry, 'economy')).toBe(false)
    expect(hasPermission([{ role: 'viewer', dimension: 'economy' }], entry)).toBe(false)
  })

  it("let an economy editor create, update and verify economy records and refuse another team's with 403, writing nothing", async () => {
    const own = await made('economy', tokens.economy)
    expect((await send('PATCH', `/team-plans/${own.id}`, { name: 'Diubah' }, tokens.economy as string)).status).toBe(
      200,
    )
    expect((await send('POST', `/team-plans/${own.id}/verify`, {}, tokens.economy as string)).status).toBe(200)
    await refused(send('POST', '/team-plans', { name: 'Bukan milik', dimension: 'branding' }, tokens.economy as string))
    const theirs = await made('branding')
    await refused(send('PATCH', `/team-plans/${theirs.id}`, { name: 'Diambil' }, tokens.economy as string))
    await refused(send('POST', `/team-plans/${theirs.id}/verify`, {}, tokens.economy as string))
    // On update both the stored team and the new one are checked: moving a record away is refused too.
    await refused(send('PATCH', `/team-plans/${own.id}`, { dimension: 'branding' }, tokens.economy as string))
    await refused(send('PATCH', `/team-plans/${theirs.id}`, { dimension: 'economy' }, tokens.economy as string))
    const stored = (await (await t.request(HOST, `/api/v1/team-plans/${own.id}`)).json()) as { dimension: string }
    expect(stored.dimension).toBe('economy')
  })

  it("let a team's admin delete its own records only, and refuse the route to a viewer", async () => {
    const own = await made('economy')
    const theirs = await made('governance')
    await refused(send('DELETE', `/team-plans/${theirs.id}`, undefined, tokens.economyAdmin as string))
    expect((await send('DELETE', `/team-plans/${own.id}`, undefined, tokens.economyAdmin as string)).status).toBe(204)
    await refused(send('POST', '/team-plans', { name: 'Lihat', dimension: 'economy' }, tokens.viewer as string))
  })

  it("show a team only its own records in the console: the list narrowed in SQL, another team's record 404", async () => {
    const own = await made('economy')
    const theirs = await made('society')
    const admin = teamPlanModule.admin?.entities.find((e) => e.id === 'plan')
    if (!admin) throw new Error('no console entity')
    expect(admin.followsOwner).toBe(true)
    const economy = await contextAs([{ role: 'editor', dimension: 'economy' }])
    const listed = (await admin.list(economy, { limit: 100 })).items.map((r) => (r as { id: string }).id)
    expect(listed).toContain(own.id)
    expect(listed).not.toContain(theirs.id)
    await expect(admin.get(economy, theirs.id)).rejects.toMatchObject({ problem: { status: 404 } })
    expect(((await admin.get(economy, own.id)) as { id: string }).id).toBe(own.id)
    const everyone = await contextAs([{ role: 'editor', dimension: null }])
    expect((await admin.list(everyone, { limit: 100 })).items.map((r) => (r as { id: string }).id)).toContain(theirs.id)
    // Writes from the console go through the same check.
    await expect(admin.update?.(economy, theirs.id, { name: 'Diambil' })).rejects.toMatchObject({
      problem: { status: 403 },
    })
    expect(plan.permits(economy, 'update', { dimension: 'economy' })).toBe(true)
    expect(plan.visibleTo(economy, { dimension: 'society' })).toBe(false)
  })

  it("let a team read the audit entries of its own records, not another team's", async () => {
    const own = await made('economy')
    const theirs = await made('living')
    const ctx = await contextAs([{ role: 'editor', dimension: 'economy' }])
    const entries = await listVisibleAudit(
      ctx.db,
      { limit: 1000 },
      auditScopeOf([{ role: 'viewer', dimension: 'economy' }], [...modules, teamPlanModule]),
    )
    const ids = entries.map((e) => e.entityId)
    expect(ids).toContain(own.id)
    expect(ids).not.toContain(theirs.id)
  })
})

describe('records only unlimited grants write', () => {
  it('refuse admins and editors limited to a dimension, the declaring one included, and let an unlimited admin write', async () => {
    for (const name of ['governanceAdmin', 'governance', 'economyAdmin', 'editor']) {
      const before = await audits()
      await expectProblem(
        await send('POST', '/team-charters', { name: 'Piagam' }, tokens[name] as string),
        403,
        FORBIDDEN,
      )
      expect(await audits()).toBe(before)
    }
    expect((await send('POST', '/team-charters', { name: 'Piagam' }, TEST_OPERATOR_TOKEN)).status).toBe(201)
    const entry = permissionCatalog([teamPlanModule]).find((p) => p.key === 'teamplan.charter:create')
    expect(hasPermission([{ role: 'admin', dimension: null }], entry)).toBe(true)
    expect(hasPermission([{ role: 'admin', dimension: 'governance' }], entry)).toBe(false)
  })
})
