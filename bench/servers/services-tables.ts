// Tables of the bare Hono services handler: a service and its office, as one would write them by hand.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const offices = sqliteTable('offices', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  nameId: text('name_id').notNull(),
  nameEn: text('name_en'),
  shortName: text('short_name').notNull(),
  kecamatan: text('kecamatan').notNull(),
})

export const services = sqliteTable('services', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  nameId: text('name_id').notNull(),
  nameEn: text('name_en'),
  summaryId: text('summary_id'),
  summaryEn: text('summary_en'),
  category: text('category').notNull(),
  officeId: integer('office_id')
    .notNull()
    .references(() => offices.id),
  synonyms: text('synonyms', { mode: 'json' }).$type<string[]>().notNull(),
  audience: text('audience', { mode: 'json' }).$type<string[]>().notNull(),
  requirements: text('requirements', { mode: 'json' }).$type<unknown[]>().notNull(),
  procedure: text('procedure', { mode: 'json' }).$type<unknown[]>().notNull(),
  feeFree: integer('fee_free', { mode: 'boolean' }).notNull(),
  feeAmount: integer('fee_amount'),
  processingValue: integer('processing_value'),
  processingUnit: text('processing_unit'),
  legalBasis: text('legal_basis', { mode: 'json' }).$type<string[]>().notNull(),
})

export const createStatements = [
  `CREATE TABLE offices (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name_id TEXT NOT NULL, name_en TEXT,
    short_name TEXT NOT NULL, kecamatan TEXT NOT NULL)`,
  `CREATE TABLE services (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name_id TEXT NOT NULL, name_en TEXT,
    summary_id TEXT, summary_en TEXT, category TEXT NOT NULL, office_id INTEGER NOT NULL REFERENCES offices (id),
    synonyms TEXT NOT NULL, audience TEXT NOT NULL, requirements TEXT NOT NULL, procedure TEXT NOT NULL,
    fee_free INTEGER NOT NULL, fee_amount INTEGER, processing_value INTEGER, processing_unit TEXT,
    legal_basis TEXT NOT NULL)`,
  'CREATE INDEX services_name ON services (name_id, id)',
]
