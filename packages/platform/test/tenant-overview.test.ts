import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineModule, type TenantContext } from '@cerdas/core'
import announcements, { announcement } from '@cerdas/module-announcements'
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAudit } from '../src/audit-log'
import { setModuleEnabled } from '../src/module-enablement'
import { createPlatform, type Platform } from '../src/platform'
import { createTenant } from '../src/provision-tenant'
import { type TenantDbRunner, type TenantOverview, tenantOverview } from '../src/tenant-overview'

/** The view is read as of this instant, so "stale" does not depend on the day the test runs. */
const NOW = new Date('2026-12-01T00:00:00.000Z')
const FRESH = '2026-11-30T00:00:00.000Z'
const OLD = '2026-01-01T00:00:00.000Z'

/** A module without console entities: the view lists it and its version, with no counts. */
const notes = defineModule({
  id: 'notes',
  dimension: 'society',
  title: { id: 'Catatan' },
  schema: { items: sqliteTable('notes_items', { id: text('id').primaryKey() }) },
  migrations: [{ id: '0001_create', statements: ['CREATE TABLE notes_items (id TEXT PRIMARY KEY)'] }],
})

// The platform is made here rather than by ./support, which loads every registered module.
const root = mkdtempSync(join(tmpdir(), 'cerdas-overview-'))
const dataDir = join(root, 'data')
afterAll(() => {
  platform?.close()
  rmSync(root, { recursive: true, force: true })
})

/** A template enabling both modules, with no seed data. */
function templates(): string {
  const dir = join(root, 'templates')
  mkdirSync(join(dir, 'bare'), { recursive: true })
  writeFileSync(
    join(dir, 'bare', 'template.json'),
    JSON.stringify({
      description: 'Two modules, no data',
      tenant: {
        kind: 'kabupaten',
        province: 'Sumatera Utara',
        timezone: 'Asia/Jakarta',
        defaultLocale: 'id',
        locales: ['id', 'en'],
        hosts: [],
        branding: { primaryColor: '#0b5d7a', accentColor: '#c8102e' },
      },
      modules: { announcements: { enabled: true, settings: {} }, notes: { enabled: true, settings: {} } },
      reference: { districts: [] },
    }),
  )
  return dir
}

let platform: Platform

async function contextOf(slug: string, now?: Date): Promise<TenantContext> {
  const tenant = await platform.tenantBySlug(slug)
  if (!tenant) throw new Error(`no tenant ${slug}`)
  return platform.context(tenant, await platform.tenantDb(tenant.record), {
    actor: { kind: 'cli', id: 'cli', name: 'Penguji' },
    ...(now ? { now: () => now } : {}),
  })
}

async function addAnnouncement(slug: string, title: string, verifiedAt?: string) {
  const created = await announcement.create(await contextOf(slug), {
    title: { id: title },
    body: { id: `Isi ${title}` },
    category: 'general',
  })
  if (verifiedAt) await announcement.verify(await contextOf(slug, new Date(verifiedAt)), created.id, {})
}

const bySlug = (tenants: TenantOverview[]) => Object.fromEntries(tenants.map((t) => [t.slug, t]))

beforeAll(async () => {
  platform = await createPlatform({
    dataDir,
    modules: [announcements, notes],
    templatesDir: templates(),
    platformHost: 'localhost',
    hostCacheTtlMs: 0,
  })
  for (const slug of ['alpha', 'beta', 'gamma', 'delta']) await createTenant(platform, { slug, template: 'bare' })
  // alpha runs announcements only; beta keeps both modules.
  await setModuleEnabled(platform, 'alpha', 'notes', false)
  await addAnnouncement('alpha', 'Baru diperiksa', FRESH)
  await addAnnouncement('alpha', 'Lama diperiksa', OLD)
  await addAnnouncement('alpha', 'Belum diperiksa')
  await addAnnouncement('beta', 'Pengumuman beta')
  // gamma's database is a directory libSQL cannot open; delta's file is gone.
  mkdirSync(join(dataDir, 'not-a-database'))
  await platform.controlPlane.$client.execute({
    sql: 'UPDATE tenants SET db_url = ? WHERE slug = ?',
    args: [`file:${join(dataDir, 'not-a-database')}`, 'gamma'],
  })
  const gamma = await platform.tenantBySlug('gamma')
  if (gamma) platform.forget(gamma.record)
  const delta = await platform.tenantBySlug('delta')
  if (!delta) throw new Error('no delta')
  platform.forget(delta.record)
  for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, 'tenants', `delta.db${suffix}`), { force: true })
}, 60_000)

describe('tenantOverview', () => {
  it('counts records, never-verified and stale records per module of each tenant', async () => {
    const view = await tenantOverview(platform, { now: () => NOW })
    const tenants = bySlug(view.tenants)
    expect(view.tenants.map((t) => t.slug)).toEqual(['alpha', 'beta', 'delta', 'gamma'])

    const alpha = tenants.alpha as TenantOverview
    expect(alpha).toMatchObject({ outcome: 'ok', status: 'active', hosts: ['alpha.localhost'] })
    expect(alpha.modules.map((m) => m.id)).toEqual(['announcements'])
    expect(alpha.modules[0]).toMatchObject({
      id: 'announcements',
      dimension: 'governance',
      records: 3,
      neverVerified: 1,
      stale: 1,
      lastVerifiedAt: FRESH,
      truncated: false,
    })
    expect(alpha.modules[0]?.version).toMatch(/^\d{4}_/)

    const beta = tenants.beta as TenantOverview
    expect(beta.outcome).toBe('ok')
    expect(beta.modules.map((m) => m.id)).toEqual(['announcements', 'notes'])
    expect(beta.modules[0]).toMatchObject({ records: 1, neverVerified: 1, stale: 0, lastVerifiedAt: null })
    expect(beta.modules[1]).toMatchObject({
      id: 'notes',
      dimension: 'society',
      version: '0001_create',
      records: null,
      neverVerified: null,
      stale: null,
      lastWriteAt: null,
    })
    expect(beta.totals).toMatchObject({ records: 1, neverVerified: 1, stale: 0 })
    expect(view.totals).toMatchObject({ tenants: 4, ok: 2, failed: 2, records: 4, neverVerified: 2, stale: 1 })
    expect(view.totals.lastVerifiedAt).toBe(FRESH)
  })

  it('takes the last write of each module and of the tenant from its own audit log', async () => {
    const view = await tenantOverview(platform, { slugs: ['alpha', 'beta'], now: () => NOW })
    for (const tenant of view.tenants) {
      const ctx = await contextOf(tenant.slug)
      const [newest] = await listAudit(ctx.db, { limit: 1 })
      const [ofModule] = await listAudit(ctx.db, { limit: 1, modules: ['announcements'] })
      expect(ofModule).toBeDefined()
      expect(tenant.modules.find((m) => m.id === 'announcements')?.lastWriteAt).toBe(ofModule?.at)
      expect(tenant.totals?.lastWriteAt).toBe(newest?.at)
    }
    // alpha's announcements were written after its modules changed: its last write is an announcement's.
    const alpha = bySlug(view.tenants).alpha as TenantOverview
    expect(alpha.totals?.lastWriteAt).toBe(alpha.modules[0]?.lastWriteAt)
  })

  it('reports a broken and a missing database as failed, with the modules the control plane enables', async () => {
    const tenants = bySlug((await tenantOverview(platform, { now: () => NOW })).tenants)
    for (const slug of ['gamma', 'delta']) {
      const tenant = tenants[slug] as TenantOverview
      expect(tenant.outcome).toBe('failed')
      expect(tenant.error).toBeTruthy()
      expect(tenant.totals).toBeNull()
      expect(tenant.modules.map((m) => m.id)).toEqual(['announcements', 'notes'])
      expect(tenant.modules.every((m) => m.records === null && m.version === null)).toBe(true)
    }
    expect(tenants.delta?.error).toContain('missing')
    // Reading the view did not create an empty database in the missing one's place.
    expect(existsSync(join(dataDir, 'tenants', 'delta.db'))).toBe(false)
  })

  it('calls progress once per tenant, counting up to the total', async () => {
    const calls: [number, number, string][] = []
    await tenantOverview(platform, {
      concurrency: 3,
      onProgress: (done, total, t) => calls.push([done, total, t.slug]),
    })
    expect(calls.map(([done]) => done)).toEqual([1, 2, 3, 4])
    expect(calls.every(([, total]) => total === 4)).toBe(true)
    expect(calls.map(([, , slug]) => slug).sort()).toEqual(['alpha', 'beta', 'delta', 'gamma'])
  })

  it('never holds more tenant databases at once than the concurrency allows', async () => {
    for (const concurrency of [1, 2]) {
      let inFlight = 0
      let most = 0
      const counting: TenantDbRunner = async (record, work) => {
        inFlight++
        most = Math.max(most, inFlight)
        try {
          // Yields first, so every worker that may start does before any finishes.
          await new Promise((resolve) => setImmediate(resolve))
          return await platform.withTenantDb(record, work)
        } finally {
          inFlight--
        }
      }
      const view = await tenantOverview(platform, { concurrency, withTenantDb: counting })
      expect(view.totals.tenants).toBe(4)
      expect(most).toBe(concurrency)
      expect(inFlight).toBe(0)
    }
  })

  it('reports a tenant that does not answer in time as a timeout, and the others still', async () => {
    const stuck: TenantDbRunner = (record, work) =>
      record.slug === 'beta' ? new Promise(() => {}) : platform.withTenantDb(record, work)
    const tenants = bySlug(
      (await tenantOverview(platform, { slugs: ['alpha', 'beta'], timeoutMs: 50, withTenantDb: stuck })).tenants,
    )
    expect(tenants.beta).toMatchObject({ outcome: 'timeout', totals: null })
    expect(tenants.beta?.error).toContain('50 ms')
    expect(tenants.alpha?.outcome).toBe('ok')
  })

  it('refuses a concurrency out of bounds and an unknown tenant', async () => {
    for (const concurrency of [0, 33, 1.5]) {
      await expect(tenantOverview(platform, { concurrency })).rejects.toMatchObject({
        problem: { status: 422 },
      })
    }
    await expect(tenantOverview(platform, { slugs: ['alpha', 'atlantis'] })).rejects.toMatchObject({
      problem: { status: 404 },
    })
  })
})
