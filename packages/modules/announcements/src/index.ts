import { fileURLToPath } from 'node:url'
import { defineModule, type HomeSection, type TenantContext } from '@cerdas/core'
import { z } from 'zod'
import { announcement } from './announcement'
import { migrations } from './migrations'

export * from './announcement'

const settings = z.object({
  /** Announcements per page on the public list. */
  pageSize: z.number().int().min(1).max(100).default(10),
  /** How many of the newest announcements the home page shows (0 hides them). */
  homeCount: z.number().int().min(0).max(10).default(3),
})

/** The newest announcements for the home page, as many as the tenant's settings say. */
async function latestAnnouncements(ctx: TenantContext): Promise<HomeSection | null> {
  const count = announcements.settingsOf(ctx).homeCount
  if (count === 0) return null
  const { items } = await announcement.list(ctx, { limit: count })
  return {
    title: { id: 'Pengumuman terbaru', en: 'Latest announcements' },
    moreUrl: '/pengumuman',
    items: items.map((a) => ({
      title: a.title,
      url: `/pengumuman/${a.id}`,
      date: a.publishAt,
      verified: a.verification.verified,
    })),
  }
}

/**
 * Pengumuman: official notices of the regency (service changes, emergencies, events). The
 * reference module: one entity declared once, its pages, and a home-page section.
 */
const announcements = defineModule({
  id: 'announcements',
  dimension: 'governance',
  title: { id: 'Pengumuman', en: 'Announcements' },
  description: { id: 'Pengumuman resmi pemerintah daerah', en: 'Official notices of the local government' },
  entities: [announcement],
  migrations,
  settings,
  web: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    styles: 'web/styles.css',
    routes: [
      { path: 'pengumuman', file: 'web/announcement-list.tsx' },
      { path: 'pengumuman/:id', file: 'web/announcement-detail.tsx' },
    ],
    nav: [{ path: '/pengumuman', title: { id: 'Pengumuman', en: 'Announcements' } }],
    home: latestAnnouncements,
  },
})

export default announcements
