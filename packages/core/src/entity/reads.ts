import { and, asc, count, desc, eq, gt, inArray, lt, or, type SQL, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { decodeCursor, encodeCursor } from '../api-kit'
import { problem } from '../problem'
import type { TenantContext } from '../tenant'
import { fieldKeys } from './columns'
import type { FieldMap } from './fields'
import { type EntityRow, recordOf, valuesOfRow } from './rows'
import {
  columnsOf,
  type EntityStore,
  findRow,
  notFound,
  type Page,
  qualified,
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
  only?: readonly string[],
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
  const projection = only ? projectionOf(store, only, key) : undefined
  const select = projection ? ctx.db.select(projection.columns) : ctx.db.select()
  const rows = (await select
    .from(store.table)
    .where(and(...conditions))
    .orderBy(direction(column), direction(columns.id))
    .limit(query.limit + 1)) as EntityRow[]
  const now = ctx.now().toISOString()
  const items = rows.slice(0, query.limit)
  const last = items.at(-1)
  const recordOfRow = projection
    ? (row: EntityRow) => recordOf(row, projection.fields, { slug: store.declaration.slug !== undefined, editor })
    : (row: EntityRow) => toRecord(store, row, now, editor)
  return {
    items: items.map(recordOfRow),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last[key] as string | number, last.id]) : null,
  }
}

/** Conditions for the filterable fields a list query names. */
function filtersOf(store: EntityStore, query: Record_): SQL[] {
  const columns = columnsOf(store)
  return Object.entries(store.declaration.fields)
    .filter(([name, f]) => f.filterable && query[name] !== undefined)
    .flatMap(([name, f]) => {
      const column = columns[name] as SQLiteColumn
      // A list of choices (facilities) matches when it holds every value asked for.
      if (f.kind === 'lines')
        return (query[name] as string[]).map(
          (value) => sql`EXISTS (SELECT 1 FROM json_each(${column}) WHERE json_each.value = ${value})`,
        )
      // Free text (a kecamatan typed by hand) matches whatever its case.
      if (f.kind === 'text') return [sql`lower(${column}) = lower(${query[name]})`]
      return [eq(column, query[name])]
    })
}

/**
 * The public's conditions at `now`; a response that may be cached also learns when they next
 * change (the next scheduled publication or expiry), in one query.
 */
async function publicConditions(ctx: TenantContext, store: EntityStore, now: string, listed: boolean) {
  const changing = ctx.changesAt && store.declaration.visibilityChangesAt?.(store.table as never)
  if (changing && changing.length > 0) {
    const next = Object.fromEntries(
      changing.map((column, i) => [`c${i}`, sql<string | null>`min(case when ${column} > ${now} then ${column} end)`]),
    )
    const [row] = await ctx.db.select(next).from(store.table)
    for (const instant of Object.values(row ?? {})) {
      if (typeof instant === 'string') ctx.changesAt?.(new Date(instant))
    }
  }
  return visibility(store, now, listed)
}

/**
 * The public list: published, current records, filtered and sorted as the query asks, and within
 * `where`; with `only`, each record carries just those fields (see {@link listRecordSummaries}).
 */
export async function listRecords(
  ctx: TenantContext,
  store: EntityStore,
  query: Record_ & { limit: number },
  where: SQL[] = [],
  only?: readonly string[],
) {
  const now = ctx.now().toISOString()
  return page(
    ctx,
    store,
    [...(await publicConditions(ctx, store, now, true)), ...filtersOf(store, query), ...where],
    query as { cursor?: string; limit: number; sort?: string },
    false,
    only,
  )
}

/**
 * How many records the public list shows now (published and current): one count query, for
 * pages that say what a module offers without listing it.
 */
export async function countRecords(ctx: TenantContext, store: EntityStore): Promise<number> {
  const now = ctx.now().toISOString()
  const conditions = await publicConditions(ctx, store, now, true)
  const [row] = await ctx.db
    .select({ n: count() })
    .from(store.table)
    .where(and(...conditions))
  return Number(row?.n ?? 0)
}

/** The envelope every record carries (id, slug, verification, times), by drizzle key. */
const ENVELOPE_KEYS = ['id', 'slug', 'verifiedAt', 'verifiedBy', 'verificationSource', 'createdAt', 'updatedAt']

/**
 * The columns that hold `only` (public fields named by the caller), the envelope and the sort key,
 * with those fields' declarations: a list that shows a few fields reads and parses no others.
 */
function projectionOf(store: EntityStore, only: readonly string[], sortKey: string) {
  const columns = columnsOf(store)
  const fields: FieldMap = {}
  for (const name of only) {
    const f = store.declaration.fields[name]
    if (!f || f.private) throw new Error(`${qualified(store)} has no public field ${name} to list`)
    fields[name] = f
  }
  const keys = [...ENVELOPE_KEYS, sortKey, ...Object.entries(fields).flatMap(([name, f]) => fieldKeys(name, f))]
  const selected: Record<string, SQLiteColumn> = {}
  for (const key of keys) {
    const column = columns[key]
    if (column) selected[key] = column
  }
  return { columns: selected, fields }
}

/**
 * The public list as {@link listRecords} gives it, each record with only the fields named in
 * `only` (plus its id, slug, verification and times): the summary shape of a list, read from
 * those fields' columns alone. Derived values are left out; the record's own route has them.
 * @example await listRecordSummaries(ctx, service, ['name', 'category'], { limit: 20 })
 */
export function listRecordSummaries(
  ctx: TenantContext,
  entity: { declaration: object; table: unknown },
  only: readonly string[],
  query: Record_ & { limit: number },
  where: SQL[] = [],
) {
  // Any entity is a store: defineEntity returns its declaration and table.
  return listRecords(ctx, entity as EntityStore, query, where, only)
}

/** Every record, unpublished ones included, in the entity's order: the console's list. */
export function listRecordsForEditing(
  ctx: TenantContext,
  store: EntityStore,
  query: { cursor?: string | undefined; limit: number },
  where: SQL[] = [],
) {
  return page(ctx, store, where, query, true)
}

/** One record as the public sees it, by id or slug: 404 unless published. */
export async function getRecord(ctx: TenantContext, store: EntityStore, key: string): Promise<Record_> {
  const now = ctx.now().toISOString()
  const row = await findRow(ctx, store, key, await publicConditions(ctx, store, now, false))
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
    .where(and(match, ...(await publicConditions(ctx, store, now, false))))) as EntityRow[]
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
