import { real, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Values of the KPIs, every revision kept: the current value of a (KPI, period) has no
 * `replaced_at`; recording another one stamps it, so earlier values stay readable.
 */
export const kpiValues = sqliteTable('governance_kpi_values', {
  id: text('id').primaryKey(),
  kpiId: text('kpi_id').notNull(),
  period: text('period').notNull(),
  value: real('value').notNull(),
  source: text('source'),
  note: text('note'),
  computedFrom: text('computed_from'),
  recordedAt: text('recorded_at').notNull(),
  recordedBy: text('recorded_by'),
  replacedAt: text('replaced_at'),
})

export type KpiValueRow = typeof kpiValues.$inferSelect
