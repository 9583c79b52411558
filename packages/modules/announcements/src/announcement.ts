import { defineEntity, type EntityRecord, field } from '@cerdas/core'
import { z } from '@hono/zod-openapi'
import { gt, isNull, lte, or } from 'drizzle-orm'

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
