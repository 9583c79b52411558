import type { AnyModule, Branding, TenantInfo } from '@cerdas/core'
import type { TenantRecord } from '@cerdas/db'

/**
 * The request-facing view of a tenant: enabled, registered modules only, in
 * dependency order, with settings parsed (stored values over module defaults).
 */
export function toTenantInfo(record: TenantRecord, modules: readonly AnyModule[]): TenantInfo {
  const enabled = new Map(record.modules.filter((m) => m.enabled).map((m) => [m.moduleId, m.settings]))
  const active: TenantInfo['modules'] = {}
  for (const mod of modules) {
    const stored = enabled.get(mod.id)
    if (stored === undefined) continue
    const parsed = mod.settings?.safeParse(stored)
    // Settings that no longer parse (a module changed its schema) fall back to defaults rather than break the site.
    active[mod.id] = { settings: parsed?.success ? parsed.data : (mod.settings?.parse({}) ?? {}) }
  }
  return {
    id: record.id,
    slug: record.slug,
    name: record.name,
    kind: record.kind,
    province: record.province,
    timezone: record.timezone,
    defaultLocale: record.defaultLocale,
    locales: record.locales,
    branding: record.branding as unknown as Branding,
    primaryHost: record.hosts[0]?.host ?? `${record.slug}.localhost`,
    modules: active,
  }
}
