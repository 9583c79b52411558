import type { TenantDb } from '@cerdas/core'
import { closeDatabase, type DatabaseLocation, openDatabase } from './client'

export interface ConnectionCacheOptions {
  /** Most open tenant databases kept; the least recently used is closed beyond it. */
  max: number
  /** Called when a database is opened for the first time (e.g. to bring its schema up to date). */
  onOpen?: (key: string, db: TenantDb) => Promise<void>
  /** How long an evicted database stays open for requests still using it. */
  closeDelayMs?: number
}

export interface ConnectionCache {
  get(key: string, location: DatabaseLocation): Promise<TenantDb>
  evict(key: string): void
  size(): number
  closeAll(): void
}

/**
 * A bounded LRU of open tenant databases. Concurrent first requests for the
 * same tenant share one open; start-up opens nothing.
 * @example const connections = createConnectionCache({ max: 200 })
 */
export function createConnectionCache(options: ConnectionCacheOptions): ConnectionCache {
  const open = new Map<string, Promise<TenantDb>>()

  const close = (key: string) => {
    const pending = open.get(key)
    open.delete(key)
    // A request may still hold the evicted database: close it after a grace period.
    pending?.then(
      (db) => setTimeout(() => closeDatabase(db), options.closeDelayMs ?? 30_000).unref(),
      () => {},
    )
  }

  return {
    get(key, location) {
      const hit = open.get(key)
      if (hit) {
        // Map order is insertion order: re-inserting marks it most recently used.
        open.delete(key)
        open.set(key, hit)
        return hit
      }
      const pending = openDatabase(location).then(async (db) => {
        await options.onOpen?.(key, db)
        return db
      })
      // Only forget this attempt: after an evict, the key may already hold a newer open.
      pending.catch(() => {
        if (open.get(key) === pending) open.delete(key)
      })
      open.set(key, pending)
      while (open.size > options.max) {
        const oldest = open.keys().next().value
        if (oldest === undefined) break
        close(oldest)
      }
      return pending
    },
    evict: close,
    size: () => open.size,
    closeAll() {
      for (const pending of open.values()) pending.then(closeDatabase, () => {})
      open.clear()
    },
  }
}
