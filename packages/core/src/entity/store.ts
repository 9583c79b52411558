import { and, asc, desc, eq, or, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { problem } from '../problem'
import type { TenantContext } from '../tenant'
import { fieldKeys } from './columns'
import type { EntityColumns, EntityDeclaration } from './declaration'
import type { FieldMap } from './fields'
import { type EntityRow, recordOf } from './rows'

/** What record functions need of an entity: its declaration and its drizzle table. */
export interface EntityStore {
  declaration: EntityDeclaration<FieldMap, Record<string, unknown>>
  table: any
}

export type Record_ = Record<string, unknown>
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export const columnsOf = (store: EntityStore) =>
  store.table as unknown as { id: SQLiteColumn } & Record<string, SQLiteColumn | undefined>
export const qualified = (store: EntityStore) => `${store.declaration.module}.${store.declaration.name}`

export function toRecord(store: EntityStore, row: EntityRow, now: string, editor: boolean): Record_ {
  const d = store.declaration
  return recordOf(row, d.fields, {
    slug: d.slug !== undefined,
    editor,
    derive: d.derived ? (values) => d.derived?.of(values, now) ?? {} : undefined,
  })
}

export function visibility(store: EntityStore, now: string, listed: boolean): SQL[] {
  const d = store.declaration
  const columns = store.table as EntityColumns
  return [d.published?.(columns, now), listed ? d.current?.(columns, now) : undefined].filter(
    (c): c is SQL => c !== undefined,
  )
}

function keyCondition(store: EntityStore, key: string): SQL {
  const columns = columnsOf(store)
  const byId = eq(columns.id, key)
  return store.declaration.slug && columns.slug ? (or(byId, eq(columns.slug, key)) as SQL) : byId
}

/** The sort of a list: a declared sortable field, or the entity's order; translated text sorts by its Indonesian. */
export function sortOf(store: EntityStore, sort: string | undefined): { key: string; descending: boolean } {
  const order = store.declaration.order ?? { field: 'createdAt', direction: 'desc' }
  const name = sort ? sort.replace(/^-/, '') : order.field
  const f = store.declaration.fields[name]
  return {
    key: f ? (fieldKeys(name, f)[0] as string) : name,
    descending: sort ? sort.startsWith('-') : order.direction === 'desc',
  }
}

export async function findRow(ctx: TenantContext, store: EntityStore, key: string, where: SQL[] = []) {
  const [row] = (await ctx.db
    .select()
    .from(store.table)
    .where(and(keyCondition(store, key), ...where))) as EntityRow[]
  return row
}

export function notFound(store: EntityStore, key: string) {
  return problem('notFound', `No ${store.declaration.name} ${key}`)
}

/** Rows within `where`, in the entity's own order (the id breaking ties), at most `limit`. */
export async function rowsInOrder(
  ctx: TenantContext,
  store: EntityStore,
  where: SQL[],
  limit?: number,
): Promise<EntityRow[]> {
  const columns = columnsOf(store)
  const { key, descending } = sortOf(store, undefined)
  const direction = descending ? desc : asc
  const query = ctx.db
    .select()
    .from(store.table)
    .where(and(...where))
    .orderBy(direction(columns[key] as SQLiteColumn), direction(columns.id))
  return (await (limit === undefined ? query : query.limit(limit))) as EntityRow[]
}
