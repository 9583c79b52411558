import { problemType } from '@cerdas/core'
import { appendAudit, createPlatform, listAudit, listOperatorTokens, verifyAuditChain } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import {
  createTestPlatform,
  createTestToken,
  createTestUser,
  expectProblem,
  loginCookie,
  TEMPLATES_DIR,
  TEST_OPERATOR_TOKEN,
  type TestPlatform,
  tenantDbOf,
} from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { linkTokenOf } from './support/fixtures'

const SLUG = 'toba'
const HOST = 'toba.localhost'
const PASSWORD = 'sandi-admin-toba-123'

interface Entry {
  seq: number
  id: string
  actorKind: string
  actorId: string
  action: string
  entity: string
  entityId: string
  before: unknown
  after: unknown
}

let t: TestPlatform
let operatorId: string
let editor: { id: string; secret: string }
let verifier: { id: string; secret: string }
let admin: { id: string; secret: string }
let viewer: { id: string; secret: string }
let person: { id: string; email: string }
/** Every secret handed out in this file; none may reach the audit log. */
const secrets: string[] = [TEST_OPERATOR_TOKEN, PASSWORD]

async function lastSeq(slug = SLUG): Promise<number> {
  const db = await tenantDbOf(t, slug)
  return Number((await db.$client.execute('SELECT COALESCE(MAX(seq), 0) AS n FROM cerdas_audit_log')).rows[0]?.n)
}

async function entriesAfter(seq: number, slug = SLUG): Promise<Entry[]> {
  const db = await tenantDbOf(t, slug)
  return (await listAudit(db, { limit: 1000 })).filter((e) => e.seq > seq).reverse() as Entry[]
}

async function getAudit(query: string, token = viewer.secret) {
  const res = await t.request(HOST, `/api/v1/audit${query}`, { token })
  expect(res.status, await res.clone().text()).toBe(200)
  return ((await res.json()) as { items: Entry[] }).items
}

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant(SLUG)
  await t.createTenant('samosir')
  operatorId = ((await listOperatorTokens(t.platform.controlPlane))[0] as { id: string }).id
  editor = await createTestToken(t, SLUG, [{ role: 'editor', dimension: 'governance' }])
  verifier = await createTestToken(t, SLUG, [{ role: 'verifier', dimension: null }])
  admin = await createTestToken(t, SLUG, [{ role: 'admin', dimension: null }])
  viewer = await createTestToken(t, SLUG, [{ role: 'viewer', dimension: null }])
  secrets.push(editor.secret, verifier.secret, admin.secret, viewer.secret)
  const user = await createTestUser(t, SLUG, {
    email: 'admin@toba.example',
    password: PASSWORD,
    grants: [{ role: 'admin', dimension: null }],
  })
  person = { id: user.id, email: user.email }
})
afterAll(() => t?.close())

describe('every write leaves exactly one audit entry, naming who did it', () => {
  let announcementId: string
  let invitedId: string
  let createdTokenId: string
  let cookie: string
  const sameOrigin = { 'sec-fetch-site': 'same-origin' }

  /** Runs one write and returns the single entry it produced. */
  async function oneEntry(
    name: string,
    run: () => Promise<Response>,
    expected: { status: number; action: string; entity: string; actorKind: string; actorId: () => string },
  ): Promise<{ entry: Entry; json: unknown }> {
    const before = await lastSeq()
    const res = await run()
    const text = await res.text()
    expect(res.status, `${name}: ${text}`).toBe(expected.status)
    const added = await entriesAfter(before)
    expect(
      added.map((e) => `${e.action} ${e.entity}`),
      `${name} writes one entry`,
    ).toEqual([`${expected.action} ${expected.entity}`])
    const entry = added[0] as Entry
    expect(entry, name).toMatchObject({ actorKind: expected.actorKind, actorId: expected.actorId() })
    return { entry, json: text ? JSON.parse(text) : null }
  }

  it('announcement created by an editor token', async () => {
    const { entry, json } = await oneEntry(
      'create',
      () =>
        t.request(HOST, '/api/v1/announcements', {
          method: 'POST',
          token: editor.secret,
          body: JSON.stringify({ title: { id: 'Jejak audit' }, body: { id: 'Isi' }, category: 'general' }),
        }),
      {
        status: 201,
        action: 'create',
        entity: 'announcements.announcement',
        actorKind: 'token',
        actorId: () => editor.id,
      },
    )
    announcementId = (json as { id: string }).id
    expect(entry.entityId).toBe(announcementId)
    expect(entry.before).toBeNull()
    expect(entry.after).toMatchObject({ id: announcementId, title: { id: 'Jejak audit' } })
  })

  it('announcement updated by the operator, with before and after', async () => {
    const { entry } = await oneEntry(
      'update',
      () =>
        t.request(HOST, `/api/v1/announcements/${announcementId}`, {
          method: 'PATCH',
          token: TEST_OPERATOR_TOKEN,
          body: JSON.stringify({ title: { id: 'Jejak audit (ubah)' } }),
        }),
      {
        status: 200,
        action: 'update',
        entity: 'announcements.announcement',
        actorKind: 'operator',
        actorId: () => operatorId,
      },
    )
    expect(entry.entityId).toBe(announcementId)
    expect(entry.before).toMatchObject({ title: { id: 'Jejak audit' } })
    expect(entry.after).toMatchObject({ title: { id: 'Jejak audit (ubah)' } })
  })

  it('announcement verified by a verifier token', async () => {
    const { entry } = await oneEntry(
      'verify',
      () =>
        t.request(HOST, `/api/v1/announcements/${announcementId}/verify`, {
          method: 'POST',
          token: verifier.secret,
          body: JSON.stringify({ source: 'Surat Bupati' }),
        }),
      {
        status: 200,
        action: 'verify',
        entity: 'announcements.announcement',
        actorKind: 'token',
        actorId: () => verifier.id,
      },
    )
    expect(entry.entityId).toBe(announcementId)
  })

  it('login by a person: the person is the actor', async () => {
    const before = await lastSeq()
    cookie = await loginCookie(t, HOST, { email: person.email, password: PASSWORD })
    secrets.push(cookie.split('=')[1] as string)
    const added = await entriesAfter(before)
    expect(added.map((e) => e.action)).toEqual(['login'])
    expect(added[0]).toMatchObject({ actorKind: 'user', actorId: person.id, entity: 'cerdas.session' })
  })

  it('a failed login writes nothing', async () => {
    const before = await lastSeq()
    const res = await t.request(HOST, '/api/v1/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email: person.email, password: 'bukan-sandinya-1' }),
    })
    expect(res.status).toBe(401)
    expect(await entriesAfter(before)).toEqual([])
  })

  it('invitation sent by the logged-in person (session cookie)', async () => {
    const { entry, json } = await oneEntry(
      'invite',
      () =>
        t.request(HOST, '/api/v1/users/invitations', {
          method: 'POST',
          headers: { cookie, ...sameOrigin },
          body: JSON.stringify({ email: 'baru@toba.example', name: 'Pegawai Baru', grants: [{ role: 'viewer' }] }),
        }),
      { status: 201, action: 'invite', entity: 'cerdas.user', actorKind: 'user', actorId: () => person.id },
    )
    const body = json as { user: { id: string }; invitationUrl: string }
    invitedId = body.user.id
    secrets.push(linkTokenOf(body.invitationUrl))
    expect(entry.entityId).toBe(invitedId)
  })

  it('roles changed by the logged-in person, with before and after', async () => {
    const { entry } = await oneEntry(
      'roles',
      () =>
        t.request(HOST, `/api/v1/users/${invitedId}/roles`, {
          method: 'PUT',
          headers: { cookie, ...sameOrigin },
          body: JSON.stringify({ grants: [{ role: 'editor', dimension: 'economy' }] }),
        }),
      { status: 200, action: 'set-roles', entity: 'cerdas.user', actorKind: 'user', actorId: () => person.id },
    )
    expect(entry.entityId).toBe(invitedId)
    expect(entry.before).toMatchObject({ grants: [{ role: 'viewer', dimension: null }] })
    expect(entry.after).toMatchObject({ grants: [{ role: 'editor', dimension: 'economy' }] })
  })

  it('token created by the operator (the secret is not recorded)', async () => {
    const { entry, json } = await oneEntry(
      'token create',
      () =>
        t.request(HOST, '/api/v1/tokens', {
          method: 'POST',
          token: TEST_OPERATOR_TOKEN,
          body: JSON.stringify({ name: 'Integrasi SIAK', grants: [{ role: 'viewer' }] }),
        }),
      { status: 201, action: 'create', entity: 'cerdas.api_token', actorKind: 'operator', actorId: () => operatorId },
    )
    const body = json as { token: { id: string }; secret: string }
    createdTokenId = body.token.id
    secrets.push(body.secret)
    expect(entry.entityId).toBe(createdTokenId)
  })

  it('token revoked by an admin token', async () => {
    const { entry } = await oneEntry(
      'token revoke',
      () => t.request(HOST, `/api/v1/tokens/${createdTokenId}`, { method: 'DELETE', token: admin.secret }),
      { status: 200, action: 'revoke', entity: 'cerdas.api_token', actorKind: 'token', actorId: () => admin.id },
    )
    expect(entry.entityId).toBe(createdTokenId)
    expect(entry.after).toMatchObject({ id: createdTokenId, revokedAt: expect.any(String) })
  })

  it('announcement deleted by the logged-in person', async () => {
    const { entry } = await oneEntry(
      'delete',
      () =>
        t.request(HOST, `/api/v1/announcements/${announcementId}`, {
          method: 'DELETE',
          headers: { cookie, ...sameOrigin },
        }),
      {
        status: 204,
        action: 'delete',
        entity: 'announcements.announcement',
        actorKind: 'user',
        actorId: () => person.id,
      },
    )
    expect(entry.entityId).toBe(announcementId)
    expect(entry.before).toMatchObject({ id: announcementId })
  })

  it('refused writes and reads write nothing', async () => {
    const before = await lastSeq()
    const refused = await t.request(HOST, `/api/v1/users/${invitedId}/roles`, {
      method: 'PUT',
      token: editor.secret,
      body: JSON.stringify({ grants: [{ role: 'admin' }] }),
    })
    await expectProblem(refused, 403, problemType('forbidden'))
    await getAudit('')
    await t.request(HOST, '/api/v1/announcements')
    expect(await entriesAfter(before)).toEqual([])
  })

  it('logout by the person', async () => {
    const before = await lastSeq()
    const res = await t.request(HOST, '/api/v1/auth/logout', { method: 'POST', headers: { cookie, ...sameOrigin } })
    expect(res.status).toBe(204)
    const added = await entriesAfter(before)
    expect(added.map((e) => e.action)).toEqual(['logout'])
    expect(added[0]).toMatchObject({ actorKind: 'user', actorId: person.id })
  })

  it('holds no secret: no token, password, link or session id', async () => {
    const db = await tenantDbOf(t, SLUG)
    const dump = JSON.stringify((await db.$client.execute('SELECT * FROM cerdas_audit_log')).rows)
    expect(secrets.length).toBeGreaterThanOrEqual(9)
    for (const secret of secrets) expect(dump).not.toContain(secret)
    expect(dump).not.toMatch(/password_hash|\$argon2/)
  })

  describe('GET /audit', () => {
    it('filters by entity and record, newest first', async () => {
      const items = await getAudit(`?entity=announcements.announcement&entityId=${announcementId}`)
      expect(items.map((e) => e.action)).toEqual(['delete', 'verify', 'update', 'create'])
      expect(items.every((e) => e.entityId === announcementId)).toBe(true)
      const seqs = items.map((e) => e.seq)
      expect([...seqs].sort((x, y) => y - x)).toEqual(seqs)
    })

    it('filters by actor and by action', async () => {
      const byOperator = await getAudit(`?actorId=${operatorId}`)
      expect(byOperator.length).toBeGreaterThanOrEqual(2)
      expect(byOperator.every((e) => e.actorId === operatorId && e.actorKind === 'operator')).toBe(true)
      const logins = await getAudit('?action=login')
      expect(logins.map((e) => e.actorId)).toEqual([person.id])
      expect(await getAudit('?action=nothing-like-this')).toEqual([])
    })

    it('pages with limit and beforeSeq', async () => {
      const all = await getAudit('?limit=200')
      expect(all.length).toBeGreaterThan(4)
      const page = await getAudit('?limit=2')
      expect(page).toEqual(all.slice(0, 2))
      const next = await getAudit(`?limit=2&beforeSeq=${page[1]?.seq}`)
      expect(next).toEqual(all.slice(2, 4))
    })

    it('needs the audit permission', async () => {
      await expectProblem(await t.request(HOST, '/api/v1/audit', { token: editor.secret }), 403)
      await expectProblem(await t.request(HOST, '/api/v1/audit'), 401)
      await expectProblem(await t.request(HOST, '/api/v1/audit/verification'), 401)
    })

    it('GET /audit/verification reports an unbroken chain with every entry', async () => {
      const res = await t.request(HOST, '/api/v1/audit/verification', { token: viewer.secret })
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ ok: true, entries: await lastSeq() })
    })
  })
})

describe('tampering is found', () => {
  const SAMOSIR = 'samosir.localhost'
  const verification = async () => {
    const res = await t.request(SAMOSIR, '/api/v1/audit/verification', { token: TEST_OPERATOR_TOKEN })
    expect(res.status).toBe(200)
    return (await res.json()) as {
      ok: boolean
      entries: number
      brokenAt?: { seq: number; id: string; reason: string }
    }
  }

  beforeAll(async () => {
    for (let i = 0; i < 4; i++) {
      const res = await t.request(SAMOSIR, '/api/v1/announcements', {
        method: 'POST',
        token: TEST_OPERATOR_TOKEN,
        body: JSON.stringify({ title: { id: `Catatan ${i}` }, body: { id: 'Isi' }, category: 'general' }),
      })
      expect(res.status).toBe(201)
    }
  })

  it('the database refuses edits and deletes while its triggers stand', async () => {
    const db = await tenantDbOf(t, 'samosir')
    await expect(db.$client.execute("UPDATE cerdas_audit_log SET after = '{}'")).rejects.toThrow(/append-only/)
    await expect(db.$client.execute('DELETE FROM cerdas_audit_log')).rejects.toThrow(/append-only/)
    expect((await verification()).ok).toBe(true)
  })

  it("an edited entry's after is reported at its seq; undoing the edit makes the chain whole again", async () => {
    const db = await tenantDbOf(t, 'samosir')
    await db.$client.execute('DROP TRIGGER cerdas_audit_log_no_update')
    await db.$client.execute('DROP TRIGGER cerdas_audit_log_no_delete')
    const entries = (await listAudit(db, { limit: 1000 })).reverse()
    expect(entries.length).toBeGreaterThanOrEqual(4)
    const target = entries[entries.length - 3] as Entry
    const original = (
      await db.$client.execute({ sql: 'SELECT after FROM cerdas_audit_log WHERE seq = ?', args: [target.seq] })
    ).rows[0]?.after as string
    const edited = JSON.stringify({ ...(JSON.parse(original) as object), title: { id: 'Dipalsukan' } })
    await db.$client.execute({ sql: 'UPDATE cerdas_audit_log SET after = ? WHERE seq = ?', args: [edited, target.seq] })
    const broken = await verification()
    expect(broken.ok).toBe(false)
    expect(broken.brokenAt).toMatchObject({ seq: target.seq, id: target.id })
    expect(broken.brokenAt?.reason).toMatch(/content/)

    await db.$client.execute({
      sql: 'UPDATE cerdas_audit_log SET after = ? WHERE seq = ?',
      args: [original, target.seq],
    })
    expect((await verification()).ok).toBe(true)
  })

  it('a deleted entry is reported at the entry after it', async () => {
    const db = await tenantDbOf(t, 'samosir')
    const entries = (await listAudit(db, { limit: 1000 })).reverse()
    const victim = entries[entries.length - 3] as Entry
    const next = entries[entries.length - 2] as Entry
    await db.$client.execute({ sql: 'DELETE FROM cerdas_audit_log WHERE seq = ?', args: [victim.seq] })
    const broken = await verification()
    expect(broken.ok).toBe(false)
    expect(broken.entries).toBe(entries.length - 1)
    expect(broken.brokenAt).toMatchObject({ seq: next.seq, id: next.id })
    expect(broken.brokenAt?.reason).toMatch(/previous/)
  })
})

describe('concurrent appends keep one chain', () => {
  it('50 appends at once through two platforms on the same files', async () => {
    const second = await createPlatform({
      dataDir: t.dataDir,
      templatesDir: TEMPLATES_DIR,
      platformHost: 'localhost',
      modules,
      hostCacheTtlMs: 0,
    })
    try {
      const one = await tenantDbOf(t, SLUG)
      const tenant = await second.tenantBySlug(SLUG)
      if (!tenant) throw new Error('toba missing on the second platform')
      const two = await second.tenantDb(tenant.record)
      expect(two.$client).not.toBe(one.$client)
      const before = await lastSeq()
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          appendAudit(
            i % 2 === 0 ? one : two,
            { kind: 'system', id: `writer-${i % 2}` },
            { action: 'concurrent', entity: 'test.entry', entityId: `e${i}` },
            new Date(),
          ),
        ),
      )
      const added = await entriesAfter(before)
      expect(added.length).toBe(50)
      expect(new Set(added.map((e) => e.entityId)).size).toBe(50)
      expect(added.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => before + 1 + i))
      expect(await verifyAuditChain(one)).toEqual({ ok: true, entries: before + 50 })
      expect(await verifyAuditChain(two)).toEqual({ ok: true, entries: before + 50 })
    } finally {
      second.close()
    }
  })

  it('20 concurrent API writes keep one chain too', async () => {
    const before = await lastSeq()
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.request(HOST, '/api/v1/announcements', {
          method: 'POST',
          token: TEST_OPERATOR_TOKEN,
          body: JSON.stringify({ title: { id: `Serentak ${i}` }, body: { id: 'Isi' }, category: 'general' }),
        }),
      ),
    )
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(201))
    expect((await entriesAfter(before)).length).toBe(20)
    expect((await verifyAuditChain(await tenantDbOf(t, SLUG))).ok).toBe(true)
  })
})
