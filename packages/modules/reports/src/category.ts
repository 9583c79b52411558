import {
  DIMENSION_IDS,
  DIMENSIONS,
  defineEntity,
  type EntityRecord,
  type FieldError,
  field,
  type LocalizedText,
  type TenantContext,
} from '@cerdas/core'
import { findUnit, officeOptions, unitOptions } from '@cerdas/module-directory'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { z } from 'zod'

const label = (id: string, en: string): LocalizedText => ({ id, en })
const recordRef = z.string().trim().min(1).max(64)

const DIMENSION_LABELS = Object.fromEntries(DIMENSIONS.map((d) => [d.id, d.title])) as Record<
  (typeof DIMENSION_IDS)[number],
  LocalizedText
>

const fields = {
  name: field.localizedText({ label: label('Nama', 'Name'), required: true, max: 200, search: 'title' }),
  description: field.localizedText({
    label: label('Penjelasan', 'Description'),
    max: 1000,
    long: true,
    help: label(
      'Apa yang termasuk jenis laporan ini, untuk pelapor.',
      'What belongs to this kind of report, for reporters.',
    ),
  }),
  group: field.text({
    label: label('Kelompok', 'Group'),
    max: 100,
    column: 'group_name',
    listed: true,
    filterable: true,
    help: label(
      'Kelompok jenis laporan (Open311 group), misalnya Persampahan.',
      'Group of categories (Open311 group), e.g. Waste.',
    ),
  }),
  // Which team works the reports: copied to each report, so a dimension team sees its own.
  dimension: field.enum(DIMENSION_IDS, DIMENSION_LABELS, {
    label: label('Tim dimensi', 'Dimension team'),
    required: true,
    default: 'environment',
    filterable: true,
    listed: true,
  }),
  officeId: field.reference({
    label: label('Kantor penanggung jawab', 'Responsible office'),
    target: 'directory.office',
    stores: 'id',
    input: recordRef,
    options: officeOptions,
    section: label('Penerusan', 'Routing'),
  }),
  unitId: field.text({
    label: label('Bidang penanggung jawab', 'Responsible unit'),
    input: recordRef,
    options: unitOptions,
    help: label('Harus bidang dari kantor di atas.', 'Must be a unit of the office above.'),
  }),
  keywords: field.lines({
    label: label('Kata yang dipakai warga', 'Words people use'),
    max: 100,
    maxValue: 30,
    search: 'keywords',
  }),
  active: field.boolean({
    label: label('Aktif (bisa dipilih pelapor)', 'Active (reporters can choose it)'),
    default: true,
  }),
  sortOrder: field.number({
    label: label('Urutan', 'Order'),
    integer: true,
    min: 0,
    maxValue: 10_000,
    required: true,
    default: 0,
  }),
  sourceNote: field.longText({ label: label('Catatan sumber', 'Source note'), max: 2000 }),
}

/** A unit must be one of the category's office; stored by id. */
async function resolveUnit(
  ctx: TenantContext,
  values: Record<string, unknown>,
  input: Record<string, unknown>,
  selfId: string | null,
): Promise<{ values: Record<string, unknown>; errors: FieldError[] }> {
  const errors: FieldError[] = []
  const officeId = (values.officeId as string | null | undefined) ?? null
  const unitRef = selfId && input.officeId !== undefined && input.unitId === undefined ? null : values.unitId
  let unitId: string | null = null
  if (typeof unitRef === 'string' && unitRef) {
    const unit = await findUnit(ctx, unitRef)
    if (!unit) errors.push({ pointer: '/unitId', message: `no unit ${unitRef}` })
    else if (unit.officeId !== officeId)
      errors.push({ pointer: '/unitId', message: 'the unit belongs to another office' })
    else unitId = unit.id
  }
  return { values: { unitId }, errors }
}

/**
 * What a report is about (uncollected waste, a blocked drain…), routed to an office and unit of
 * the directory and worked by a dimension team. Its slug is the Open311 `service_code`.
 */
export const category = defineEntity({
  module: 'reports',
  name: 'category',
  table: 'reports_categories',
  idPrefix: 'rcat',
  title: label('Jenis laporan', 'Report categories'),
  fields,
  slug: { from: 'name', fixed: true },
  order: { field: 'sortOrder', direction: 'asc' },
  api: { path: '/reports/categories', tag: 'Reports', schema: 'ReportCategory' },
  hooks: { resolve: resolveUnit },
})

export type Category = EntityRecord<typeof fields> & { slug: string }

/** The columns the hand-written queries read. */
export const categoryColumns = category.table as unknown as Record<
  'id' | 'slug' | 'nameIndonesian' | 'nameEnglish' | 'dimension' | 'officeId' | 'unitId' | 'active' | 'sortOrder',
  SQLiteColumn
>
