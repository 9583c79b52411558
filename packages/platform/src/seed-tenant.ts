import type { Actor } from '@cerdas/core'
import { recordLifecycleEvent, type TenantRecord } from '@cerdas/db'
import type { Platform } from './platform'
import { rebuildSearchIndex } from './search-index'
import { loadTemplate } from './templates'

/**
 * Runs each enabled module's seed with the tenant template's data, then
 * rebuilds the search index. Idempotent: seeds skip records they already made.
 */
export async function seedTenant(
  platform: Platform,
  record: TenantRecord,
  actor: Actor = { kind: 'cli', id: 'cli' },
): Promise<Record<string, number>> {
  const tenant = await platform.tenantBySlug(record.slug)
  if (!tenant) throw new Error(`tenant ${record.slug} is not active`)
  const template = loadTemplate(platform.options.templatesDir, record.template, platform.modules)
  const db = await platform.tenantDb(record)
  const ctx = platform.context(tenant, db, { actor })
  const seeded: Record<string, number> = {}
  const enabled = platform.modules.filter((m) => tenant.info.modules[m.id])
  for (const mod of enabled) {
    if (!mod.seed) continue
    const data = template.data[mod.id]
    if (data === undefined) continue
    await mod.seed.run(ctx, { data })
    seeded[mod.id] = Array.isArray(data) ? data.length : 1
  }
  const indexed = await rebuildSearchIndex(
    ctx,
    enabled.flatMap((m) => (m.search ? [m.search] : [])),
  )
  await recordLifecycleEvent(platform.controlPlane, {
    tenantId: record.id,
    tenantSlug: record.slug,
    kind: 'seeded',
    detail: { seeded, indexed },
    actor: `${actor.kind}:${actor.id}`,
  })
  return seeded
}
