import { type Grant, problemType, type TenantContext } from '@cerdas/core'
import { createSession, findUser } from '@cerdas/identity'
import { consoleEntities, mayView, setModuleEnabled } from '@cerdas/platform'
import {
  createTestPlatform,
  createTestToken,
  createTestUser,
  expectProblem,
  TEST_OPERATOR_TOKEN,
  type TestPlatform,
  tenantDbOf,
} from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  bodyMembers,
  currentRegulations,
  dimensionTeams,
  formerBodyMembers,
  governanceDashboard,
  type Member,
  type Regulation,
  TEAM_GRANT_SOURCE,
} from '../src/index'

const HOST = 'uji.localhost'
const API = '/api/v1/governance'
let t: TestPlatform
const tokens: Record<string, string> = {}

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('uji')
  await setModuleEnabled(t.platform, 'uji', 'directory', true)
  await setModuleEnabled(t.platform, 'uji', 'governance', true)
  const grants: Record<string, Grant> = {
    admin: { role: 'admin', dimension: null },
    editor: { role: 'editor', dimension: null },
    governanceAdmin: { role: 'admin', dimension: 'governance' },
    governanceEditor: { role: 'editor', dimension: 'governance' },
    economyEditor: { role: 'editor', dimension: 'economy' },
  }
  for (const [name, grant] of Object.entries(grants)) tokens[name] = (await createTestToken(t, 'uji', [grant])).secret
})
afterAll(() => t?.close())

const send = (method: string, path: string, body?: unknown, token: string | null = TEST_OPERATOR_TOKEN) =>
  t.send(HOST, method, `${API}${path}`, body, token)

async function json<T>(res: Promise<Response> | Response, status: number): Promise<T> {
  const r = await res
  expect(r.status, await r.clone().text()).toBe(status)
  return (await r.json()) as T
}

async function count(sql: string, ...args: string[]): Promise<number> {
  const db = await tenantDbOf(t, 'uji')
  return Number((await db.$client.execute({ sql, args })).rows[0]?.n)
}
const audits = () => count('SELECT COUNT(*) AS n FROM cerdas_audit_log')

async function context(now: string, grants?: Grant[]): Promise<TenantContext> {
  const tenant = await t.platform.tenantBySlug('uji')
  if (!tenant) throw new Error('no tenant')
  return t.platform.context(tenant, await t.platform.tenantDb(tenant.record), {
    actor: { kind: grants ? 'user' : 'system', id: 'test', ...(grants ? { grants } : {}) },
    now: () => new Date(now),
  })
}

const REGULATION = {
  kind: 'perbup',
  title: { id: 'Dewan Smart City dan Tim Pelaksana Smart City' },
  validFrom: '2021-07-01',
  validUntil: '2026-07-01',
  establishes: ['council', 'team'],
  sourceNote: 'Data uji.',
}

describe('who writes regulations, seats and team memberships', () => {
  const writes = [
    ['/regulations', REGULATION],
    ['/members', { body: 'council', role: 'member', position: { id: 'Ketua DPRD' } }],
  ] as const

  it('refuses anonymous callers with 401 and every grant limited to a dimension (its admin too) or an editor with 403, writing nothing', async () => {
    for (const [path, body] of writes) {
      const before = await audits()
      await expectProblem(await send('POST', path, body, null), 401, problemType('unauthorized'))
      for (const name of ['editor', 'governanceAdmin', 'governanceEditor', 'economyEditor'])
        await expectProblem(await send('POST', path, body, tokens[name]), 403, problemType('forbidden'))
      expect(await audits()).toBe(before)
      await json(send('POST', path, body, tokens.admin), 201)
    }
    await expectProblem(
      await send(
        'POST',
        '/team-members',
        { dimension: 'economy', userId: 'usr_x', teamRole: 'member' },
        tokens.governanceAdmin,
      ),
      403,
      problemType('forbidden'),
    )
  })

  it('answers 422 for a membership of an unknown account or one moved to another account', async () => {
    await expectProblem(
      await send('POST', '/team-members', { dimension: 'economy', userId: 'usr_tidak_ada', teamRole: 'member' }),
      422,
      problemType('validation'),
    )
    const a = await createTestUser(t, 'uji', { email: 'pindah-a@example.org', password: 'kata-sandi-panjang-1' })
    const b = await createTestUser(t, 'uji', { email: 'pindah-b@example.org', password: 'kata-sandi-panjang-1' })
    const made = await json<{ id: string }>(
      send('POST', '/team-members', { dimension: 'living', userId: a.id, teamRole: 'member' }),
      201,
    )
    await expectProblem(
      await send('PATCH', `/team-members/${made.id}`, { userId: b.id }),
      422,
      problemType('validation'),
    )
  })
})

describe('council and team seats', () => {
  it('keep names private unless flagged public, in the API and the functions the public page calls', async () => {
    const regulation = await json<Regulation>(
      send('POST', '/regulations', { ...REGULATION, validFrom: '2020-01-01', validUntil: '2025-01-01' }),
      201,
    )
    const hidden = await json<Member>(
      send('POST', '/members', {
        body: 'council',
        role: 'chair',
        position: { id: 'Bupati', en: 'Regent' },
        institution: 'Pemerintah Kabupaten',
        personName: 'Nama Rahasia',
        regulationId: regulation.id,
      }),
      201,
    )
    const shown = await json<Member>(
      send('POST', '/members', {
        body: 'council',
        role: 'vice_chair',
        position: { id: 'Wakil Bupati' },
        personName: 'Nama Terbuka',
        namePublic: true,
      }),
      201,
    )
    const publicHidden = await json<Record<string, unknown>>(t.request(HOST, `${API}/members/${hidden.id}`), 200)
    expect(publicHidden).not.toHaveProperty('personName')
    expect(publicHidden.publicName).toBeNull()
    expect(JSON.stringify(await json(t.request(HOST, `${API}/members?limit=100`), 200))).not.toContain('Nama Rahasia')
    const publicShown = await json<Record<string, unknown>>(t.request(HOST, `${API}/members/${shown.id}`), 200)
    expect(publicShown.publicName).toBe('Nama Terbuka')
    const seats = await bodyMembers(await context('2024-06-01T00:00:00Z'), 'council')
    expect(JSON.stringify(seats)).not.toContain('Nama Rahasia')
    expect(seats.find((s) => s.id === shown.id)?.name).toBe('Nama Terbuka')
  })

  it('list the seats held on a date by role, and keep ended seats as history', async () => {
    const seat = (role: string, position: string, startsOn?: string, endsOn?: string) =>
      json<Member>(send('POST', '/members', { body: 'team', role, position: { id: position }, startsOn, endsOn }), 201)
    const member = await seat('member', 'Kabag Tapem')
    const secretary = await seat('secretary', 'Sekretaris Diskominfo')
    const chair = await seat('chair', 'Kepala Diskominfo', '2021-07-01')
    const former = await seat('chair', 'Kepala Diskominfo (lama)', '2016-01-01', '2021-07-01')
    const now = await context('2024-06-01T00:00:00Z')
    const ids = (await bodyMembers(now, 'team')).map((s) => s.id)
    expect(ids.indexOf(chair.id)).toBeLessThan(ids.indexOf(secretary.id))
    expect(ids.indexOf(secretary.id)).toBeLessThan(ids.indexOf(member.id))
    expect(ids).not.toContain(former.id)
    expect((await formerBodyMembers(now, 'team')).map((s) => s.id)).toEqual([former.id])
    // Before the new chair's term, the old one held the seat.
    const earlier = (await bodyMembers(now, 'team', { at: new Date('2020-01-01T00:00:00Z') })).map((s) => s.id)
    expect(earlier).toContain(former.id)
    expect(earlier).not.toContain(chair.id)
  })

  it('name the regulation in force for the council and the team on a date', async () => {
    const ctx = await context('2024-06-01T00:00:00Z')
    const now = await currentRegulations(ctx)
    expect(now.council?.validFrom).toBe('2021-07-01')
    expect(now.team?.validUntil).toBe('2026-07-01')
    expect((await currentRegulations(ctx, { at: new Date('2030-01-01T00:00:00Z') })).council).toBeNull()
  })
})

describe('the renewal warning on the dashboard', () => {
  it('says nothing more than six months ahead, warns within six months and after expiry, naming council and team and the date', async () => {
    const early = await governanceDashboard(await context('2025-12-31T12:00:00Z'))
    expect(early.items).toEqual([])
    const soon = await governanceDashboard(await context('2026-01-02T12:00:00Z'))
    expect(soon.items.map((i) => i.label)).toEqual(['Dewan smart city', 'Tim pelaksana'])
    expect(soon.items[0]?.detail).toContain('1 Juli 2026')
    expect(soon.items[1]?.detail).toContain('perbarui tim pelaksana')
    const late = await governanceDashboard(await context('2026-07-02T12:00:00Z'))
    expect(late.items).toHaveLength(2)
    expect(late.items[0]?.detail).toContain('berakhir 1 Juli 2026')
    // A successor recorded ahead of time silences the warning for what it establishes.
    await json(
      send('POST', '/regulations', {
        ...REGULATION,
        validFrom: '2026-07-01',
        validUntil: '2031-07-01',
        establishes: ['council'],
      }),
      201,
    )
    const renewed = await governanceDashboard(await context('2026-07-02T12:00:00Z'))
    expect(renewed.items.map((i) => i.label)).toEqual(['Tim pelaksana'])
  })
})

describe('dimension team membership grants the dimension editor role', () => {
  const grantsOf = async (userId: string) =>
    ((await findUser(await tenantDbOf(t, 'uji'), { id: userId }))?.grants ?? []).map(
      (g) => `${g.role}:${g.dimension ?? ''}`,
    )

  it('gives the role with the membership and takes it away when it is deleted or ended, audited, ending sessions', async () => {
    const user = await createTestUser(t, 'uji', { email: 'tim-ekonomi@example.org', password: 'kata-sandi-panjang-1' })
    const db = await tenantDbOf(t, 'uji')
    await createSession(db, user.id, {}, new Date())
    const made = await json<{ id: string }>(
      send('POST', '/team-members', {
        dimension: 'economy',
        userId: user.id,
        teamRole: 'lead',
        position: { id: 'Kepala Dinas Koperasi' },
      }),
      201,
    )
    expect(await grantsOf(user.id)).toEqual(['editor:economy'])
    expect(await count('SELECT COUNT(*) AS n FROM identity_sessions WHERE user_id = ?', user.id)).toBe(0)
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM cerdas_audit_log WHERE entity = 'cerdas.user' AND action = 'set-team-roles' AND entity_id = ?",
        user.id,
      ),
    ).toBe(1)
    // Ending the membership today takes the role away.
    const today = new Date().toISOString().slice(0, 10)
    await json(send('PATCH', `/team-members/${made.id}`, { endsOn: '2000-01-01' }), 200)
    expect(await grantsOf(user.id)).toEqual([])
    await json(send('PATCH', `/team-members/${made.id}`, { endsOn: null }), 200)
    expect(await grantsOf(user.id)).toEqual(['editor:economy'])
    expect((await send('DELETE', `/team-members/${made.id}`)).status).toBe(204)
    expect(await grantsOf(user.id)).toEqual([])
    expect(today).toMatch(/^\d{4}-/)
  })

  it('keeps a role an admin gave by hand when the membership giving the same role ends', async () => {
    const user = await createTestUser(t, 'uji', {
      email: 'tangan@example.org',
      password: 'kata-sandi-panjang-1',
      grants: [{ role: 'editor', dimension: 'economy' }],
    })
    const made = await json<{ id: string }>(
      send('POST', '/team-members', { dimension: 'economy', userId: user.id, teamRole: 'member' }),
      201,
    )
    const other = await json<{ id: string }>(
      send('POST', '/team-members', { dimension: 'branding', userId: user.id, teamRole: 'member' }),
      201,
    )
    expect(await grantsOf(user.id)).toEqual(['editor:branding', 'editor:economy'])
    expect((await send('DELETE', `/team-members/${made.id}`)).status).toBe(204)
    expect((await send('DELETE', `/team-members/${other.id}`)).status).toBe(204)
    expect(await grantsOf(user.id)).toEqual(['editor:economy'])
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM identity_grants WHERE user_id = ? AND source = ?',
        user.id,
        TEAM_GRANT_SOURCE,
      ),
    ).toBe(0)
  })

  it('does not take a team role sent back through the accounts API as given by hand', async () => {
    const user = await createTestUser(t, 'uji', {
      email: 'kirim-ulang@example.org',
      password: 'kata-sandi-panjang-1',
      grants: [{ role: 'viewer', dimension: null }],
    })
    const made = await json<{ id: string }>(
      send('POST', '/team-members', { dimension: 'economy', userId: user.id, teamRole: 'member' }),
      201,
    )
    // A client reads the account's roles and sends them all back unchanged.
    const listed = await json<{ items: { id: string; grants: Grant[] }[] }>(
      t.request(HOST, '/api/v1/users', { headers: { authorization: `Bearer ${TEST_OPERATOR_TOKEN}` } }),
      200,
    )
    const read = listed.items.find((u) => u.id === user.id) as { grants: Grant[] }
    expect(read.grants).toEqual(expect.arrayContaining([{ role: 'editor', dimension: 'economy' }]))
    await json(
      t.request(HOST, `/api/v1/users/${user.id}/roles`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${TEST_OPERATOR_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ grants: read.grants }),
      }),
      200,
    )
    expect((await send('DELETE', `/team-members/${made.id}`)).status).toBe(204)
    expect(await grantsOf(user.id)).toEqual(['viewer:'])
  })

  it('opens regulations, seats and memberships in the console only to grants that may write them', async () => {
    const ctx = await context('2026-01-01T00:00:00Z')
    const entities = consoleEntities(ctx.modules, ctx.tenant).filter((e) => e.module.id === 'governance')
    const opened = (grant: Grant) => entities.filter((e) => mayView([grant], e)).map((e) => e.entity.id)
    const adminOnly = ['member', 'regulation', 'team_member']
    expect(opened({ role: 'admin', dimension: null })).toEqual(expect.arrayContaining(adminOnly))
    for (const grant of [
      { role: 'viewer', dimension: null },
      { role: 'editor', dimension: null },
      { role: 'admin', dimension: 'governance' },
      { role: 'editor', dimension: 'governance' },
    ] as const)
      expect(
        opened(grant).filter((id) => adminOnly.includes(id)),
        JSON.stringify(grant),
      ).toEqual([])
    // A team still opens its own programmes and KPIs.
    expect(opened({ role: 'editor', dimension: 'economy' })).toEqual(expect.arrayContaining(['programme', 'kpi']))
  })

  it('lets the new editor write economy records and nothing of another team or of governance', async () => {
    const user = await createTestUser(t, 'uji', { email: 'penulis@example.org', password: 'kata-sandi-panjang-1' })
    await json(send('POST', '/team-members', { dimension: 'economy', userId: user.id, teamRole: 'member' }), 201)
    const ctx = await context(
      new Date().toISOString(),
      (await findUser(await tenantDbOf(t, 'uji'), { id: user.id }))?.grants,
    )
    const { hasPermission, permissionCatalog } = await import('@cerdas/core')
    const catalog = new Map(permissionCatalog(ctx.modules).map((p) => [p.key, p]))
    const grants = ctx.actor?.grants ?? []
    expect(hasPermission(grants, catalog.get('economy.eatery:update'))).toBe(true)
    expect(hasPermission(grants, catalog.get('tourism.attraction:update'))).toBe(false)
    expect(hasPermission(grants, catalog.get('governance.regulation:update'))).toBe(false)
    expect(hasPermission(grants, catalog.get('governance.team_member:create'))).toBe(false)
  })

  it('shows the public teams by position and public name only, never accounts', async () => {
    const user = await createTestUser(t, 'uji', { email: 'rahasia@example.org', password: 'kata-sandi-panjang-1' })
    await json(
      send('POST', '/team-members', {
        dimension: 'society',
        userId: user.id,
        teamRole: 'lead',
        position: { id: 'Kepala Dinas Pendidikan' },
        personName: 'Nama Pribadi',
      }),
      201,
    )
    const teams = await dimensionTeams(await context(new Date().toISOString()))
    expect(teams.map((t) => t.dimension)).toHaveLength(6)
    const society = teams.find((t) => t.dimension === 'society')
    expect(society?.members).toContainEqual({
      teamRole: 'lead',
      position: { id: 'Kepala Dinas Pendidikan' },
      institution: null,
      name: null,
    })
    const text = JSON.stringify([teams, await json(t.request(HOST, `${API}/team-members?limit=100`), 200)])
    for (const secret of [user.id, user.email, 'Nama Pribadi']) expect(text).not.toContain(secret)
  })
})
