import { blob, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * A regulation's uploaded PDF (the signed Perbup's scan), one per regulation, kept in the tenant's
 * own database: it commits with its audit entry and is never another tenant's (ADR 0120).
 */
export const regulationDocuments = sqliteTable('governance_regulation_documents', {
  regulationId: text('regulation_id').primaryKey(),
  fileName: text('file_name').notNull(),
  bytes: integer('bytes').notNull(),
  sha256: text('sha256').notNull(),
  content: blob('content', { mode: 'buffer' }).notNull(),
  uploadedAt: text('uploaded_at').notNull(),
  uploadedBy: text('uploaded_by'),
})
