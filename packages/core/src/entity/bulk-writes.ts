import type { InStatement, InValue } from '@libsql/client'
import { and, type Column, eq, getTableColumns, getTableName, inArray, or, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { newId } from '../ids'
import { type FieldError, isProblemError, problem } from '../problem'
import type { SearchDocument, TenantContext } from '../tenant'
import { clearStaleVerification } from '../verification'
import { requireOwnerPermission } from './owner-permissions'
import type { EntityRow } from './rows'
import { vouchedKeys } from './rows'
import { linkedUrls, searchDocumentOf } from './search-documents'
import { columnsOf, type EntityStore, qualified, type Record_, toRecord, visibility } from './store'
import {
  checkedColumns,
  defaultsOf,
  freeSlug,
  ownersOfUpdate,
  slugBase,
  validationProblem,
  type WriteMemo,
} from './writes'

/** The most items one bulk write takes: one transaction, one request body. */
export const BULK_MAX_ITEMS = 500

/** How a bulk write treats an item that names an existing record (`id`, or `slug` where records have one). */
export type BulkMode = 'create' | 'upsert'

/** An item of a bulk write: what a create takes, plus, when upserting, the record it updates. */
export type BulkItem = Record_ & { id?: string | undefined; slug?: string | undefined }

export interface BulkWritten {
  /** The item's place in the batch, from 0. */
  index: number
  id: string
  slug?: string | undefined
  action: 'create' | 'update'
}

export interface BulkResult {
  created: number
  updated: number
  items: BulkWritten[]
}

/** The problems of one item, its fields named from the item (`/officeId`). */
export interface BulkRowErrors {
  index: number
  errors: FieldError[]
}

/**
 * The 422 of a batch with bad items: every problem as a pointer into the body
 * (`/items/3/officeId`, `/items/3` for the item as a whole), items in order. Nothing was written.
 * @example throw bulkProblem([{ index: 3, errors: [{ pointer: '/officeId', message: 'no office "x"' }] }])
 */
export function bulkProblem(rows: readonly BulkRowErrors[], outside: readonly FieldError[] = []) {
  const errors = [
    ...outside,
    ...rows.flatMap((row) =>
      row.errors.map((e) => ({ pointer: `/items/${row.index}${e.pointer}`, message: e.message })),
    ),
  ]
  const detail = `${rows.length} item(s) have errors (${rows.map((row) => row.index).join(', ')}); nothing was written. ${errors
    .slice(0, 20)
    .map((e) => `${e.pointer}: ${e.message}`)
    .join('; ')}`
  return problem('validation', detail.trim(), { errors })
}

/** JSON-pointer escaping of one path segment. */
const segment = (key: PropertyKey) => String(key).replace(/~/g, '~0').replace(/\//g, '~1')

/**
 * The 422 of a bulk body that fails its schema: every issue as a pointer into the body, those
 * within an item (`/items/3/name`) after any about the body itself (`/mode`), items in order.
 */
export function bulkSchemaProblem(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const rows = new Map<number, FieldError[]>()
  const outside: FieldError[] = []
  for (const issue of issues) {
    const [first, index, ...rest] = issue.path
    if (first === 'items' && typeof index === 'number') {
      const errors = rows.get(index) ?? []
      errors.push({ pointer: rest.map((key) => `/${segment(key)}`).join(''), message: issue.message })
      rows.set(index, errors)
    } else outside.push({ pointer: issue.path.map((key) => `/${segment(key)}`).join(''), message: issue.message })
  }
  if (rows.size === 0) {
    const detail = outside.map((e) => `${e.pointer}: ${e.message}`).join('; ')
    return problem('validation', detail, { errors: outside })
  }
  return bulkProblem(
    [...rows].sort(([a], [b]) => a - b).map(([index, errors]) => ({ index, errors })),
    outside,
  )
}

/** A refusal of one item (a validation problem, a taken slug, a missing record) as its field errors. */
function rowErrorsOf(error: unknown): FieldError[] | undefined {
  // A refused permission (an owner of another team's) refuses the whole batch as a 403.
  if (!isProblemError(error) || error.problem.status >= 500 || error.problem.status === 403) return undefined
  const errors = error.problem.errors
  if (errors && errors.length > 0) return errors
  return [{ pointer: '', message: error.problem.detail ?? error.problem.title }]
}

/** The stored rows of the records the items name (by id or slug), in one query. */
async function existingRows(ctx: TenantContext, store: EntityStore, items: readonly BulkItem[]) {
  const columns = columnsOf(store)
  // An id names a record by id or slug, as the `{id}` of the single routes does.
  const ids = items.flatMap((item) => (typeof item.id === 'string' ? [item.id] : []))
  const slugs = store.declaration.slug
    ? items.flatMap((item) =>
        typeof item.id === 'string' ? [item.id] : typeof item.slug === 'string' ? [item.slug] : [],
      )
    : []
  const byId = new Map<string, EntityRow>()
  const bySlug = new Map<string, EntityRow>()
  if (ids.length === 0 && slugs.length === 0) return { byId, bySlug }
  const match = [
    ...(ids.length > 0 ? [inArray(columns.id, ids)] : []),
    ...(slugs.length > 0 ? [inArray(columns.slug as SQLiteColumn, slugs)] : []),
  ]
  const rows = (await ctx.db
    .select()
    .from(store.table)
    .where(or(...match))) as EntityRow[]
  for (const row of rows) {
    byId.set(row.id, row)
    if (typeof row.slug === 'string') bySlug.set(row.slug, row)
  }
  return { byId, bySlug }
}

/** Which slugs the new items would take are already held, in one query (the rest are known free). */
async function knownSlugs(ctx: TenantContext, store: EntityStore, wanted: readonly string[]) {
  const slugs = new Map<string, string | null>()
  if (!store.declaration.slug || wanted.length === 0) return slugs
  const column = columnsOf(store).slug as SQLiteColumn
  const unique = [...new Set(wanted)]
  for (const slug of unique) slugs.set(slug, null)
  const rows = (await ctx.db
    .select({ id: columnsOf(store).id, slug: column })
    .from(store.table)
    .where(inArray(column, unique))) as { id: string; slug: string }[]
  for (const row of rows) slugs.set(row.slug, row.id)
  return slugs
}

/**
 * Creates (and, upserting, updates) many records in one transaction. Each item is checked as a
 * single write is (references, the module's `resolve` and `check`, rules, a free slug) and runs
 * `afterWrite`, in order, so an item sees the ones before it; each gets its audit entry. What is
 * looked up for many items (existing records, slugs, references) is looked up once, and the
 * search index is brought up to date once for the whole batch. Any refused item refuses the
 * batch: a 422 naming every bad item by its index, and nothing written.
 */
export async function bulkWriteRecords(
  ctx: TenantContext,
  store: EntityStore,
  items: readonly BulkItem[],
  mode: BulkMode,
): Promise<BulkResult> {
  const d = store.declaration
  return ctx.transaction(async (ctx) => {
    const now = ctx.now().toISOString()
    const existing = mode === 'upsert' ? await existingRows(ctx, store, items) : undefined
    const targets = items.map((item) =>
      item.id !== undefined
        ? (existing?.byId.get(item.id) ?? existing?.bySlug.get(item.id))
        : item.slug !== undefined
          ? existing?.bySlug.get(item.slug)
          : undefined,
    )
    const bases = items.flatMap((item, i) => {
      if (targets[i]) return []
      const base = slugBase(store, item.slug, item)
      return base === undefined ? [] : [base]
    })
    const memo: WriteMemo = { references: new Map(), slugs: await knownSlugs(ctx, store, bases) }
    const bad: BulkRowErrors[] = []
    const written: (BulkWritten & { before?: EntityRow })[] = []
    const seen = new Set<string>()
    for (const [index, item] of items.entries()) {
      const { id: key, ...input } = item
      const before = targets[index]
      try {
        if (mode === 'create' && key !== undefined)
          throw validationProblem([{ pointer: '/id', message: 'an id is given only to upsert' }])
        if (key !== undefined && !before) throw validationProblem([{ pointer: '/id', message: `no ${d.name} ${key}` }])
        if (before && seen.has(before.id))
          throw validationProblem([
            { pointer: key !== undefined ? '/id' : '/slug', message: 'names the same record as an item before' },
          ])
        if (before) {
          seen.add(before.id)
          written.push({ index, ...(await updateRow(ctx, store, before, input, now, memo)), before })
        } else written.push({ index, ...(await createRow(ctx, store, input, now, memo)) })
      } catch (error) {
        const errors = rowErrorsOf(error)
        if (!errors) throw error
        bad.push({ index, errors })
      }
    }
    if (bad.length > 0) throw bulkProblem(bad)
    const after = await editorRecords(
      ctx,
      store,
      written.map((w) => w.id),
      now,
    )
    const entries = written.map((w) => ({
      action: w.action,
      entity: qualified(store),
      entityId: w.id,
      ...(w.before ? { before: toRecord(store, w.before, now, true) } : {}),
      after: after.get(w.id),
    }))
    if (ctx.auditMany) await ctx.auditMany(entries)
    else for (const entry of entries) await ctx.audit(entry)
    await reindexMany(
      ctx,
      store,
      written.map((w) => w.id),
      written.filter((w) => w.before).map((w) => w.id),
    )
    return {
      created: written.filter((w) => w.action === 'create').length,
      updated: written.filter((w) => w.action === 'update').length,
      items: written.map(({ before: _before, ...w }) => w),
    }
  })
}

/**
 * The INSERT of one row as SQL text and arguments, values mapped as the query builder maps them
 * (JSON, booleans). Built directly because a batch writes hundreds of rows and building each
 * through the query builder costs more than SQLite's insert itself.
 */
function insertStatement(store: EntityStore, row: Record_): InStatement {
  const columns = getTableColumns(store.table) as Record<string, Column>
  // Left out, as the builder leaves them out: a column's SQL default applies.
  const keys = Object.keys(row).filter((key) => row[key] !== undefined && columns[key])
  const names = keys.map((key) => `"${(columns[key] as Column).name}"`)
  return {
    sql: `INSERT INTO "${getTableName(store.table)}" (${names.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`,
    args: keys.map((key) => {
      const value = row[key]
      return value === null ? null : ((columns[key] as Column).mapToDriverValue(value) as InValue)
    }),
  }
}

async function createRow(ctx: TenantContext, store: EntityStore, input: Record_, now: string, memo: WriteMemo) {
  const d = store.declaration
  const id = newId(d.idPrefix)
  const defaults = await defaultsOf(ctx, store, input, now)
  requireOwnerPermission(ctx, store, 'create', [{ ...input, ...defaults }])
  const columns = await checkedColumns(ctx, store, { ...input, ...defaults }, undefined, null, memo)
  const slug = await freeSlug(ctx, store, input.slug as string | undefined, input, id, memo)
  await ctx.db.$client.execute(
    insertStatement(store, {
      id,
      ...(slug !== undefined ? { slug } : {}),
      seedKey: null,
      ...columns,
      verifiedAt: null,
      verifiedBy: null,
      verificationSource: null,
      createdAt: now,
      updatedAt: now,
    }),
  )
  if (slug !== undefined) memo.slugs.set(slug, id)
  await d.hooks?.afterWrite?.(ctx, id, 'create')
  return { id, ...(slug !== undefined ? { slug } : {}), action: 'create' as const }
}

async function updateRow(
  ctx: TenantContext,
  store: EntityStore,
  before: EntityRow,
  input: Record_,
  now: string,
  memo: WriteMemo,
) {
  const d = store.declaration
  const wanted = input.slug as string | undefined
  const changesSlug = wanted !== undefined && wanted !== before.slug
  if (changesSlug && d.slug?.fixed) throw validationProblem([{ pointer: '/slug', message: 'the slug cannot change' }])
  requireOwnerPermission(ctx, store, 'update', ownersOfUpdate(store, before, input))
  const columns = await checkedColumns(ctx, store, input, before, null, memo)
  const slug = changesSlug ? await freeSlug(ctx, store, wanted, input, before.id, memo) : undefined
  const next = clearStaleVerification(
    before,
    { ...before, ...columns, ...(slug ? { slug } : {}), updatedAt: now },
    vouchedKeys(d.fields, d.slug !== undefined),
  )
  await ctx.db
    .update(store.table)
    .set(next)
    .where(eq(columnsOf(store).id, before.id))
  if (slug) {
    memo.slugs.set(before.slug as string, null)
    memo.slugs.set(slug, before.id)
  }
  await d.hooks?.afterWrite?.(ctx, before.id, 'update')
  const current = (slug ?? before.slug) as string | undefined
  return { id: before.id, ...(typeof current === 'string' ? { slug: current } : {}), action: 'update' as const }
}

/** The records by id as the console sees them, in one query. */
async function editorRecords(ctx: TenantContext, store: EntityStore, ids: readonly string[], now: string) {
  const out = new Map<string, Record_>()
  if (ids.length === 0) return out
  const rows = (await ctx.db
    .select()
    .from(store.table)
    .where(inArray(columnsOf(store).id, [...ids]))) as EntityRow[]
  for (const row of rows) out.set(row.id, toRecord(store, row, now, true))
  return out
}

/**
 * The search entries of many records brought up to date in one index write: written while the
 * public may open them, removed otherwise (only `updated` ones can have an entry to remove).
 */
export async function reindexMany(
  ctx: TenantContext,
  store: EntityStore,
  ids: readonly string[],
  updated: readonly string[] = ids,
) {
  if (ids.length === 0) return
  const now = ctx.now().toISOString()
  const where: SQL[] = [inArray(columnsOf(store).id, [...ids]), ...visibility(store, now, false)]
  const rows = (await ctx.db
    .select()
    .from(store.table)
    .where(and(...where))) as EntityRow[]
  const records = rows.map((row) => toRecord(store, row, now, false))
  const urls = await linkedUrls(ctx, store, records)
  const documents: SearchDocument[] = []
  for (const record of records) {
    const document = searchDocumentOf(store, record, urls?.get(record.id as string))
    if (document) documents.push(document)
  }
  const indexed = new Set(documents.map((doc) => doc.id))
  await ctx.search.upsert(documents)
  await ctx.search.remove(updated.filter((id) => !indexed.has(id)))
}
