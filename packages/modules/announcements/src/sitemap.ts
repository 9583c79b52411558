import type { SitemapEntry, TenantContext } from '@cerdas/core'
import { and, desc, gt, isNull, lte, or } from 'drizzle-orm'
import { announcements } from './schema'

/**
 * The announcement pages for the tenant's sitemap: what the public list shows (published and not
 * expired), newest first, with when each last changed.
 */
export async function announcementSitemap(ctx: TenantContext): Promise<SitemapEntry[]> {
  const now = ctx.now().toISOString()
  const rows = await ctx.db
    .select({ id: announcements.id, updatedAt: announcements.updatedAt })
    .from(announcements)
    .where(
      and(lte(announcements.publishAt, now), or(isNull(announcements.expiresAt), gt(announcements.expiresAt, now))),
    )
    .orderBy(desc(announcements.publishAt), desc(announcements.id))
  return rows.map((row) => ({ path: `/pengumuman/${row.id}`, lastModified: row.updatedAt }))
}
