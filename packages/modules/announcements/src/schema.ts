import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const announcements = sqliteTable('announcements_items', {
  id: text('id').primaryKey(),
  /** Stable key of a template record, so seeding twice inserts nothing new. */
  seedKey: text('seed_key').unique(),
  titleId: text('title_id').notNull(),
  titleEn: text('title_en'),
  bodyId: text('body_id').notNull(),
  bodyEn: text('body_en'),
  category: text('category').notNull(),
  /** Id of the office it concerns, once the directory module exists. */
  officeRef: text('office_ref'),
  link: text('link'),
  publishAt: text('publish_at').notNull(),
  expiresAt: text('expires_at'),
  verifiedAt: text('verified_at'),
  verifiedBy: text('verified_by'),
  verificationSource: text('verification_source'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
})

export const schema = { announcements }
