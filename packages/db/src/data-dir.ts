import { mkdirSync } from 'node:fs'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { isMainThread } from 'node:worker_threads'

/** The data directory and its subdirectories: the owner only (rwx------). */
export const PRIVATE_DIR_MODE = 0o700

/**
 * Makes every file this process creates from now on readable by its owner
 * only (umask 077: 0600 files, 0700 directories). A umask rather than a chmod
 * per file, because the files are created in many places, some not by us:
 * SQLite creates the databases and their -wal/-shm/-journal files, `VACUUM
 * INTO` writes backups; exports and demo-admin.txt are ours. Called once as a
 * Cerdas process opens its platform (server, API server, `npm start`'s
 * preparation, CLI); a worker thread cannot change it and keeps the process's.
 */
export function keepNewFilesPrivate(): void {
  if (isMainThread) process.umask(0o077)
}

/** Creates a directory (and its parents) for data: the owner only, whatever the umask. */
export function makePrivateDir(path: string): void {
  mkdirSync(resolve(path), { recursive: true, mode: PRIVATE_DIR_MODE })
}

/**
 * Where embedded databases live: `<dataDir>/control.db` and `<dataDir>/tenants/<slug>.db`.
 *
 * The control plane stores an embedded tenant database by a URL *relative to
 * the data directory* (`file:tenants/toba.db`, see {@link tenantFileUrl}), and
 * every reader resolves it against the data directory in use
 * ({@link resolveDatabaseUrl}). So a data directory can be copied or moved as a
 * whole and started from its new place: it then uses its own files, never the
 * ones it was copied from. Absolute `file:` URLs (a database kept outside the
 * data directory) and `libsql://` / `https://` URLs are stored and used as given.
 */
export function controlPlaneUrl(dataDir: string): string {
  makePrivateDir(dataDir)
  return fileUrl(join(dataDir, 'control.db'))
}

/**
 * The absolute (resolved) `file:` URL of a tenant's embedded database in this
 * data directory; creates the `tenants` directory. What the control plane
 * stores is {@link tenantFileUrl}.
 */
export function embeddedTenantUrl(dataDir: string, slug: string): string {
  makePrivateDir(resolve(dataDir, 'tenants'))
  return fileUrl(join(dataDir, 'tenants', `${slug}.db`))
}

/** The stored, data-directory-relative URL of a tenant's embedded database: `file:tenants/<slug>.db`. */
export function tenantFileUrl(slug: string): string {
  return relativeFileUrl(`tenants/${slug}.db`)
}

/** Converts a path to the `file:` URL form libSQL expects. */
export function fileUrl(path: string): string {
  return pathToFileURL(resolve(path)).href
}

/** A `file:` URL whose path does not start with `/`: relative to the data directory. */
export function isRelativeFileUrl(url: string): boolean {
  return url.startsWith('file:') && !url.startsWith('file:/')
}

/**
 * Local path of an absolute `file:` URL. A relative one (`file:tenants/x.db`)
 * means nothing without a data directory: resolve it first with
 * {@link resolveDatabaseUrl}.
 */
export function filePath(url: string): string {
  if (isRelativeFileUrl(url))
    throw new Error(`${url} is relative to a data directory; resolve it with resolveDatabaseUrl first`)
  return fileURLToPath(url)
}

/**
 * The URL to open for a stored database URL: a relative `file:` URL becomes an
 * absolute one inside `dataDir`; anything else is returned unchanged.
 * @example resolveDatabaseUrl('/var/lib/cerdas', 'file:tenants/toba.db') // 'file:///var/lib/cerdas/tenants/toba.db'
 */
export function resolveDatabaseUrl(dataDir: string, url: string): string {
  if (!isRelativeFileUrl(url)) return url
  const path = decodeURIComponent(url.slice('file:'.length))
  return fileUrl(resolve(dataDir, path))
}

/**
 * The form to store for a database URL: a `file:` URL inside `dataDir` becomes
 * relative to it (a relative one is taken as relative to `dataDir` already);
 * a file elsewhere stays absolute; remote URLs are unchanged.
 */
export function storedDatabaseUrl(dataDir: string, url: string): string {
  if (!url.startsWith('file:')) return url
  const path = filePath(resolveDatabaseUrl(dataDir, url))
  const inside = relative(resolve(dataDir), path)
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return fileUrl(path)
  return relativeFileUrl(inside.split(sep).join('/'))
}

function relativeFileUrl(path: string): string {
  return `file:${path.split('/').map(encodeURIComponent).join('/')}`
}
