import { describe, expect, it } from 'vitest'
import { createResponseStore, nextLocalMidnight, type StoredResponse } from '../src/read-cache'

const response = (bytes: number): StoredResponse => ({
  status: 200,
  headers: [['content-type', 'application/json']],
  body: new Uint8Array(bytes),
  etag: '"x"',
})

describe('response store', () => {
  it('never holds more bytes than its limit, dropping the least recently used first', () => {
    const store = createResponseStore({ maxBytes: 10_000, maxTenantBytes: 10_000 })
    for (let i = 0; i < 50; i++) {
      store.put(`k${i}`, 'toba', 'v1', Number.POSITIVE_INFINITY, response(1_000))
      // k0 is read after every write, so it stays while older untouched entries go.
      expect(store.get('k0', 'v1', 0)).toBeDefined()
      expect(store.stats().bytes).toBeLessThanOrEqual(10_000)
    }
    expect(store.get('k1', 'v1', 0)).toBeUndefined()
    expect(store.get('k49', 'v1', 0)).toBeDefined()
    expect(store.stats().evictions).toBeGreaterThan(40)
  })

  it('keeps one busy tenant within its share, so the others keep their copies', () => {
    const store = createResponseStore({ maxBytes: 20_000, maxTenantBytes: 5_000 })
    store.put('samosir home', 'samosir', 'v1', Number.POSITIVE_INFINITY, response(1_000))
    for (let i = 0; i < 100; i++) store.put(`toba ${i}`, 'toba', 'v1', Number.POSITIVE_INFINITY, response(1_000))
    expect(store.get('samosir home', 'v1', 0)).toBeDefined()
    const tobaKept = Array.from({ length: 100 }, (_, i) => store.get(`toba ${i}`, 'v1', 0)).filter(Boolean).length
    expect(tobaKept).toBeGreaterThan(0)
    expect(tobaKept * 1_000).toBeLessThanOrEqual(5_000)
  })

  it('gives nothing back once the tenant’s version moved on or the copy’s time ran out', () => {
    const store = createResponseStore({ maxBytes: 10_000, maxTenantBytes: 10_000 })
    store.put('list', 'toba', 'v1', 1_000, response(10))
    expect(store.get('list', 'v1', 999)).toBeDefined()
    expect(store.get('list', 'v1', 1_000)).toBeUndefined()
    store.put('list', 'toba', 'v1', Number.POSITIVE_INFINITY, response(10))
    expect(store.get('list', 'v2', 0)).toBeUndefined()
    // The stale copy is gone, not kept for a version that can never come back.
    expect(store.stats().entries).toBe(0)
  })

  it('keeps no response larger than a tenant’s share, and drops a tenant’s copies on request', () => {
    const store = createResponseStore({ maxBytes: 10_000, maxTenantBytes: 2_000 })
    store.put('export', 'toba', 'v1', Number.POSITIVE_INFINITY, response(5_000))
    expect(store.get('export', 'v1', 0)).toBeUndefined()
    store.put('a', 'toba', 'v1', Number.POSITIVE_INFINITY, response(10))
    store.put('b', 'samosir', 'v1', Number.POSITIVE_INFINITY, response(10))
    store.dropTenant('toba')
    expect(store.get('a', 'v1', 0)).toBeUndefined()
    expect(store.get('b', 'v1', 0)).toBeDefined()
  })
})

describe('next local midnight', () => {
  it('is the next 00:00 in the tenant’s zone: a cached page never shows yesterday’s "today"', () => {
    // 23:30 WIB on 8 December is 16:30 UTC; midnight WIB is 17:00 UTC.
    expect(new Date(nextLocalMidnight('Asia/Jakarta', Date.parse('2026-12-08T16:30:00Z'))).toISOString()).toBe(
      '2026-12-08T17:00:00.000Z',
    )
    // Jayapura (WIT, UTC+9): 00:00 local is 15:00 UTC.
    expect(new Date(nextLocalMidnight('Asia/Jayapura', Date.parse('2026-12-08T15:00:00Z'))).toISOString()).toBe(
      '2026-12-09T15:00:00.000Z',
    )
  })
})
