import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Government offices (OPD): dinas, badan, kecamatan, puskesmas, RSUD, MPP, ... */
export const offices = sqliteTable(
  'directory_offices',
  {
    id: text('id').primaryKey(),
    /** Stable key of a template record, so seeding twice inserts nothing new. */
    seedKey: text('seed_key').unique(),
    /** URL key, never changed after creation; also the schedules owner id (`directory/office/<slug>`). */
    slug: text('slug').notNull().unique(),
    type: text('type').notNull(),
    nameIndonesian: text('name_id').notNull(),
    nameEnglish: text('name_en'),
    shortName: text('short_name'),
    parentId: text('parent_id'),
    address: text('address'),
    kecamatan: text('kecamatan'),
    lat: real('lat'),
    lon: real('lon'),
    phone: text('phone'),
    whatsapp: text('whatsapp'),
    email: text('email'),
    website: text('website'),
    descriptionIndonesian: text('description_id'),
    descriptionEnglish: text('description_en'),
    verifiedAt: text('verified_at'),
    verifiedBy: text('verified_by'),
    verificationSource: text('verification_source'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('directory_offices_name').on(t.nameIndonesian, t.id)],
)

/** Bidang, seksi, subbagian inside an office, nested through the parent unit. */
export const units = sqliteTable(
  'directory_units',
  {
    id: text('id').primaryKey(),
    seedKey: text('seed_key').unique(),
    officeId: text('office_id').notNull(),
    parentId: text('parent_id'),
    kind: text('kind').notNull(),
    nameIndonesian: text('name_id').notNull(),
    nameEnglish: text('name_en'),
    /** What the unit handles, in words people use. */
    handlesIndonesian: text('handles_id'),
    handlesEnglish: text('handles_en'),
    phone: text('phone'),
    email: text('email'),
    sortOrder: integer('sort_order').notNull(),
    verifiedAt: text('verified_at'),
    verifiedBy: text('verified_by'),
    verificationSource: text('verification_source'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('directory_units_office').on(t.officeId, t.sortOrder, t.id)],
)

/** Counters / desks (loket) where people are served. */
export const counters = sqliteTable(
  'directory_counters',
  {
    id: text('id').primaryKey(),
    seedKey: text('seed_key').unique(),
    officeId: text('office_id').notNull(),
    unitId: text('unit_id'),
    code: text('code').notNull(),
    nameIndonesian: text('name_id').notNull(),
    nameEnglish: text('name_en'),
    locationIndonesian: text('location_id'),
    locationEnglish: text('location_en'),
    sortOrder: integer('sort_order').notNull(),
    verifiedAt: text('verified_at'),
    verifiedBy: text('verified_by'),
    verificationSource: text('verification_source'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('directory_counters_office').on(t.officeId, t.sortOrder, t.id)],
)

/** Positions (Kepala Dinas, Kepala Bidang, ...); the holder's name only where it is public. */
export const positions = sqliteTable(
  'directory_positions',
  {
    id: text('id').primaryKey(),
    seedKey: text('seed_key').unique(),
    officeId: text('office_id').notNull(),
    unitId: text('unit_id'),
    titleIndonesian: text('title_id').notNull(),
    titleEnglish: text('title_en'),
    holderName: text('holder_name'),
    sortOrder: integer('sort_order').notNull(),
    verifiedAt: text('verified_at'),
    verifiedBy: text('verified_by'),
    verificationSource: text('verification_source'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('directory_positions_office').on(t.officeId, t.sortOrder, t.id)],
)

export const schema = { offices, units, counters, positions }
