import type { TenantDb } from '@cerdas/core'
import { createTestPlatform, createTestToken, expectProblem, type TestPlatform, tenantDbOf } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiServerProcess, KeepAliveClient, startApiServer } from './support/server-process'

const SLUG = 'toba'
const HOST = 'toba.localhost'

let t: TestPlatform
let db: TenantDb
let admin: { id: string; secret: string }
/** A seeded service with a presence schedule of its own, and a seeded office. */
let serviceSlug: string
let officeSlug: string

const count = async (sql: string, args: (string | number)[] = []) =>
  Number((await db.$client.execute({ sql, args })).rows[0]?.n)

/** Everything one write could touch: the rows, their audit entries and the search index. */
async function snapshot() {
  const tables = [
    'announcements_items',
    'services_services',
    'schedules_schedules',
    'cerdas_audit_log',
    'cerdas_search_documents',
  ]
  const counts: Record<string, number> = {}
  for (const table of tables) counts[table] = await count(`SELECT COUNT(*) AS n FROM ${table}`)
  const service = await db.$client.execute({
    sql: 'SELECT * FROM services_services WHERE slug = ?',
    args: [serviceSlug],
  })
  return { counts, service: JSON.stringify(service.rows[0]) }
}

async function send(method: string, path: string, body?: unknown) {
  return t.request(HOST, path, {
    method,
    token: admin.secret,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

/** Makes the tenant's audit log refuse new entries (of one entity, or all): a failing append, for real. */
async function breakAuditAppends(entity?: string) {
  await db.$client.execute(`CREATE TRIGGER test_audit_fails BEFORE INSERT ON cerdas_audit_log
    ${entity ? `WHEN NEW.entity = '${entity}'` : ''}
    BEGIN SELECT RAISE(ABORT, 'injected audit failure'); END`)
}
const repairAuditAppends = () => db.$client.execute('DROP TRIGGER test_audit_fails')

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant(SLUG, { template: 'toba' })
  db = await tenantDbOf(t, SLUG)
  admin = await createTestToken(t, SLUG, [{ role: 'admin', dimension: null }])
  serviceSlug = String((await db.$client.execute('SELECT slug FROM services_services LIMIT 1')).rows[0]?.slug)
  // A presence schedule of the service's own, which deleting the service deletes with it.
  const schedule = await send('POST', '/api/v1/schedules', {
    owner: { module: 'services', type: 'service', id: serviceSlug },
    kind: 'presence',
    label: { id: 'Petugas loket' },
    definition: { weekly: { mo: [{ start: '08:00', end: '12:00' }] } },
  })
  expect(schedule.status, await schedule.clone().text()).toBe(201)
  officeSlug = String((await db.$client.execute('SELECT slug FROM directory_offices LIMIT 1')).rows[0]?.slug)
})
afterAll(() => t?.close())

describe('a write and its audit entry commit together or not at all', () => {
  it('refuses an audit entry outside a transaction, so no write can forget its own', async () => {
    const tenant = await t.platform.tenantBySlug(SLUG)
    if (!tenant) throw new Error('toba missing')
    const ctx = t.platform.context(tenant, db)
    const before = await count('SELECT COUNT(*) AS n FROM cerdas_audit_log')
    await expect(ctx.audit({ action: 'update', entity: 'test.thing', entityId: 'x' })).rejects.toThrow(/transaction/)
    expect(await count('SELECT COUNT(*) AS n FROM cerdas_audit_log')).toBe(before)
  })

  it('a create whose audit append fails leaves no row and no search entry', async () => {
    const before = await snapshot()
    await breakAuditAppends()
    try {
      const res = await send('POST', '/api/v1/announcements', {
        title: { id: 'Tidak tercatat' },
        body: { id: 'Isi' },
        category: 'general',
      })
      expect(await res.clone().text()).not.toContain('injected')
      await expectProblem(res, 500)
    } finally {
      await repairAuditAppends()
    }
    expect(await snapshot()).toEqual(before)
    expect(await count("SELECT COUNT(*) AS n FROM announcements_items WHERE title_id = 'Tidak tercatat'")).toBe(0)
  })

  it('an update whose audit append fails keeps the stored record as it was', async () => {
    const before = await snapshot()
    await breakAuditAppends()
    try {
      const res = await send('PATCH', `/api/v1/services/${serviceSlug}`, {
        onlineUrl: 'https://contoh.example/layanan',
      })
      await expectProblem(res, 500)
    } finally {
      await repairAuditAppends()
    }
    expect(await snapshot()).toEqual(before)
  })

  it('a delete with dependents is undone whole when its last audit entry fails', async () => {
    const service = (
      await db.$client.execute({ sql: 'SELECT id FROM services_services WHERE slug = ?', args: [serviceSlug] })
    ).rows[0]
    const owned = await count('SELECT COUNT(*) AS n FROM schedules_schedules WHERE owner_id IN (?, ?)', [
      String(service?.id),
      serviceSlug,
    ])
    expect(owned, 'the seeded service has a presence schedule').toBeGreaterThan(0)
    const before = await snapshot()
    // The schedules' own entries go in first; the service's entry is the one that fails.
    await breakAuditAppends('services.service')
    try {
      await expectProblem(await send('DELETE', `/api/v1/services/${serviceSlug}`), 500)
    } finally {
      await repairAuditAppends()
    }
    expect(await snapshot()).toEqual(before)
  })

  it('with appends working again, the same writes succeed and the chain verifies', async () => {
    const res = await send('POST', '/api/v1/announcements', {
      title: { id: 'Tercatat' },
      body: { id: 'Isi' },
      category: 'general',
    })
    expect(res.status).toBe(201)
    const tenant = await t.platform.tenantBySlug(SLUG)
    if (!tenant) throw new Error('toba missing')
    expect(await t.platform.verifyAudit(tenant.record.id, db)).toMatchObject({ ok: true })
  })
})

type Stamped = { verification: { verified: boolean; verifiedAt: string | null; verifiedBy: string | null } }

describe('verification vouches for what was checked', () => {
  const created = async (path: string, body: unknown) => {
    const res = await send('POST', path, body)
    expect(res.status, await res.clone().text()).toBe(201)
    return `${path}/${((await res.json()) as { id: string }).id}`
  }
  /** Each kind of verified record: where it is, the field an unchanged save sends, and an edit. */
  const cases: { name: string; path: () => Promise<string>; same: string; change: Record<string, unknown> }[] = [
    {
      name: 'a service when its online address changes',
      path: async () => `/api/v1/services/${serviceSlug}`,
      same: 'name',
      change: { onlineUrl: 'https://contoh.example/urus' },
    },
    {
      name: 'an office when its kecamatan changes',
      path: async () => `/api/v1/directory/offices/${officeSlug}`,
      same: 'name',
      change: { kecamatan: 'Laguboti' },
    },
    {
      name: 'an announcement when its title changes',
      path: () =>
        created('/api/v1/announcements', { title: { id: 'Diperiksa' }, body: { id: 'Isi' }, category: 'general' }),
      same: 'title',
      change: { title: { id: 'Judul baru' } },
    },
    {
      name: 'a schedule when it moves to another owner',
      path: () =>
        created('/api/v1/schedules', {
          owner: { module: 'directory', type: 'office', id: officeSlug },
          kind: 'hours',
          label: { id: 'Jam diperiksa' },
          definition: { weekly: { mo: [{ start: '08:00', end: '12:00' }] } },
        }),
      same: 'label',
      // Read when the test runs: the service is only known after the tenant is made.
      get change() {
        return { owner: { module: 'services', type: 'service', id: serviceSlug } }
      },
    },
    {
      name: 'a holiday when its name changes',
      path: () => created('/api/v1/holidays', { date: '2027-12-30', name: { id: 'Libur daerah' }, kind: 'regional' }),
      same: 'name',
      change: { name: { id: 'Hari lain' } },
    },
    {
      name: 'a position when its title changes',
      path: () => created('/api/v1/directory/positions', { officeId: officeSlug, title: { id: 'Kepala Bidang' } }),
      same: 'title',
      change: { title: { id: 'Sekretaris' } },
    },
  ]
  for (const c of cases) {
    it(`clears the stamp of ${c.name}; an unchanged save keeps it`, async () => {
      const path = await c.path()
      const verified = await send('POST', `${path}/verify`, { source: 'Papan informasi kantor' })
      expect(verified.status, await verified.clone().text()).toBe(200)
      const current = (await verified.json()) as Record<string, unknown> & Stamped
      expect(current.verification.verified).toBe(true)

      // Saving what is stored (the form's "save" with no edits) changes nothing the verifier saw.
      const same = await send('PATCH', path, { [c.same]: current[c.same] })
      expect(same.status, await same.clone().text()).toBe(200)
      expect(((await same.json()) as Stamped).verification.verified).toBe(true)

      const changed = await send('PATCH', path, c.change)
      expect(changed.status, await changed.clone().text()).toBe(200)
      const after = ((await changed.json()) as Stamped).verification
      expect(after).toMatchObject({ verified: false, verifiedAt: null, verifiedBy: null })
      const read = await t.request(HOST, path)
      if (read.status === 200) {
        const body = (await read.json()) as Record<string, unknown>
        // Services and offices come with their context: the record itself is under its own name.
        expect(((body.service ?? body.office ?? body) as Stamped).verification.verified).toBe(false)
      }
    })
  }
})

describe('concurrent writers in two processes keep one signed, anchored chain', () => {
  let servers: ApiServerProcess[] = []
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()))
  })

  it('40 writes through two server processes: every one audited once, the chain and its anchor verify', async () => {
    servers = await Promise.all([startApiServer(t.dataDir), startApiServer(t.dataDir)])
    const clients = servers.map((server) => new KeepAliveClient(server.port, HOST, 4))
    const seqBefore = await count('SELECT COALESCE(MAX(seq), 0) AS n FROM cerdas_audit_log')
    const answers = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const res = await clients[i % 2]?.send('/api/v1/announcements', {
          method: 'POST',
          headers: { authorization: `Bearer ${admin.secret}`, 'content-type': 'application/json' },
          body: JSON.stringify({ title: { id: `Dua proses ${i}` }, body: { id: 'Isi' }, category: 'general' }),
        })
        return res?.status
      }),
    )
    expect(answers).toEqual(Array(40).fill(201))
    const added = await db.$client.execute({
      sql: 'SELECT entity_id, mac FROM cerdas_audit_log WHERE seq > ? ORDER BY seq',
      args: [seqBefore],
    })
    expect(added.rows.length).toBe(40)
    expect(new Set(added.rows.map((r) => r.entity_id)).size).toBe(40)
    expect(added.rows.every((r) => typeof r.mac === 'string' && r.mac.length === 64)).toBe(true)
    const tenant = await t.platform.tenantBySlug(SLUG)
    if (!tenant) throw new Error('toba missing')
    expect(await t.platform.verifyAudit(tenant.record.id, db)).toEqual({ ok: true, entries: seqBefore + 40 })
    const anchor = await t.platform.controlPlane.$client.execute({
      sql: 'SELECT anchor_seq FROM tenant_audit_anchors WHERE tenant_id = ?',
      args: [tenant.record.id],
    })
    expect(Number(anchor.rows[0]?.anchor_seq)).toBe(seqBefore + 40)
  })
})
