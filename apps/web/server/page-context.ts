import { type Actor, pickText, type TenantDb } from '@cerdas/core'
import type { Locale, NavItem, WebLoadContext } from '@cerdas/core/web'
import { listTenants } from '@cerdas/db'
import type { Freshness, Platform, ResolvedTenant } from '@cerdas/platform'

/** The locale a page is shown in: the visitor's saved choice, else the tenant's default. */
export function pageLocale(cookieHeader: string | undefined, fallback: Locale, allowed: readonly Locale[]): Locale {
  const saved = /(?:^|;\s*)lang=(id|en)(?:;|$)/.exec(cookieHeader ?? '')?.[1] as Locale | undefined
  return saved && allowed.includes(saved) ? saved : fallback
}

/** Load context for a tenant's pages: its module context, navigation and module list. */
export async function tenantPageContext(
  platform: Platform,
  tenant: ResolvedTenant,
  db: TenantDb,
  actor: Actor | null,
  base: Omit<WebLoadContext, 'site'>,
  /** Given when the page may be cached: it learns when what the page shows stops being true. */
  freshness?: Freshness,
): Promise<WebLoadContext> {
  const ctx = platform.context(tenant, db, {
    locale: base.locale,
    actor,
    ...(freshness ? { changesAt: freshness.changesAt } : {}),
  })
  const enabled = platform.modules.filter((m) => tenant.info.modules[m.id])
  const nav: NavItem[] = enabled.flatMap((m) => (m.web?.nav ?? []).map((n) => ({ ...n, moduleId: m.id })))
  return {
    ...base,
    site: {
      kind: 'tenant',
      ctx,
      nav,
      modules: enabled.map((m) => ({
        id: m.id,
        dimension: m.dimension,
        title: m.title,
        description: m.description,
        path: m.web?.nav?.[0]?.path,
      })),
      reference: tenant.record.reference,
      definitions: platform.modules,
    },
  }
}

/** Load context for the bare platform host: the tenants and where to reach them. */
export async function platformPageContext(
  platform: Platform,
  requestUrl: URL,
  base: Omit<WebLoadContext, 'site'>,
): Promise<WebLoadContext> {
  const port = requestUrl.port ? `:${requestUrl.port}` : ''
  const tenants = (await listTenants(platform.controlPlane))
    .filter((t) => t.status === 'active')
    .map((t) => ({
      slug: t.slug,
      name: t.name,
      province: t.province,
      url: `${requestUrl.protocol}//${t.hosts[0]?.host ?? `${t.slug}.${platform.options.platformHost}`}${port}/`,
    }))
  return { ...base, site: { kind: 'platform', tenants } }
}

export { pickText }
