import { createPlatform, type Platform, updateModuleSettings } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import { createTestPlatform, TEMPLATES_DIR, TEST_OPERATOR_TOKEN, type TestPlatform } from '@cerdas/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createApiApp } from '../src/app'

const HOST = 'toba.localhost'
const LIST = '/api/v1/announcements'

let t: TestPlatform
/** A second server process on the same data directory, with its own read cache. */
let other: { platform: Platform; app: ReturnType<typeof createApiApp> }
/** The same data answered with no read cache at all: what every cached answer must equal. */
let uncached: { platform: Platform; app: ReturnType<typeof createApiApp> }

async function server(readCacheBytes?: number) {
  const platform = await createPlatform({
    dataDir: t.dataDir,
    templatesDir: TEMPLATES_DIR,
    platformHost: 'localhost',
    modules,
    hostCacheTtlMs: 0,
    ...(readCacheBytes === undefined ? {} : { readCacheBytes }),
  })
  return { platform, app: createApiApp({ platform }) }
}

const get = (
  app: { request: (url: string, init: RequestInit) => Response | Promise<Response> },
  path: string,
  headers: Record<string, string> = {},
) => app.request(`http://${HOST}${path}`, { headers: { host: HOST, ...headers } })

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('toba', { template: 'toba', name: 'Kabupaten Toba' })
  other = await server()
  uncached = await server(0)
})

afterAll(() => {
  other.platform.close()
  uncached.platform.close()
  t.close()
})

afterEach(() => {
  vi.useRealTimers()
})

async function announce(platform: 'this' | 'other', title: string, more: { publishAt?: string } = {}) {
  const headers = { host: HOST, authorization: `Bearer ${TEST_OPERATOR_TOKEN}` }
  const app = platform === 'this' ? t.app : other.app
  const res = await app.request(`http://${HOST}${LIST}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ title: { id: title }, body: { id: `Isi ${title}` }, category: 'general', ...more }),
  })
  expect(res.status, await res.clone().text()).toBe(201)
}

describe('read cache', () => {
  it('answers a repeated public read from the cache, the same as without a cache', async () => {
    const first = await get(t.app, LIST)
    const second = await get(t.app, LIST)
    expect(first.headers.get('x-cache')).toBe('MISS')
    expect(second.headers.get('x-cache')).toBe('HIT')
    const body = await second.text()
    expect(body).toBe(await first.text())
    expect(body).toBe(await (await get(uncached.app, LIST)).text())
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
    expect(second.headers.get('cache-control')).toBe('public, no-cache')
    expect(second.headers.get('content-type')).toMatch(/^application\/json/)
  })

  it('never serves a copy older than a write made in the same process', async () => {
    await get(t.app, LIST)
    expect((await get(t.app, LIST)).headers.get('x-cache')).toBe('HIT')
    await announce('this', 'Pemadaman listrik Balige')
    const after = await get(t.app, LIST)
    expect(after.headers.get('x-cache')).toBe('MISS')
    const body = await after.text()
    expect(body).toContain('Pemadaman listrik Balige')
    expect(body).toBe(await (await get(uncached.app, LIST)).text())
  })

  it('never serves a copy older than a write made by another process on the same database', async () => {
    await get(t.app, LIST)
    expect((await get(t.app, LIST)).headers.get('x-cache')).toBe('HIT')
    await announce('other', 'Jadwal kapal Ajibata berubah')
    const after = await get(t.app, LIST)
    expect(after.headers.get('x-cache')).toBe('MISS')
    expect(await after.text()).toContain('Jadwal kapal Ajibata berubah')
  })

  it('makes an answer once for visitors asking for it at the same moment', async () => {
    await announce('this', 'Lomba solu bolon')
    const answers = await Promise.all(Array.from({ length: 10 }, () => get(t.app, LIST)))
    const states = answers.map((res) => res.headers.get('x-cache'))
    expect(states.filter((state) => state === 'MISS')).toHaveLength(1)
    const bodies = new Set(await Promise.all(answers.map((res) => res.text())))
    expect(bodies.size).toBe(1)
  })

  it('ends the copies when another process changes a module’s settings in the control plane', async () => {
    await get(t.app, LIST)
    expect((await get(t.app, LIST)).headers.get('x-cache')).toBe('HIT')
    const tenant = await other.platform.tenantBySlug('toba')
    if (!tenant) throw new Error('no toba')
    const db = await other.platform.tenantDb(tenant.record)
    const ctx = other.platform.context(tenant, db, { actor: { kind: 'system', id: 'test' } })
    await updateModuleSettings(other.platform, ctx, 'announcements', { pageSize: 5, homeCount: 2 })
    expect((await get(t.app, LIST)).headers.get('x-cache')).toBe('MISS')
  })

  it('answers 304 to a client holding the current ETag, and 200 once a write changed the data', async () => {
    const first = await get(t.app, LIST)
    const etag = first.headers.get('etag') ?? ''
    expect(etag).toMatch(/^"[\w-]+"$/)
    const revalidated = await get(t.app, LIST, { 'if-none-match': etag })
    expect(revalidated.status).toBe(304)
    expect(await revalidated.text()).toBe('')
    expect(revalidated.headers.get('etag')).toBe(etag)
    await announce('this', 'Festival Danau Toba')
    const changed = await get(t.app, LIST, { 'if-none-match': etag })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
    expect(await changed.text()).toContain('Festival Danau Toba')
  })

  it('keeps apart what differs by language, and gzips for clients that accept it', async () => {
    const id = await get(t.app, LIST, { 'accept-language': 'id' })
    const en = await get(t.app, LIST, { 'accept-language': 'en' })
    expect(en.headers.get('x-cache')).toBe('MISS')
    expect(id.headers.get('vary')).toContain('Accept-Language')
    const zipped = await get(t.app, LIST, { 'accept-encoding': 'gzip' })
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    const plain = new TextDecoder().decode(
      await new Response(zipped.body?.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer(),
    )
    expect(plain).toBe(await (await get(uncached.app, LIST, { 'accept-language': 'id' })).text())
  })

  it('keeps nothing an editor reads, and never hands an editor the public copy', async () => {
    await get(t.app, LIST)
    const token = `Bearer ${TEST_OPERATOR_TOKEN}`
    const editor = await get(t.app, LIST, { authorization: token })
    expect(editor.headers.get('x-cache')).toBeNull()
    const withSession = await get(t.app, LIST, { cookie: 'cerdas_session=anything' })
    expect(withSession.headers.get('x-cache')).toBeNull()
  })

  it('lets an announcement published later appear at its publication time, not at the next write', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-12-08T02:00:00Z'))
    await announce('this', 'Penutupan jalan Siborongborong', { publishAt: '2026-12-08T03:00:00.000Z' })
    expect(await (await get(t.app, LIST)).text()).not.toContain('Penutupan jalan Siborongborong')
    expect((await get(t.app, LIST)).headers.get('x-cache')).toBe('HIT')
    vi.setSystemTime(new Date('2026-12-08T03:00:01Z'))
    const after = await get(t.app, LIST)
    expect(after.headers.get('x-cache')).toBe('MISS')
    const body = await after.text()
    expect(body).toContain('Penutupan jalan Siborongborong')
    expect(body).toBe(await (await get(uncached.app, LIST)).text())
  })

  it('expires what says "open now" at the next schedule change: Disdukcapil closing for its break at 12:00', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    // Tuesday 9 December 2026, 11:59:30 in Balige (WIB, UTC+7).
    vi.setSystemTime(new Date('2026-12-09T04:59:30Z'))
    const path = '/api/v1/directory/offices/disdukcapil'
    const before = await get(t.app, path)
    expect(before.status).toBe(200)
    const open = await before.text()
    expect(open).toBe(await (await get(uncached.app, path)).text())
    expect(JSON.parse(open).hours?.status?.open).toBe(true)
    expect((await get(t.app, path)).headers.get('x-cache')).toBe('HIT')
    vi.setSystemTime(new Date('2026-12-09T05:00:05Z'))
    const after = await get(t.app, path)
    expect(after.headers.get('x-cache')).toBe('MISS')
    const closed = await after.text()
    expect(JSON.parse(closed).hours?.status?.open).toBe(false)
    expect(closed).toBe(await (await get(uncached.app, path)).text())
  })

  it('reports its hits, misses and size to the operator’s /metrics', async () => {
    await get(t.app, LIST)
    await get(t.app, LIST)
    const res = await t.request('localhost', '/metrics', { token: TEST_OPERATOR_TOKEN })
    expect(res.status).toBe(200)
    const text = await res.text()
    const sample = (line: string) => Number(new RegExp(`^${line} (\\S+)$`, 'm').exec(text)?.[1])
    expect(sample('cerdas_read_cache_requests_total\\{result="hit"\\}')).toBe(t.platform.readCache.stats().hits)
    expect(sample('cerdas_read_cache_requests_total\\{result="hit"\\}')).toBeGreaterThan(0)
    expect(sample('cerdas_read_cache_bytes')).toBeGreaterThan(0)
  })

  it('forgets a tenant’s copies when the platform forgets the tenant', async () => {
    await get(t.app, LIST)
    const tenant = await t.platform.tenantBySlug('toba')
    if (!tenant) throw new Error('no toba')
    const before = t.platform.readCache.stats()
    expect(before.entries).toBeGreaterThan(0)
    t.platform.forget(tenant.record)
    expect(t.platform.readCache.stats().entries).toBe(0)
    expect((await get(t.app, LIST)).headers.get('x-cache')).toBe('MISS')
  })
})
