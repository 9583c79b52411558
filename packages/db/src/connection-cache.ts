import type { TenantDb } from '@cerdas/core'
import { closeDatabase, type DatabaseLocation, type OpenOptions, openDatabase } from './client'

export interface ConnectionCacheOptions {
  /** Most open tenant databases kept; the least recently used is evicted beyond it. */
  max: number
  /** Called when a database is opened for the first time (e.g. to bring its schema up to date). */
  onOpen?: (key: string, db: TenantDb) => Promise<void>
  /** How each database is opened (e.g. its page cache size). */
  open?: OpenOptions
}

/** A database held for a piece of work; `release` gives it back (calling it again does nothing). */
export interface TenantLease {
  db: TenantDb
  release(): void
}

export interface ConnectionCacheStats {
  /** Databases in the cache (opening or open). */
  open: number
  /** Databases evicted or forgotten but still held by some work; each closes when its last holder releases it. */
  closing: number
}

export interface ConnectionCache {
  /** Holds the database until the lease is released; while held it is never closed. */
  acquire(key: string, location: DatabaseLocation): Promise<TenantLease>
  /** Runs `work` with the database held, releasing it when `work` settles. */
  use<T>(key: string, location: DatabaseLocation, work: (db: TenantDb) => Promise<T>): Promise<T>
  /**
   * The database without holding it: for one-shot processes, tests, and work
   * already holding the same key. Once evicted, it closes as soon as no holder is left.
   */
  get(key: string, location: DatabaseLocation): Promise<TenantDb>
  /** Forgets the key (after its file or URL changed): the next request opens it afresh. */
  evict(key: string): void
  size(): number
  stats(): ConnectionCacheStats
  closeAll(): void
}

interface Entry {
  key: string
  db: Promise<TenantDb>
  holders: number
  /** Out of the cache; closes when `holders` reaches 0. */
  retired: boolean
}

/**
 * A bounded LRU of open tenant databases with reference counts. A database
 * leaving the cache closes once the last work holding it releases it (no
 * timer), and a key is never open twice at once: a request for an evicted
 * database still held elsewhere takes it back instead of opening a second
 * handle. Concurrent first requests for the same key share one open; start-up
 * opens nothing.
 * @example const connections = createConnectionCache({ max: 600 })
 * await connections.use(tenant.id, location, (db) => db.select().from(items))
 */
export function createConnectionCache(options: ConnectionCacheOptions): ConnectionCache {
  // Map order is insertion order: the first entry is the least recently used.
  const live = new Map<string, Entry>()
  // Evicted for room but still held: taken back by the next request for the key.
  const evicted = new Map<string, Entry>()
  // Forgotten (the file or URL changed) but still held: never handed out again.
  const forgotten = new Set<Entry>()

  const close = (entry: Entry) => {
    if (evicted.get(entry.key) === entry) evicted.delete(entry.key)
    forgotten.delete(entry)
    entry.db.then(closeDatabase, () => {})
  }

  /** Evicts beyond `max`, never `wanted` (the entry just asked for). */
  const evictOverflow = (wanted: Entry) => {
    while (live.size > options.max) {
      // Prefer the least recently used that nobody holds: it can close at once.
      let victim: Entry | undefined
      for (const entry of live.values()) {
        if (entry === wanted) continue
        victim ??= entry
        if (entry.holders === 0) {
          victim = entry
          break
        }
      }
      if (!victim) return
      live.delete(victim.key)
      victim.retired = true
      if (victim.holders === 0) close(victim)
      else evicted.set(victim.key, victim)
    }
  }

  const entryFor = (key: string, location: DatabaseLocation): Entry => {
    const hit = live.get(key)
    if (hit) {
      live.delete(key)
      live.set(key, hit)
      return hit
    }
    const held = evicted.get(key)
    if (held) {
      // Still held after an eviction: take it back rather than open the same file twice.
      evicted.delete(key)
      held.retired = false
      live.set(key, held)
      evictOverflow(held)
      return held
    }
    const entry: Entry = {
      key,
      holders: 0,
      retired: false,
      db: openDatabase(location, options.open).then(async (db) => {
        try {
          await options.onOpen?.(key, db)
        } catch (error) {
          closeDatabase(db)
          throw error
        }
        return db
      }),
    }
    // Only forget this attempt: after an evict, the key may already hold a newer open.
    entry.db.catch(() => {
      if (live.get(key) === entry) live.delete(key)
      if (evicted.get(key) === entry) evicted.delete(key)
      forgotten.delete(entry)
    })
    live.set(key, entry)
    evictOverflow(entry)
    return entry
  }

  const acquire = async (key: string, location: DatabaseLocation): Promise<TenantLease> => {
    const entry = entryFor(key, location)
    entry.holders++
    let released = false
    const release = () => {
      if (released) return
      released = true
      entry.holders--
      if (entry.holders === 0 && entry.retired) close(entry)
    }
    try {
      return { db: await entry.db, release }
    } catch (error) {
      release()
      throw error
    }
  }

  return {
    acquire,
    async use(key, location, work) {
      const lease = await acquire(key, location)
      try {
        return await work(lease.db)
      } finally {
        lease.release()
      }
    },
    get: (key, location) => entryFor(key, location).db,
    evict(key) {
      for (const entry of [live.get(key), evicted.get(key)]) {
        if (!entry) continue
        live.delete(key)
        evicted.delete(key)
        entry.retired = true
        if (entry.holders === 0) close(entry)
        else forgotten.add(entry)
      }
    },
    size: () => live.size,
    stats: () => ({ open: live.size, closing: evicted.size + forgotten.size }),
    closeAll() {
      for (const entry of [...live.values(), ...evicted.values(), ...forgotten]) entry.db.then(closeDatabase, () => {})
      live.clear()
      evicted.clear()
      forgotten.clear()
    },
  }
}
