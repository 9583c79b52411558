import { defineEntity, type EntityRecord, type FieldError, field, type TenantContext } from '@cerdas/core'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { checkPart, officeIdField, sortOrderField } from './office-parts'
import { unit, unitIdField } from './units'

const label = (id: string, en: string) => ({ id, en })

const fields = {
  officeId: officeIdField(),
  title: field.localizedText({ label: label('Jabatan', 'Title'), required: true, max: 300, search: 'title' }),
  unitId: unitIdField(label('Bidang', 'Unit')),
  holderName: field.text({
    label: label('Nama pejabat (hanya jika publik)', 'Holder (only if public)'),
    max: 200,
    listed: true,
  }),
  sortOrder: sortOrderField((): SQLiteTable => position.table),
}

export type Position = EntityRecord<typeof fields>

/** Positions of an office (Kepala Dinas, Kepala Bidang, ...); the holder's name only where it is public. */
export const position = defineEntity({
  module: 'directory',
  name: 'position',
  table: 'directory_positions',
  idPrefix: 'pos',
  title: label('Jabatan', 'Positions'),
  noun: label('jabatan', 'positions'),
  fields,
  order: { field: 'sortOrder', direction: 'asc' },
  api: {
    path: '/directory/positions',
    tag: 'Directory',
    schema: 'Position',
    routes: ['get', 'create', 'update', 'delete', 'verify'],
  },
  hooks: { check: checkPosition },
})

/** The positions of an office, in their order. */
export async function listPositionsOfOffice(ctx: TenantContext, officeId: string): Promise<Position[]> {
  return (await position.list(ctx, { officeId, limit: 5000 })).items
}

/** The office stays, and the unit it names is one of that office. */
function checkPosition(ctx: TenantContext, values: Record<string, unknown>, id: string | null): Promise<FieldError[]> {
  return checkPart(ctx, position.table, unit.table, values, id, '/unitId')
}
