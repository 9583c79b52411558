import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { announcement } from '@cerdas/module-announcements'
import { createPlatform, createTenant, type Platform } from '@cerdas/platform'
import { modules } from '@cerdas/registry'

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

/** A platform on a new data directory (named from `prefix` in the system's temporary folder). */
export async function benchPlatform(prefix: string): Promise<{ dataDir: string; platform: Platform }> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix))
  const platform = await createPlatform({
    dataDir,
    templatesDir: join(repoRoot, 'templates'),
    platformHost: 'localhost',
    modules,
  })
  return { dataDir, platform }
}

/**
 * A data directory with Toba (plus `announcements` extra announcements) and
 * `extraTenants` more tenants from the generic template.
 */
export async function prepareDataDir(options: { extraTenants: number; announcements: number }): Promise<string> {
  const { dataDir, platform } = await benchPlatform('cerdas-bench-')
  await createTenant(platform, { slug: 'toba', template: 'toba' })
  const toba = await platform.tenantBySlug('toba')
  if (!toba) throw new Error('toba missing')
  const ctx = platform.context(toba, await platform.tenantDb(toba.record), { actor: { kind: 'system', id: 'bench' } })
  for (let i = 0; i < options.announcements; i++) {
    await announcement.create(ctx, {
      title: { id: `Pengumuman uji ${i}`, en: `Test announcement ${i}` },
      body: { id: `Isi pengumuman uji nomor ${i}. `.repeat(5) },
      category: 'general',
      publishAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
    })
  }
  for (let i = 1; i <= options.extraTenants; i++) {
    await createTenant(platform, { slug: `t${String(i).padStart(4, '0')}`, template: 'kabupaten', seed: false })
    if (i % 100 === 0) process.stderr.write(`  provisioned ${i}/${options.extraTenants} tenants\n`)
  }
  platform.close()
  return dataDir
}
