import { existsSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { newId } from '@cerdas/core'
import type { Client } from '@libsql/client'
import { filePath, fileUrl, isRelativeFileUrl, storedDatabaseUrl } from '../data-dir'

/**
 * The data-directory-relative URL an old absolute `file:` tenant URL should be
 * stored as, or undefined to keep it. Control planes written before relative
 * URLs hold `file:///<old data dir>/tenants/<slug>.db`; after a copy or a move
 * that old directory is unknown (or still there, holding the original data).
 *
 * 1. A file inside the current data directory becomes relative to it (the
 *    same file, only spelled so that it moves with the directory).
 * 2. A file elsewhere whose path ends in `/tenants/<file>.db` becomes
 *    `file:tenants/<file>.db` when that file exists in the current data
 *    directory (the directory was copied or moved with its tenants: use the
 *    copy, even if the original still exists), or when the absolute file does
 *    not exist either (the old directory is gone: the tenant belongs here).
 * 3. Otherwise it is kept: the absolute file exists and this data directory has
 *    no such file, e.g. only `control.db` was copied, or a database was placed
 *    outside the data directory on purpose. Pointing it here would open an
 *    empty database in place of the real one. A later start upgrades it once
 *    the file is present.
 *
 * Relative, `libsql://` and `https://` URLs are never touched.
 */
export function upgradedTenantUrl(dataDir: string, url: string): string | undefined {
  if (!url.startsWith('file:') || isRelativeFileUrl(url)) return undefined
  let path: string
  try {
    path = filePath(url)
  } catch {
    return undefined // e.g. a file URL naming another host: not ours to reinterpret
  }
  const stored = storedDatabaseUrl(dataDir, url)
  if (isRelativeFileUrl(stored)) return stored
  const file = basename(path)
  if (basename(dirname(path)) !== 'tenants' || !file.endsWith('.db') || file === '.db') return undefined
  const local = join(dataDir, 'tenants', file)
  if (existsSync(local) || !existsSync(path)) return storedDatabaseUrl(dataDir, fileUrl(local))
  return undefined
}

export interface TenantUrlUpgrade {
  slug: string
  from: string
  to: string
}

/**
 * Rewrites absolute `file:` tenant URLs to data-directory-relative ones by the
 * rule of {@link upgradedTenantUrl}, recording a `database-url-upgraded`
 * lifecycle event for each. Runs when the control plane opens: it reads only
 * the rows with an absolute file URL (none once upgraded) and opens no tenant
 * database. Safe when two processes open the control plane at once.
 */
export async function upgradeTenantUrls(client: Client, dataDir: string): Promise<TenantUrlUpgrade[]> {
  const rows = await client.execute("SELECT id, slug, db_url FROM tenants WHERE db_url LIKE 'file:/%'")
  const upgrades = rows.rows.flatMap((row) => {
    const from = String(row.db_url)
    const to = upgradedTenantUrl(dataDir, from)
    return to ? [{ id: String(row.id), slug: String(row.slug), from, to }] : []
  })
  if (upgrades.length === 0) return []
  const at = new Date().toISOString()
  const results = await client.batch(
    upgrades.flatMap((u) => [
      { sql: 'UPDATE tenants SET db_url = ? WHERE id = ? AND db_url = ?', args: [u.to, u.id, u.from] },
      // Only when this process made the change (another may have been first).
      {
        sql: `INSERT INTO lifecycle_events (id, tenant_id, tenant_slug, kind, detail, actor, at)
          SELECT ?, ?, ?, 'database-url-upgraded', ?, 'system', ? WHERE changes() = 1`,
        args: [newId('evt'), u.id, u.slug, JSON.stringify({ from: u.from, to: u.to }), at],
      },
    ]),
    'write',
  )
  return upgrades.filter((_, i) => results[i * 2]?.rowsAffected === 1).map(({ slug, from, to }) => ({ slug, from, to }))
}
