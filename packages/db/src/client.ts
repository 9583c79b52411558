import type { TenantDb } from '@cerdas/core'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { gatedClient } from './transactions'

export interface DatabaseLocation {
  /**
   * `file:` URL for embedded databases (a relative one is relative to the
   * working directory here: resolve control-plane URLs with `resolveDatabaseUrl`
   * first), `libsql://` / `https://` for a libSQL server or Turso.
   */
  url: string
  authToken?: string | undefined
}

export interface OpenOptions {
  /**
   * Page cache of each connection, in KiB (SQLite's default is 2,000). A
   * process keeping many tenant databases open sizes it so they all fit its
   * memory budget.
   */
  pageCacheKiB?: number
}

/**
 * Opens one libSQL database. File databases get WAL and a busy timeout so the
 * CLI and the server can share a file; libSQL opens every connection with
 * synchronous=FULL (a committed report survives power loss) and foreign keys
 * on, so opening costs no more statements than WAL and the page cache size.
 * @example const db = await openDatabase({ url: resolveDatabaseUrl('data', 'file:tenants/toba.db') })
 */
export async function openDatabase(location: DatabaseLocation, options: OpenOptions = {}): Promise<TenantDb> {
  const file = isFileUrl(location.url)
  // `timeout` is the busy timeout of every pooled connection (PRAGMAs reach only one of them).
  // Two connections are all a file ever needs: one for the write transaction (one at a
  // time, see transactions.ts) and one for the reads meanwhile; each keeps its descriptors open.
  // The page cache size below reaches the first connection only. The pool opens the second one
  // just for a read that overlaps a write transaction, and SQLite fills a cache only with pages
  // read, so a read-mostly tenant never has it, and a small tenant file bounds it anyway.
  const client = createClient({
    url: location.url,
    authToken: location.authToken,
    ...(file ? { timeout: 5000, concurrency: 2 } : {}),
  })
  const cacheSize = options.pageCacheKiB ? `PRAGMA cache_size = -${Math.max(1, Math.round(options.pageCacheKiB))}` : ''
  if (file) await client.executeMultiple(`PRAGMA journal_mode = WAL;${cacheSize}`)
  else await client.execute('PRAGMA foreign_keys = ON')
  return drizzle(gatedClient(client, location.url)) as TenantDb
}

export function isFileUrl(url: string): boolean {
  return url.startsWith('file:')
}

/** Closes a database opened by {@link openDatabase}. */
export function closeDatabase(db: TenantDb): void {
  db.$client.close()
}
