import { fileURLToPath } from 'node:url'
import {
  defineEntity,
  defineModule,
  type EntityRecord,
  field,
  type HomeSection,
  type TenantContext,
} from '@cerdas/core'
import { z } from '@hono/zod-openapi'
import { gt, isNull, lte, or } from 'drizzle-orm'
import { migrations } from './migrations'

export const CATEGORIES = ['general', 'service', 'emergency', 'event'] as const
export type Category = (typeof CATEGORIES)[number]

const fields = {
  title: field.localizedText({
    label: { id: 'Judul', en: 'Title' },
    required: true,
    max: 200,
    search: 'title',
  }),
  body: field.localizedText({
    label: { id: 'Isi', en: 'Body' },
    required: true,
    max: 10_000,
    long: true,
    search: 'body',
  }),
  category: field.enum(
    CATEGORIES,
    {
      general: { id: 'Umum', en: 'General' },
      service: { id: 'Layanan', en: 'Services' },
      emergency: { id: 'Darurat', en: 'Emergency' },
      event: { id: 'Kegiatan', en: 'Events' },
    },
    { label: { id: 'Kategori', en: 'Category' }, required: true, filterable: true, search: 'keywords', listed: true },
  ),
  /** Id of the office it concerns, once the directory module exists. */
  officeRef: field.text({ label: { id: 'Kantor terkait', en: 'Office concerned' }, max: 64 }),
  link: field.url({ label: { id: 'Tautan informasi', en: 'Information link' } }),
  publishAt: field.dateTime({
    label: { id: 'Terbit', en: 'Publish at' },
    defaultNow: true,
    listed: true,
    help: { id: 'Kosongkan untuk terbit sekarang', en: 'Leave empty to publish now' },
  }),
  expiresAt: field.dateTime({ label: { id: 'Berakhir', en: 'Expires at' } }),
}

/**
 * Pengumuman: an official notice, public from `publishAt`, listed until `expiresAt` (its page stays,
 * marked as ended).
 */
export const announcement = defineEntity({
  module: 'announcements',
  name: 'announcement',
  table: 'announcements_items',
  idPrefix: 'ann',
  title: { id: 'Pengumuman', en: 'Announcements' },
  fields,
  order: { field: 'publishAt', direction: 'desc' },
  api: { path: '/announcements', tag: 'Announcements', schema: 'Announcement' },
  page: '/pengumuman',
  published: (c, now) => lte(c.publishAt, now),
  current: (c, now) => or(isNull(c.expiresAt), gt(c.expiresAt, now)),
  visibilityChangesAt: (c) => [c.publishAt, c.expiresAt],
  derived: {
    schema: { expired: z.boolean() },
    of: (values, now) => ({ expired: typeof values.expiresAt === 'string' && values.expiresAt <= now }),
  },
  rules: [
    {
      field: 'expiresAt',
      message: 'must be after publishAt',
      holds: ({ publishAt, expiresAt }) =>
        !publishAt || !expiresAt || Date.parse(expiresAt as string) > Date.parse(publishAt as string),
    },
  ],
})

export type Announcement = EntityRecord<typeof fields, { expired: boolean }>

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
    moreUrl: announcement.urls.list,
    items: items.map((a) => ({
      title: a.title,
      url: announcement.urls.record(a),
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
