import { and, asc, desc, eq, gt, inArray, lt, or, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { decodeCursor, encodeCursor } from '../api-kit'
import { problem } from '../problem'
import type { TenantContext } from '../tenant'
import { type EntityRow, valuesOfRow } from './rows'
import {
  columnsOf,
  type EntityStore,
  findRow,
  notFound,
  type Page,
  type Record_,
  rowsInOrder,
  sortOf,
  toRecord,
  visibility,
} from './store'

/** One cursor page: `where` conditions, sorted, with the id breaking ties. */
async function page(
  ctx: TenantContext,
  store: EntityStore,
  where: SQL[],
  query: { cursor?: string | undefined; limit: number; sort?: string | undefined },
  editor: boolean,
): Promise<Page<Record_>> {
  const columns = columnsOf(store)
  const { key, descending } = sortOf(store, query.sort)
  const column = columns[key] as SQLiteColumn
  const conditions = [...where]
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor)
    if (cursor?.length !== 2) throw problem('badRequest', 'The cursor is not valid; start from the first page.')
    const [value, id] = cursor as [string | number, string]
    const past = descending ? lt : gt
    conditions.push(or(past(column, value), and(eq(column, value), past(columns.id, id))) as SQL)
  }
  const direction = descending ? desc : asc
  const rows = (await ctx.db
    .select()
    .from(store.table)
    .where(and(...conditions))
    .orderBy(direction(column), direction(columns.id))
    .limit(query.limit + 1)) as EntityRow[]
  const now = ctx.now().toISOString()
  const items = rows.slice(0, query.limit)
  const last = items.at(-1)
  return {
    items: items.map((row) => toRecord(store, row, now, editor)),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last[key] as string | number, last.id]) : null,
  }
}

/** The public list: published, current records, filtered and sorted as the query asks, and within `where`. */
export function listRecords(
  ctx: TenantContext,
  store: EntityStore,
  query: Record_ & { limit: number },
  where: SQL[] = [],
) {
  const now = ctx.now().toISOString()
  const columns = columnsOf(store)
  const filters = Object.entries(store.declaration.fields)
    .filter(([name, f]) => f.filterable && query[name] !== undefined)
    .map(([name]) => eq(columns[name] as SQLiteColumn, query[name]))
  return page(
    ctx,
    store,
    [...visibility(store, now, true), ...filters, ...where],
    query as { cursor?: string; limit: number; sort?: string },
    false,
  )
}

/** Every record, unpublished ones included, in the entity's order: the console's list. */
export function listRecordsForEditing(
  ctx: TenantContext,
  store: EntityStore,
  query: { cursor?: string | undefined; limit: number },
) {
  return page(ctx, store, [], query, true)
}

/** One record as the public sees it, by id or slug: 404 unless published. */
export async function getRecord(ctx: TenantContext, store: EntityStore, key: string): Promise<Record_> {
  const now = ctx.now().toISOString()
  const row = await findRow(ctx, store, key, visibility(store, now, false))
  if (!row) throw notFound(store, key)
  return toRecord(store, row, now, false)
}

/** One record for editors, private fields and unpublished records included. */
export async function getRecordForEditing(ctx: TenantContext, store: EntityStore, key: string): Promise<Record_> {
  const row = await findRow(ctx, store, key)
  if (!row) throw notFound(store, key)
  return toRecord(store, row, ctx.now().toISOString(), true)
}

/** Public records by id or slug, in one query: what linked pages show of another module's records. */
export async function recordsByKeys(ctx: TenantContext, store: EntityStore, keys: readonly string[]) {
  if (keys.length === 0) return new Map<string, Record_>()
  const now = ctx.now().toISOString()
  const columns = columnsOf(store)
  const unique = [...new Set(keys)]
  const match = store.declaration.slug
    ? (or(inArray(columns.id, unique), inArray(columns.slug as SQLiteColumn, unique)) as SQL)
    : inArray(columns.id, unique)
  const rows = (await ctx.db
    .select()
    .from(store.table)
    .where(and(match, ...visibility(store, now, false)))) as EntityRow[]
  const out = new Map<string, Record_>()
  for (const row of rows) {
    const record = toRecord(store, row, now, false)
    out.set(row.id, record)
    if (typeof row.slug === 'string') out.set(row.slug, record)
  }
  return out
}

/** The key other modules store for a record named by id or slug (its slug where it has one, or its id), or null. */
export async function canonicalKey(
  ctx: TenantContext,
  store: EntityStore,
  ref: string,
  stores: 'key' | 'id' = 'key',
): Promise<string | null> {
  const row = await findRow(ctx, store, ref)
  if (!row) return null
  return store.declaration.slug && stores === 'key' ? (row.slug as string) : row.id
}

/**
 * Every record as a choice for another module's reference field: the key it stores and the
 * record's title, in the entity's order (at most `max`).
 */
export async function recordOptions(ctx: TenantContext, store: EntityStore, max = 2000) {
  const d = store.declaration
  const rows = await rowsInOrder(ctx, store, [], max)
  const titled = Object.entries(d.fields).find(([, f]) => f.search === 'title') ?? Object.entries(d.fields)[0]
  return rows.map((row) => {
    const title = titled ? valuesOfRow(row, { [titled[0]]: titled[1] })[titled[0]] : null
    return {
      value: d.slug ? (row.slug as string) : row.id,
      label: typeof title === 'object' && title !== null ? (title as { id: string }) : { id: String(title ?? row.id) },
    }
  })
}
