import type { TenantDb } from '@cerdas/core'
import { type Client, createClient } from '@libsql/client'
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

/**
 * Opens one libSQL database. File databases get WAL, synchronous=FULL (a
 * committed report survives power loss) and a busy timeout so the CLI and the
 * server can share a file.
 * @example const db = await openDatabase({ url: resolveDatabaseUrl('data', 'file:tenants/toba.db') })
 */
export async function openDatabase(location: DatabaseLocation): Promise<TenantDb> {
  const file = isFileUrl(location.url)
  // `timeout` is the busy timeout of every pooled connection (PRAGMAs reach only one of them).
  const client = createClient({ url: location.url, authToken: location.authToken, ...(file ? { timeout: 5000 } : {}) })
  if (file) await applyFilePragmas(client)
  else await client.execute('PRAGMA foreign_keys = ON')
  return drizzle(gatedClient(client, location.url)) as TenantDb
}

export function isFileUrl(url: string): boolean {
  return url.startsWith('file:')
}

/**
 * WAL is a property of the file and sticks. synchronous=FULL and foreign keys
 * are per connection, and libSQL opens every pooled connection with both on;
 * setting them here documents the requirement.
 */
async function applyFilePragmas(client: Client): Promise<void> {
  await client.execute('PRAGMA journal_mode = WAL')
  await client.execute('PRAGMA synchronous = FULL')
  await client.execute('PRAGMA foreign_keys = ON')
}

/** Closes a database opened by {@link openDatabase}. */
export function closeDatabase(db: TenantDb): void {
  db.$client.close()
}
