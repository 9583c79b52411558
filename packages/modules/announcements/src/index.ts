import { fileURLToPath } from 'node:url'
import { defineModule } from '@cerdas/core'
import { announcementAdmin } from './admin'
import { announcementSearchDocuments, announcementsHomeSection } from './announcements'
import { migrations } from './migrations'
import { permissions } from './permissions'
import { registerRoutes } from './routes/index'
import { schema } from './schema'
import { seedAnnouncements, seedData } from './seed'
import { settings } from './settings'
import { announcementSitemap } from './sitemap'

export * from './announcements'
export type { AnnouncementSettings } from './settings'
export * from './validation'

/**
 * Pengumuman: official notices of the regency (service changes, emergencies,
 * events). The reference module: every part of the contract in one place.
 */
export default defineModule({
  id: 'announcements',
  dimension: 'governance',
  title: { id: 'Pengumuman', en: 'Announcements' },
  description: { id: 'Pengumuman resmi pemerintah daerah', en: 'Official notices of the local government' },
  schema,
  migrations,
  settings,
  permissions,
  api: registerRoutes,
  search: announcementSearchDocuments,
  seed: { data: seedData, run: seedAnnouncements },
  admin: { entities: [announcementAdmin] },
  web: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    routes: [
      { path: 'pengumuman', file: 'web/announcement-list.tsx' },
      { path: 'pengumuman/:id', file: 'web/announcement-detail.tsx' },
    ],
    nav: [{ path: '/pengumuman', title: { id: 'Pengumuman', en: 'Announcements' } }],
    home: announcementsHomeSection,
    sitemap: announcementSitemap,
  },
})
