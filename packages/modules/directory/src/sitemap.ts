import type { SitemapEntry, TenantContext } from '@cerdas/core'
import { officeUrl } from './offices'
import { offices } from './schema'

/** Every office page for the tenant's sitemap, by name, with when it last changed. */
export async function officeSitemap(ctx: TenantContext): Promise<SitemapEntry[]> {
  const rows = await ctx.db
    .select({ slug: offices.slug, updatedAt: offices.updatedAt })
    .from(offices)
    .orderBy(offices.nameIndonesian, offices.id)
  return rows.map((row) => ({ path: officeUrl(row), lastModified: row.updatedAt }))
}
