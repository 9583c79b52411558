import { readdirSync, readlinkSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { collectClosedConnections, createTestPlatform, TEST_OPERATOR_TOKEN, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// Several tenants on a platform that keeps two open: requests to the others evict any one of them.
const SLUGS = ['dairi', 'karo', 'nias', 'samosir']
let tp: TestPlatform
const files = new Map<string, string>()

beforeAll(async () => {
  tp = await createTestPlatform({ maxOpenTenants: 2 })
  for (const slug of SLUGS) {
    await tp.createTenant(slug)
    const resolved = await tp.platform.tenantBySlug(slug)
    if (!resolved) throw new Error(`${slug} missing`)
    files.set(slug, fileURLToPath(tp.platform.tenantDbUrl(resolved.record)))
  }
}, 60_000)

afterAll(() => tp?.close())

/** Descriptors of this process open on a tenant's database, its WAL or its shared-memory file. */
function descriptorsOn(slug: string): number {
  const file = files.get(slug) as string
  let count = 0
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`)
      if (target === file || target === `${file}-wal` || target === `${file}-shm`) count++
    } catch {
      // The descriptor of the listing itself, closed by now.
    }
  }
  return count
}

async function visit(...slugs: string[]) {
  for (const slug of slugs) {
    const res = await tp.request(`${slug}.localhost`, '/api/v1/announcements')
    expect(res.status).toBe(200)
    await res.arrayBuffer()
  }
}

async function record(slug: string) {
  const resolved = await tp.platform.tenantBySlug(slug)
  if (!resolved) throw new Error(`${slug} missing`)
  return resolved.record
}

describe.skipIf(process.platform !== 'linux')('tenant databases evicted from the connection cache', () => {
  it('stay open and usable while held, and close once the last holder releases them', async () => {
    // Two requests in flight hold dairi and karo; one for nias needs room, so dairi is evicted.
    const dairi = await tp.platform.acquireTenantDb(await record('dairi'))
    const karo = await tp.platform.acquireTenantDb(await record('karo'))
    await collectClosedConnections()
    const open = descriptorsOn('dairi')
    expect(open).toBeGreaterThan(0)
    await visit('nias')
    await collectClosedConnections()
    expect(tp.platform.stats()).toMatchObject({ openTenantDatabases: 2, closingTenantDatabases: 1 })
    expect(descriptorsOn('dairi')).toBe(open)
    const still = await dairi.db.$client.execute('SELECT count(*) AS n FROM cerdas_migrations')
    expect(Number(still.rows[0]?.n)).toBeGreaterThan(0)

    // A request for it meanwhile takes the held database back rather than opening the file again
    // (nias, held by nobody, makes room and closes at once).
    await visit('dairi')
    await collectClosedConnections()
    expect(descriptorsOn('dairi')).toBe(open)
    expect(descriptorsOn('nias')).toBe(0)
    expect(tp.platform.stats().closingTenantDatabases).toBe(0)

    // Karo is evicted while held, stays open, and closes the moment it is released.
    await visit('samosir')
    await collectClosedConnections()
    expect(tp.platform.stats().closingTenantDatabases).toBe(1)
    expect(descriptorsOn('karo')).toBeGreaterThan(0)
    karo.release()
    await collectClosedConnections()
    expect(descriptorsOn('karo')).toBe(0)
    expect(tp.platform.stats()).toMatchObject({ openTenantDatabases: 2, closingTenantDatabases: 0 })
    dairi.release()
    await collectClosedConnections()
    expect(descriptorsOn('dairi')).toBe(open) // still in the cache: released, not evicted
  })

  it('leaves no descriptors behind after requests: only the open tenants hold any, round after round', async () => {
    const perRound: number[] = []
    for (let round = 0; round < 4; round++) {
      await visit(...SLUGS, ...SLUGS.slice().reverse())
      await collectClosedConnections()
      perRound.push(SLUGS.reduce((sum, slug) => sum + descriptorsOn(slug), 0))
      expect(tp.platform.stats().closingTenantDatabases).toBe(0)
    }
    // The two most recent tenants hold descriptors (a connection's file, WAL and shared memory); the others none.
    expect(descriptorsOn('nias')).toBe(0)
    expect(descriptorsOn('samosir')).toBe(0)
    expect(descriptorsOn('karo')).toBeGreaterThan(0)
    expect(descriptorsOn('dairi')).toBeGreaterThan(0)
    expect(new Set(perRound).size).toBe(1)
  })

  it('reports the open descriptors of the process in its stats', () => {
    const { openFileDescriptors } = tp.platform.stats()
    expect(openFileDescriptors).toBeGreaterThan(descriptorsOn('dairi'))
  })

  it('are shown in /metrics: open and closing databases, and the descriptors on their files', async () => {
    // Requests in flight on dairi and karo; one for nias evicts dairi, which stays open while held.
    const held = [
      await tp.platform.acquireTenantDb(await record('dairi')),
      await tp.platform.acquireTenantDb(await record('karo')),
    ]
    await visit('nias')
    await collectClosedConnections()
    const res = await tp.request('localhost', '/metrics', { token: TEST_OPERATOR_TOKEN })
    expect(res.status).toBe(200)
    const text = await res.text()
    const value = (line: string) =>
      Number(new RegExp(`^${line.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1])
    const stats = tp.platform.stats()
    expect(value('cerdas_tenant_databases{state="open"}')).toBe(2)
    expect(value('cerdas_tenant_databases{state="closing"}')).toBe(1)
    expect(stats.closingTenantDatabases).toBe(1)
    expect(value('cerdas_tenant_database_fds')).toBe(SLUGS.reduce((sum, slug) => sum + descriptorsOn(slug), 0))
    for (const lease of held) lease.release()
  })
})
