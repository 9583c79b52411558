import { type AdminEntity, pickText } from '@cerdas/core'
import {
  createAnnouncement,
  deleteAnnouncement,
  getAnnouncementForEditing,
  listAnnouncementsForEditing,
  updateAnnouncement,
  verifyAnnouncement,
} from './announcements'
import { CATEGORIES } from './categories'
import { type Announcement, createAnnouncementSchema, updateAnnouncementSchema } from './validation'

const CATEGORY_LABELS = {
  general: { id: 'Umum', en: 'General' },
  service: { id: 'Layanan', en: 'Services' },
  emergency: { id: 'Darurat', en: 'Emergency' },
  event: { id: 'Kegiatan', en: 'Events' },
} as const

/** Announcements in the admin console: list, form, verify, delete, CSV/XLSX. */
export const announcementAdmin: AdminEntity<Announcement> = {
  id: 'announcement',
  title: { id: 'Pengumuman', en: 'Announcements' },
  fields: [
    { name: 'title.id', label: { id: 'Judul (Indonesia)', en: 'Title (Indonesian)' }, type: 'text', required: true },
    { name: 'title.en', label: { id: 'Judul (Inggris)', en: 'Title (English)' }, type: 'text' },
    { name: 'body.id', label: { id: 'Isi (Indonesia)', en: 'Body (Indonesian)' }, type: 'textarea', required: true },
    { name: 'body.en', label: { id: 'Isi (Inggris)', en: 'Body (English)' }, type: 'textarea' },
    {
      name: 'category',
      label: { id: 'Kategori', en: 'Category' },
      type: 'select',
      required: true,
      options: CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] })),
    },
    { name: 'link', label: { id: 'Tautan informasi', en: 'Information link' }, type: 'url' },
    {
      name: 'publishAt',
      label: { id: 'Terbit', en: 'Publish at' },
      type: 'datetime',
      help: { id: 'Kosongkan untuk terbit sekarang', en: 'Leave empty to publish now' },
    },
    { name: 'expiresAt', label: { id: 'Berakhir', en: 'Expires at' }, type: 'datetime' },
  ],
  columns: [
    { label: { id: 'Kategori', en: 'Category' }, value: (a, locale) => pickText(CATEGORY_LABELS[a.category], locale) },
    { label: { id: 'Terbit', en: 'Published' }, value: (a) => a.publishAt.slice(0, 16).replace('T', ' ') },
  ],
  permissions: {
    create: 'announcements.announcement:create',
    update: 'announcements.announcement:update',
    delete: 'announcements.announcement:delete',
    verify: 'announcements.announcement:verify',
  },
  createSchema: createAnnouncementSchema,
  updateSchema: updateAnnouncementSchema,
  list: listAnnouncementsForEditing,
  get: getAnnouncementForEditing,
  create: createAnnouncement,
  update: updateAnnouncement,
  remove: deleteAnnouncement,
  verify: verifyAnnouncement,
  idOf: (a) => a.id,
  labelOf: (a, locale) => pickText(a.title, locale),
  valuesOf: (a) => ({
    'title.id': a.title.id,
    'title.en': a.title.en ?? null,
    'body.id': a.body.id,
    'body.en': a.body.en ?? null,
    category: a.category,
    link: a.link,
    publishAt: a.publishAt,
    expiresAt: a.expiresAt,
  }),
  verificationOf: (a) => ({ verifiedAt: a.verification.verifiedAt, verifiedBy: a.verification.verifiedBy }),
  publicUrl: (a) => `/pengumuman/${a.id}`,
}
