import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Opening hours and officer presence of any entity of any module. The owner is
 * a reference (module + type + id), never a foreign key into another module's tables.
 */
export const schedules = sqliteTable(
  'schedules_schedules',
  {
    id: text('id').primaryKey(),
    /** Stable key of a template record, so seeding twice inserts nothing new. */
    seedKey: text('seed_key').unique(),
    ownerModule: text('owner_module').notNull(),
    ownerType: text('owner_type').notNull(),
    ownerId: text('owner_id').notNull(),
    /** `hours` (when the place is open) or `presence` (when an officer is at the desk). */
    kind: text('kind').notNull(),
    labelIndonesian: text('label_id').notNull(),
    labelEnglish: text('label_en'),
    /** Presence only: the role or desk (e.g. "Petugas perekaman KTP-el"). */
    roleIndonesian: text('role_id'),
    roleEnglish: text('role_en'),
    /** JSON array of service references the presence covers. */
    services: text('services').notNull(),
    /** The engine's schedule definition as JSON (validated with @cerdas/schedules' scheduleSchema). */
    definition: text('definition').notNull(),
    /** Mirrors definition.closedOnHolidays, for queries. */
    closedOnHolidays: integer('closed_on_holidays').notNull(),
    verifiedAt: text('verified_at'),
    verifiedBy: text('verified_by'),
    verificationSource: text('verification_source'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('schedules_schedules_owner').on(t.ownerModule, t.ownerType, t.ownerId, t.id)],
)

export const schema = { schedules }
