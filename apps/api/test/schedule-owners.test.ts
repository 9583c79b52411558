import { type AdminEntity, problemType, type TenantContext, type TenantDb } from '@cerdas/core'
import { applyImport, findConsoleEntity, migrateTenant, planImport } from '@cerdas/platform'
import { createTestPlatform, expectProblem, TEST_OPERATOR_TOKEN, type TestPlatform, tenantDbOf } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiFixtures } from './support/fixtures'
import { fetchOpenApi } from './support/openapi'

/**
 * A schedule's owner is checked with the module that owns the record and
 * stored by its canonical key (an office's or a service's slug), whether its
 * id (what the console shows) or its slug was given; one that does not exist
 * is refused where it is typed (API, console form, sheet import), and
 * schedules stored against an id before are moved to the slug by migration.
 */
const SLUG = 'toba'
const HOST = 'toba.localhost'
const VALIDATION = problemType('validation')

let t: TestPlatform
let db: TenantDb
let ctx: TenantContext

interface Owned {
  module: string
  type: string
  /** A record of the module: its id (`off_…`, `svc_…`) and its slug. */
  record: { id: string; slug: string }
}
const owners: Owned[] = []

const send = (method: string, path: string, body?: unknown) =>
  t.request(HOST, path, {
    method,
    token: TEST_OPERATOR_TOKEN,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })

const WEEKDAYS = { mo: [{ start: '00:00', end: '24:00' }] }
const scheduleBody = (owner: { module: string; type: string; id: string }) => ({
  owner,
  kind: 'hours',
  label: { id: 'Jam layanan' },
  definition: { weekly: WEEKDAYS },
})

const auditCount = async () =>
  Number((await db.$client.execute('SELECT COUNT(*) AS n FROM cerdas_audit_log')).rows[0]?.n)
const scheduleCount = async () =>
  Number((await db.$client.execute('SELECT COUNT(*) AS n FROM schedules_schedules')).rows[0]?.n)

/** Whether the owner's page has hours to show (not "Jam buka belum tercatat"): it looks them up by slug. */
async function hasHours(owner: Owned): Promise<boolean> {
  const query = new URLSearchParams({ ownerModule: owner.module, ownerType: owner.type, ownerId: owner.record.slug })
  const res = await t.request(HOST, `/api/v1/schedule-status?${query}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { hours: unknown }).hours !== null
}

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant(SLUG, { template: 'toba' })
  db = await tenantDbOf(t, SLUG)
  const tenant = await t.platform.tenantBySlug(SLUG)
  if (!tenant) throw new Error('no tenant')
  ctx = t.platform.context(tenant, db, { actor: { kind: 'cli', id: 'test' } })
  // A new office and a new service, without hours yet.
  const api = new ApiFixtures(t, SLUG, await fetchOpenApi(t, HOST))
  for (const [module, type, collection] of [
    ['directory', 'office', '/api/v1/directory/offices'],
    ['services', 'service', '/api/v1/services'],
  ] as const) {
    const id = await api.createRecord(collection)
    const table = module === 'directory' ? 'directory_offices' : 'services_services'
    const slug = String(
      (await db.$client.execute({ sql: `SELECT slug FROM ${table} WHERE id = ?`, args: [id] })).rows[0]?.slug,
    )
    owners.push({ module, type, record: { id, slug } })
  }
})
afterAll(() => t?.close())

describe('schedule owners', () => {
  it('starts from an office and a service whose ids are not their slugs, without hours', async () => {
    expect(owners.map((o) => o.record.id.slice(0, 4))).toEqual(['off_', 'svc_'])
    for (const owner of owners) expect(await hasHours(owner), owner.type).toBe(false)
  })

  it.each(['id', 'slug'] as const)(
    'accepts the owner by its %s and stores the slug, so the owner shows its hours',
    async (by) => {
      for (const owner of owners) {
        const res = await send(
          'POST',
          '/api/v1/schedules',
          scheduleBody({ module: owner.module, type: owner.type, id: owner.record[by] }),
        )
        expect(res.status, await res.clone().text()).toBe(201)
        const created = (await res.json()) as { id: string; owner: { id: string } }
        expect(created.owner.id).toBe(owner.record.slug)
        expect(await hasHours(owner), `${owner.type} by ${by}`).toBe(true)
        expect((await send('DELETE', `/api/v1/schedules/${created.id}`)).status).toBe(204)
      }
    },
  )

  it('refuses an owner that does not exist with a 422 at the field, on create, OSM import and update', async () => {
    const existing = await send(
      'POST',
      '/api/v1/schedules',
      scheduleBody({ module: 'directory', type: 'office', id: owners[0]?.record.id as string }),
    )
    const scheduleId = ((await existing.json()) as { id: string }).id
    const bad = [
      ...owners.map((o) => ({ owner: { module: o.module, type: o.type, id: `${o.record.slug}-tidak-ada` }, at: 'id' })),
      // Another module's id is no office.
      { owner: { module: 'directory', type: 'office', id: owners[1]?.record.id as string }, at: 'id' },
      { owner: { module: 'directory', type: 'loket', id: owners[0]?.record.id as string }, at: 'type' },
      { owner: { module: 'pariwisata', type: 'tempat', id: 'danau-toba' }, at: 'type' },
    ]
    const before = { audit: await auditCount(), schedules: await scheduleCount() }
    for (const { owner, at } of bad) {
      const label = `${owner.module}/${owner.type}/${owner.id}`
      const attempts = [
        send('POST', '/api/v1/schedules', scheduleBody(owner)),
        send('POST', '/api/v1/schedules/import', {
          owner,
          kind: 'hours',
          label: { id: 'Impor' },
          openingHours: 'Mo 08:00-16:00',
        }),
        send('PATCH', `/api/v1/schedules/${scheduleId}`, { owner }),
      ]
      for (const res of await Promise.all(attempts)) {
        const problem = await expectProblem(res, 422, VALIDATION)
        const errors = (problem as { errors?: { pointer: string }[] }).errors
        expect(
          errors?.map((e) => e.pointer),
          label,
        ).toEqual([`/owner/${at}`])
      }
    }
    expect({ audit: await auditCount(), schedules: await scheduleCount() }).toEqual(before)
    const kept = (await (await send('GET', `/api/v1/schedules/${scheduleId}`)).json()) as { owner: { id: string } }
    expect(kept.owner.id).toBe(owners[0]?.record.slug)
    expect((await send('DELETE', `/api/v1/schedules/${scheduleId}`)).status).toBe(204)
  })

  it('reports a sheet row whose owner does not exist as a row error, and imports an id as the slug', async () => {
    const entity = findConsoleEntity(t.platform.modules, ctx.tenant, 'schedules', 'schedule')?.entity as AdminEntity
    const office = owners[0] as Owned
    const table = [
      ['label.id', 'owner.module', 'owner.type', 'owner.id', 'kind'],
      ['Jam dari lembar', 'directory', 'office', office.record.id, 'hours'],
      ['Jam salah', 'directory', 'office', 'kantor-tidak-ada', 'hours'],
    ]
    const plan = await planImport(ctx, entity, table)
    expect(plan.rows.map((r) => r.errors.map((e) => e.field))).toEqual([[], ['owner.id']])
    expect(plan.rows[1]?.errors[0]?.message).toContain('kantor-tidak-ada')
    const good = await planImport(ctx, entity, table.slice(0, 2))
    expect(await applyImport(ctx, entity, good)).toMatchObject({ created: 1 })
    const stored = await db.$client.execute(
      "SELECT owner_id FROM schedules_schedules WHERE label_id = 'Jam dari lembar'",
    )
    expect(stored.rows.map((r) => r.owner_id)).toEqual([office.record.slug])
  })

  it('moves schedules stored against an id to the slug when the tenant is migrated', async () => {
    const tenant = await t.platform.tenantBySlug(SLUG)
    if (!tenant) throw new Error('no tenant')
    await db.$client.execute("DELETE FROM schedules_schedules WHERE label_id = 'Jam dari lembar'")
    // As the console used to store them: the id it shows.
    const now = new Date().toISOString()
    for (const owner of owners) {
      await db.$client.execute({
        sql: `INSERT INTO schedules_schedules (id, owner_module, owner_type, owner_id, kind, label_id, services,
            definition, closed_on_holidays, created_at, updated_at)
          VALUES (?, ?, ?, ?, 'hours', 'Jam lama', '[]', ?, 0, ?, ?)`,
        args: [
          `sch_lama_${owner.type}`,
          owner.module,
          owner.type,
          owner.record.id,
          JSON.stringify({ zone: 'Asia/Jakarta', weekly: WEEKDAYS, closedOnHolidays: false }),
          now,
          now,
        ],
      })
      expect(await hasHours(owner), `${owner.type} before the migration`).toBe(false)
    }
    // As an older version left it: without the migration in its ledger, nor the mark of a current schema.
    await db.$client.execute("DELETE FROM cerdas_migrations WHERE id = '0002_schedule_owners_by_slug'")
    await db.$client.execute('PRAGMA user_version = 0')
    const result = await migrateTenant(t.platform, tenant.record)
    expect(result.applied.map((m) => `${m.owner}/${m.id}`)).toEqual([
      'directory/0002_schedule_owners_by_slug',
      'services/0002_schedule_owners_by_slug',
    ])
    for (const owner of owners) {
      const row = await db.$client.execute({
        sql: 'SELECT owner_id FROM schedules_schedules WHERE id = ?',
        args: [`sch_lama_${owner.type}`],
      })
      expect(row.rows[0]?.owner_id).toBe(owner.record.slug)
      expect(await hasHours(owner), `${owner.type} after the migration`).toBe(true)
    }
  })
})
