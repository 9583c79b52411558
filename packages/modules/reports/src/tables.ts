import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** The report tables of migrations.ts, as the hand-written queries read them. */
export const reports = sqliteTable('reports_reports', {
  id: text('id').primaryKey(),
  number: text('number').notNull(),
  trackingHash: text('tracking_hash').notNull(),
  clientKey: text('client_key'),
  categoryId: text('category_id').notNull(),
  description: text('description').notNull(),
  hiddenReason: text('hidden_reason'),
  status: text('status').notNull(),
  statusReason: text('status_reason'),
  officeId: text('office_id'),
  unitId: text('unit_id'),
  dimension: text('dimension').notNull(),
  kecamatan: text('kecamatan'),
  desa: text('desa'),
  exactLat: real('exact_lat'),
  exactLon: real('exact_lon'),
  landmark: text('landmark'),
  atHome: integer('at_home', { mode: 'boolean' }).notNull(),
  publicLat: real('public_lat'),
  publicLon: real('public_lon'),
  reporterName: text('reporter_name'),
  reporterPhone: text('reporter_phone'),
  reporterEmail: text('reporter_email'),
  photos: text('photos').notNull(),
  photosPublic: integer('photos_public', { mode: 'boolean' }).notNull(),
  source: text('source').notNull(),
  mergedInto: text('merged_into'),
  dueKind: text('due_kind'),
  dueAt: text('due_at'),
  receivedAt: text('received_at').notNull(),
  verifiedAt: text('verified_at'),
  forwardedAt: text('forwarded_at'),
  resolvedAt: text('resolved_at'),
  closedAt: text('closed_at'),
  confirmedAt: text('confirmed_at'),
  reopenedCount: integer('reopened_count').notNull(),
  anonymisedAt: text('anonymised_at'),
  updatedAt: text('updated_at').notNull(),
})

export type ReportRow = typeof reports.$inferSelect

export const reportEvents = sqliteTable('reports_events', {
  id: text('id').primaryKey(),
  reportId: text('report_id').notNull(),
  at: text('at').notNull(),
  kind: text('kind').notNull(),
  statusFrom: text('status_from'),
  statusTo: text('status_to'),
  body: text('body'),
  public: integer('public', { mode: 'boolean' }).notNull(),
  actorId: text('actor_id'),
  actorName: text('actor_name'),
})

export type ReportEventRow = typeof reportEvents.$inferSelect

export const oneTimeCodes = sqliteTable('reports_one_time_codes', {
  id: text('id').primaryKey(),
  reportId: text('report_id').notNull(),
  purpose: text('purpose').notNull(),
  codeHash: text('code_hash').notNull(),
  expiresAt: text('expires_at').notNull(),
  attempts: integer('attempts').notNull(),
  usedAt: text('used_at'),
})
