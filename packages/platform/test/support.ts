import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AnyModule } from '@cerdas/core'
import { modules as registeredModules } from '@cerdas/registry'
import { afterAll } from 'vitest'
import { createPlatform, type Platform } from '../src/platform'

export const TEMPLATES_DIR = fileURLToPath(new URL('../../../templates', import.meta.url))

/** A fresh temporary directory, removed after the file's tests. */
export function tempDir(prefix = 'cerdas-platform-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A platform on a fresh data directory (or the given one), closed after the file's tests. */
export async function testPlatform(
  options: { dataDir?: string; modules?: readonly AnyModule[]; templatesDir?: string } = {},
): Promise<Platform> {
  const platform = await createPlatform({
    dataDir: options.dataDir ?? tempDir(),
    templatesDir: options.templatesDir ?? TEMPLATES_DIR,
    platformHost: 'localhost',
    modules: options.modules ?? registeredModules,
    hostCacheTtlMs: 0,
  })
  afterAll(() => platform.close())
  return platform
}

/** Writes files (path → JSON value) under a directory. */
export function writeFiles(root: string, files: Record<string, unknown>): void {
  for (const [path, value] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), JSON.stringify(value, null, 2))
  }
}

/** Points a tenant's database at a directory, which libSQL cannot open. */
export async function breakTenantDatabase(platform: Platform, slug: string, dir: string): Promise<string> {
  const row = await platform.controlPlane.$client.execute({
    sql: 'SELECT db_url FROM tenants WHERE slug = ?',
    args: [slug],
  })
  const original = String(row.rows[0]?.db_url)
  mkdirSync(dir, { recursive: true })
  await setTenantDbUrl(platform, slug, `file:${dir}`)
  return original
}

export async function setTenantDbUrl(platform: Platform, slug: string, url: string): Promise<void> {
  await platform.controlPlane.$client.execute({
    sql: 'UPDATE tenants SET db_url = ? WHERE slug = ?',
    args: [url, slug],
  })
  const tenant = await platform.tenantBySlug(slug)
  if (tenant) platform.forget(tenant.record)
}
