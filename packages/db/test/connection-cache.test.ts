import type { TenantDb } from '@cerdas/core'
import { describe, expect, it } from 'vitest'
import { createConnectionCache } from '../src/connection-cache'
import { useTempDir } from './support'

const tempDir = useTempDir()
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('tenant connection cache', () => {
  it('keeps at most `max` databases open, evicting the least recently used', async () => {
    const { url } = tempDir()
    const opened: string[] = []
    const cache = createConnectionCache({ max: 2, onOpen: async (key) => void opened.push(key) })
    try {
      await cache.get('a', { url: url('a.db') })
      await cache.get('b', { url: url('b.db') })
      await cache.get('a', { url: url('a.db') }) // a is now the most recently used
      expect(cache.size()).toBe(2)
      await cache.get('c', { url: url('c.db') })
      expect(cache.size()).toBe(2)
      expect(opened).toEqual(['a', 'b', 'c'])
      await cache.get('a', { url: url('a.db') }) // still open: no new open
      expect(opened).toEqual(['a', 'b', 'c'])
      await cache.get('b', { url: url('b.db') }) // b was evicted: opened again, and c goes
      expect(opened).toEqual(['a', 'b', 'c', 'b'])
      expect(cache.size()).toBe(2)
    } finally {
      cache.closeAll()
    }
  })

  it('closes an evicted database that nobody holds at once', async () => {
    const { url } = tempDir()
    const cache = createConnectionCache({ max: 1 })
    try {
      const a = await cache.get('a', { url: url('a.db') })
      await cache.get('b', { url: url('b.db') })
      await wait(0)
      expect(a.$client.closed).toBe(true)
      expect((await cache.get('b', { url: url('b.db') })).$client.closed).toBe(false)
    } finally {
      cache.closeAll()
    }
  })

  it('keeps an evicted database usable for the work holding it, and closes it when the last holder releases', async () => {
    const { url } = tempDir()
    const cache = createConnectionCache({ max: 1 })
    try {
      const first = await cache.acquire('a', { url: url('a.db') })
      const second = await cache.acquire('a', { url: url('a.db') })
      await cache.get('b', { url: url('b.db') }) // evicts a, still held twice
      expect(cache.stats()).toEqual({ open: 1, closing: 1 })
      first.release()
      first.release() // a second release of the same lease counts once
      await wait(0)
      expect(first.db.$client.closed).toBe(false)
      await first.db.$client.execute('CREATE TABLE still_usable (id INTEGER)')
      second.release()
      await wait(0)
      expect(first.db.$client.closed).toBe(true)
      expect(cache.stats()).toEqual({ open: 1, closing: 0 })
    } finally {
      cache.closeAll()
    }
  })

  it('takes back an evicted database still held instead of opening the file a second time', async () => {
    const { url } = tempDir()
    let opens = 0
    const cache = createConnectionCache({ max: 1, onOpen: async () => void opens++ })
    try {
      const held = await cache.acquire('a', { url: url('a.db') })
      await cache.get('b', { url: url('b.db') })
      const again = await cache.acquire('a', { url: url('a.db') })
      expect(again.db).toBe(held.db)
      expect(opens).toBe(2)
      expect(cache.stats()).toEqual({ open: 1, closing: 0 })
      held.release()
      again.release()
      await wait(0)
      expect(held.db.$client.closed).toBe(false)
    } finally {
      cache.closeAll()
    }
  })

  it('releases a database held by `use` when the work fails', async () => {
    const { url } = tempDir()
    const cache = createConnectionCache({ max: 1 })
    try {
      let held: TenantDb | undefined
      await expect(
        cache.use('a', { url: url('a.db') }, async (db) => {
          held = db
          await cache.get('b', { url: url('b.db') })
          expect(db.$client.closed).toBe(false)
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      await wait(0)
      expect(held?.$client.closed).toBe(true)
    } finally {
      cache.closeAll()
    }
  })

  it('opens a forgotten database afresh, closing the old handle when its holder releases it', async () => {
    const { url } = tempDir()
    const cache = createConnectionCache({ max: 2 })
    try {
      const old = await cache.acquire('a', { url: url('a.db') })
      cache.evict('a')
      const fresh = await cache.get('a', { url: url('a.db') })
      expect(fresh).not.toBe(old.db)
      expect(cache.stats()).toEqual({ open: 1, closing: 1 })
      old.release()
      await wait(0)
      expect(old.db.$client.closed).toBe(true)
      expect(fresh.$client.closed).toBe(false)
    } finally {
      cache.closeAll()
    }
  })

  it('shares one open between concurrent first requests for the same tenant', async () => {
    const { url } = tempDir()
    let opens = 0
    const cache = createConnectionCache({
      max: 5,
      onOpen: async () => {
        opens++
        await wait(10)
      },
    })
    try {
      const all = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          i % 2 ? cache.get('a', { url: url('a.db') }) : cache.acquire('a', { url: url('a.db') }).then((l) => l.db),
        ),
      )
      expect(opens).toBe(1)
      expect(new Set<TenantDb>(all).size).toBe(1)
      expect(cache.size()).toBe(1)
    } finally {
      cache.closeAll()
    }
  })

  it('opens nothing until asked', () => {
    let opens = 0
    const cache = createConnectionCache({ max: 2, onOpen: async () => void opens++ })
    expect(cache.size()).toBe(0)
    expect(opens).toBe(0)
    cache.closeAll()
  })

  it('forgets a failed open so the next request tries again', async () => {
    const { dir, url } = tempDir()
    const cache = createConnectionCache({ max: 2 })
    try {
      // A directory is not a database file.
      await expect(cache.get('a', { url: `file:${dir}` })).rejects.toThrow()
      await wait(0)
      expect(cache.size()).toBe(0)
      const db = await cache.get('a', { url: url('a.db') })
      expect((await db.$client.execute('SELECT 1 AS one')).rows[0]?.one).toBe(1)
    } finally {
      cache.closeAll()
    }
  })

  it("does not let a stale failed open remove its replacement's entry", async () => {
    const { dir, url } = tempDir()
    const cache = createConnectionCache({ max: 2 })
    try {
      const failing = cache.get('a', { url: `file:${dir}` })
      cache.evict('a')
      const replacement = cache.get('a', { url: url('a.db') })
      await expect(failing).rejects.toThrow()
      await replacement
      expect(cache.size()).toBe(1)
      expect(cache.get('a', { url: url('a.db') })).toBe(replacement)
    } finally {
      cache.closeAll()
    }
  })

  it('closes every database on closeAll', async () => {
    const { url } = tempDir()
    const cache = createConnectionCache({ max: 3 })
    const dbs = [await cache.get('a', { url: url('a.db') }), await cache.get('b', { url: url('b.db') })]
    cache.closeAll()
    await wait(0)
    expect(cache.size()).toBe(0)
    expect(dbs.every((db) => db.$client.closed)).toBe(true)
  })
})
