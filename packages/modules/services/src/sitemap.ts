import type { SitemapEntry, TenantContext } from '@cerdas/core'
import { services } from './schema'
import { serviceUrl } from './services'

/** Every service page for the tenant's sitemap, by name, with when it last changed. */
export async function serviceSitemap(ctx: TenantContext): Promise<SitemapEntry[]> {
  const rows = await ctx.db
    .select({ slug: services.slug, updatedAt: services.updatedAt })
    .from(services)
    .orderBy(services.nameIndonesian, services.id)
  return rows.map((row) => ({ path: serviceUrl(row), lastModified: row.updatedAt }))
}
