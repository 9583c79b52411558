import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

/** Where embedded databases live: `<dataDir>/control.db` and `<dataDir>/tenants/<slug>.db`. */
export function controlPlaneUrl(dataDir: string): string {
  mkdirSync(resolve(dataDir), { recursive: true })
  return fileUrl(join(dataDir, 'control.db'))
}

export function embeddedTenantUrl(dataDir: string, slug: string): string {
  mkdirSync(resolve(dataDir, 'tenants'), { recursive: true })
  return fileUrl(join(dataDir, 'tenants', `${slug}.db`))
}

/** Converts a path to the `file:` URL form libSQL expects. */
export function fileUrl(path: string): string {
  return pathToFileURL(resolve(path)).href
}

/** Local path of a `file:` URL. */
export function filePath(url: string): string {
  return new URL(url).pathname
}
