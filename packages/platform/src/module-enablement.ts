import { type Actor, problem } from '@cerdas/core'
import { findTenantBySlug, recordLifecycleEvent, type TenantRecord } from '@cerdas/db'
import { writeAudited } from './control-plane-audit'
import { migrateTenant } from './migrate-tenants'
import type { Platform } from './platform'

/**
 * Enables (or disables) a module for a tenant, with its requirements
 * checked, then brings the tenant's schema up to date. Disabling keeps the
 * module's tables and data. A change of state is audited in the tenant's log
 * (from the console and the CLI alike), written with the change itself.
 */
export async function setModuleEnabled(
  platform: Platform,
  slug: string,
  moduleId: string,
  enabled: boolean,
  actor: Actor = { kind: 'cli', id: 'cli' },
): Promise<TenantRecord> {
  const record = await findTenantBySlug(platform.controlPlane, slug)
  if (!record) throw problem('notFound', `no tenant "${slug}"`)
  const mod = platform.modules.find((m) => m.id === moduleId)
  if (!mod) throw problem('notFound', `no module "${moduleId}" is registered`)
  const active = new Set(record.modules.filter((m) => m.enabled).map((m) => m.moduleId))
  if (enabled) {
    const missing = (mod.requires ?? []).filter((id) => !active.has(id))
    if (missing.length > 0) throw problem('conflict', `${moduleId} requires ${missing.join(', ')}; enable those first`)
  } else {
    const dependants = platform.modules
      .filter((m) => active.has(m.id) && m.requires?.includes(moduleId))
      .map((m) => m.id)
    if (dependants.length > 0) throw problem('conflict', `${dependants.join(', ')} require ${moduleId}`)
  }
  const existing = record.modules.find((m) => m.moduleId === moduleId)
  const wasEnabled = existing?.enabled === true
  const upsert = {
    sql: `INSERT INTO tenant_modules (tenant_id, module_id, enabled, settings) VALUES (?, ?, ?, ?)
      ON CONFLICT (tenant_id, module_id) DO UPDATE SET enabled = excluded.enabled`,
    args: [record.id, moduleId, enabled ? 1 : 0, JSON.stringify(existing?.settings ?? {})],
  }
  if (wasEnabled === enabled) await platform.controlPlane.$client.execute(upsert)
  else {
    await writeAudited(platform, record, [upsert], actor, {
      action: enabled ? 'enable' : 'disable',
      entity: 'cerdas.module_settings',
      entityId: moduleId,
      before: { enabled: wasEnabled },
      after: { enabled },
    })
  }
  const updated = (await findTenantBySlug(platform.controlPlane, slug)) as TenantRecord
  platform.forget(updated)
  await recordLifecycleEvent(platform.controlPlane, {
    tenantId: record.id,
    tenantSlug: slug,
    kind: enabled ? 'module-enabled' : 'module-disabled',
    detail: { module: moduleId },
    actor: `${actor.kind}:${actor.id}`,
  })
  if (enabled) {
    const result = await migrateTenant(platform, updated)
    if (result.status === 'failed') throw new Error(`migrating ${slug} for ${moduleId} failed: ${result.error}`)
  }
  return updated
}
