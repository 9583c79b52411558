import { type FieldError, field, type TenantContext } from '@cerdas/core'
import { eq, sql } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { office, officeOptions } from './office'

/**
 * What the parts of an office (units, counters, positions) share: each belongs to one office, for
 * good; is ordered within it, last unless given a place; and may name a unit of the same office.
 */

type PartColumns = Record<'id' | 'officeId' | 'parentId' | 'unitId' | 'sortOrder', SQLiteColumn>
const columnsOf = (table: SQLiteTable) => table as unknown as PartColumns
function label(id: string, en: string) {
  return { id, en }
}

export function officeIdField() {
  return field.reference({
    label: label('Kantor', 'Office'),
    target: 'directory.office',
    stores: 'id',
    required: true,
    filterable: true,
    listed: true,
    options: officeOptions,
  })
}

/** The place in the office's order; a new part goes after the last one unless given a place. */
export function sortOrderField(table: () => SQLiteTable) {
  return field.number({
    label: label('Urutan', 'Order'),
    integer: true,
    min: 0,
    maxValue: 10_000,
    required: true,
    vouched: false,
    help: label('Urutan tampil di halaman kantor; kecil lebih dulu.', 'Order on the office page; smaller first.'),
    default: async (ctx: TenantContext, input: Record<string, unknown>) => {
      const officeId = await office.resolveId(ctx, String(input.officeId))
      const c = columnsOf(table())
      const [row] = await ctx.db
        .select({ max: sql<number | null>`max(${c.sortOrder})` })
        .from(table())
        .where(eq(c.officeId, officeId ?? ''))
      return (row?.max ?? -1) + 1
    },
  })
}

/**
 * A part stays in its office (an update may name the same office only), and the unit it names
 * (`pointer`) is one of that office: not the part itself nor below it, when parts nest.
 */
export async function checkPart(
  ctx: TenantContext,
  table: SQLiteTable,
  unitTable: SQLiteTable,
  values: Record<string, unknown>,
  id: string | null,
  pointer: '/unitId' | '/parentId',
): Promise<FieldError[]> {
  const officeId = values.officeId as string
  if (id) {
    const [stored] = await ctx.db
      .select({ officeId: columnsOf(table).officeId })
      .from(table)
      .where(eq(columnsOf(table).id, id))
    if (stored && stored.officeId !== officeId)
      return [{ pointer: '/officeId', message: 'cannot move to another office; create it there instead' }]
  }
  const units = columnsOf(unitTable)
  let current = (values[pointer.slice(1)] as string | null) ?? null
  for (let depth = 0; current && depth < 50; depth++) {
    if (current === id) return [{ pointer, message: 'a unit cannot be inside itself' }]
    const [row] = await ctx.db
      .select({ officeId: units.officeId, parentId: units.parentId })
      .from(unitTable)
      .where(eq(units.id, current))
    if (depth === 0 && row?.officeId !== officeId) return [{ pointer, message: 'the unit belongs to another office' }]
    // Only units nest: a counter's or position's unit has no cycle to look for.
    current = pointer === '/parentId' ? ((row?.parentId as string | null) ?? null) : null
  }
  return []
}
