import type { TenantDb } from '@cerdas/core'
import { type Client, createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'

export interface DatabaseLocation {
  /** `file:` path for embedded databases, `libsql://` / `https://` for a libSQL server or Turso. */
  url: string
  authToken?: string | undefined
}

/**
 * Opens one libSQL database. File databases get WAL, synchronous=FULL (a
 * committed report survives power loss) and a busy timeout so the CLI and the
 * server can share a file.
 * @example const db = await openDatabase({ url: 'file:data/tenants/toba.db' })
 */
export async function openDatabase(location: DatabaseLocation): Promise<TenantDb> {
  const client = createClient({ url: location.url, authToken: location.authToken })
  if (isFileUrl(location.url)) await applyFilePragmas(client)
  else await client.execute('PRAGMA foreign_keys = ON')
  return drizzle(client) as TenantDb
}

export function isFileUrl(url: string): boolean {
  return url.startsWith('file:')
}

async function applyFilePragmas(client: Client): Promise<void> {
  await client.execute('PRAGMA busy_timeout = 5000')
  await client.execute('PRAGMA journal_mode = WAL')
  await client.execute('PRAGMA synchronous = FULL')
  await client.execute('PRAGMA foreign_keys = ON')
}

/** Closes a database opened by {@link openDatabase}. */
export function closeDatabase(db: TenantDb): void {
  db.$client.close()
}
