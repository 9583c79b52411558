import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Public services after the Standar Pelayanan of Law 25/2009. Lists (requirements, steps, places,
 * legal basis) are JSON columns: they are read and written whole with their service.
 */
export const services = sqliteTable(
  'services_services',
  {
    id: text('id').primaryKey(),
    seedKey: text('seed_key').unique(),
    /** URL key, fixed at creation; presence schedules name services by slug or id. */
    slug: text('slug').notNull().unique(),
    nameIndonesian: text('name_id').notNull(),
    nameEnglish: text('name_en'),
    summaryIndonesian: text('summary_id'),
    summaryEnglish: text('summary_en'),
    /** JSON array of words people type ("e-KTP", "bikin KTP"). */
    synonyms: text('synonyms').notNull(),
    category: text('category').notNull(),
    /** JSON array of audience ids. */
    audience: text('audience').notNull(),
    /** Office id (directory), checked through the directory module on every write. */
    officeId: text('office_id').notNull(),
    unitId: text('unit_id'),
    /** JSON array of { officeId, counterId }. */
    locations: text('locations').notNull(),
    /** JSON array of { document, note, condition }. */
    requirements: text('requirements').notNull(),
    /** JSON array of localized steps. */
    procedure: text('procedure').notNull(),
    /** 1 when free; else fee_amount in rupiah. */
    feeFree: integer('fee_free').notNull(),
    feeAmount: integer('fee_amount'),
    feeNoteIndonesian: text('fee_note_id'),
    feeNoteEnglish: text('fee_note_en'),
    feeLegalBasis: text('fee_legal_basis'),
    processingValue: integer('processing_value'),
    processingUnit: text('processing_unit'),
    processingNoteIndonesian: text('processing_note_id'),
    processingNoteEnglish: text('processing_note_en'),
    productIndonesian: text('product_id'),
    productEnglish: text('product_en'),
    /** JSON array of strings (laws, regulations). */
    legalBasis: text('legal_basis').notNull(),
    /** JSON { description, phone, email, url } or null. */
    complaint: text('complaint'),
    onlineUrl: text('online_url'),
    /** JSON array of service ids. */
    related: text('related').notNull(),
    verifiedAt: text('verified_at'),
    verifiedBy: text('verified_by'),
    verificationSource: text('verification_source'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('services_services_name').on(t.nameIndonesian, t.id), index('services_services_office').on(t.officeId)],
)

export const schema = { services }
