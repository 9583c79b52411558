import { defineEntity, type EntityRecord, type FieldError, field, type TenantContext } from '@cerdas/core'
import { eq } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { checkPart, officeIdField, sortOrderField } from './office-parts'
import { unit, unitIdField } from './units'

const label = (id: string, en: string) => ({ id, en })

const fields = {
  officeId: officeIdField(),
  code: field.text({ label: label('Nomor loket', 'Counter number'), required: true, max: 20, listed: true }),
  name: field.localizedText({ label: label('Nama', 'Name'), required: true, max: 200, search: 'title' }),
  unitId: unitIdField(label('Bidang yang melayani', 'Unit serving it')),
  location: field.localizedText({ label: label('Letak', 'Location'), max: 500 }),
  sortOrder: sortOrderField((): SQLiteTable => counter.table),
}

export type Counter = EntityRecord<typeof fields>

/** Counters (loket) of an office, where people are served. */
export const counter = defineEntity({
  module: 'directory',
  name: 'counter',
  table: 'directory_counters',
  idPrefix: 'ctr',
  title: label('Loket', 'Counters'),
  noun: label('loket', 'counters'),
  fields,
  order: { field: 'sortOrder', direction: 'asc' },
  api: {
    path: '/directory/counters',
    tag: 'Directory',
    schema: 'Counter',
    routes: ['get', 'create', 'update', 'delete', 'verify'],
  },
  hooks: { check: checkCounter },
})

/** The counters of an office, in their order. */
export async function listCountersOfOffice(ctx: TenantContext, officeId: string): Promise<Counter[]> {
  return (await counter.list(ctx, { officeId, limit: 5000 })).items
}

/** Counters by id, in one query (for pages that name many). */
export function countersByIds(ctx: TenantContext, ids: readonly string[]): Promise<Map<string, Counter>> {
  return counter.byKeys(ctx, ids)
}

/** A counter by id, or null: what other modules call to validate a counter reference. */
export async function findCounter(ctx: TenantContext, id: string): Promise<Counter | null> {
  return (await counter.byKeys(ctx, [id])).get(id) ?? null
}

export function listCountersForEditing(ctx: TenantContext, page: { cursor?: string | undefined; limit: number }) {
  return counter.listForEditing(ctx, page)
}

/** The id of a counter seeded from a template under its key, for other modules' seeds. */
export async function seededCounterId(ctx: TenantContext, counterKey: string): Promise<string | undefined> {
  const c = counter.table as unknown as Record<'id' | 'seedKey', SQLiteColumn>
  const [row] = await ctx.db
    .select({ id: c.id })
    .from(counter.table)
    .where(eq(c.seedKey, `counter:${counterKey}`))
  return row?.id as string | undefined
}

/** The office stays, and the unit it names is one of that office. */
function checkCounter(ctx: TenantContext, values: Record<string, unknown>, id: string | null): Promise<FieldError[]> {
  return checkPart(ctx, counter.table, unit.table, values, id, '/unitId')
}
