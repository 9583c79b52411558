import { and, asc, desc, eq, gt, inArray, lt, or, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { decodeCursor, encodeCursor } from '../api-kit'
import { newId } from '../ids'
import { type FieldError, problem } from '../problem'
import { resolveReference } from '../references'
import { slugify } from '../slug'
import type { SearchDocument, TenantContext } from '../tenant'
import { clearStaleVerification, verificationStamp } from '../verification'
import { fieldKeys } from './columns'
import type { EntityColumns, EntityDeclaration } from './declaration'
import type { FieldMap } from './fields'
import { columnsOfInput, type EntityRow, recordOf, valuesOfRow, vouchedKeys } from './rows'

/** What record functions need of an entity: its declaration and its drizzle table. */
export interface EntityStore {
  declaration: EntityDeclaration<FieldMap, Record<string, unknown>>
  table: any
}

type Record_ = Record<string, unknown>
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

const columnsOf = (store: EntityStore) =>
  store.table as unknown as { id: SQLiteColumn } & Record<string, SQLiteColumn | undefined>
const qualified = (store: EntityStore) => `${store.declaration.module}.${store.declaration.name}`

function toRecord(store: EntityStore, row: EntityRow, now: string, editor: boolean): Record_ {
  const d = store.declaration
  return recordOf(row, d.fields, {
    slug: d.slug !== undefined,
    editor,
    derive: d.derived ? (values) => d.derived?.of(values, now) ?? {} : undefined,
  })
}

function visibility(store: EntityStore, now: string, listed: boolean): SQL[] {
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
function sortOf(store: EntityStore, sort: string | undefined): { key: string; descending: boolean } {
  const order = store.declaration.order ?? { field: 'createdAt', direction: 'desc' }
  const name = sort ? sort.replace(/^-/, '') : order.field
  const f = store.declaration.fields[name]
  return {
    key: f ? (fieldKeys(name, f)[0] as string) : name,
    descending: sort ? sort.startsWith('-') : order.direction === 'desc',
  }
}

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

async function findRow(ctx: TenantContext, store: EntityStore, key: string, where: SQL[] = []) {
  const [row] = (await ctx.db
    .select()
    .from(store.table)
    .where(and(keyCondition(store, key), ...where))) as EntityRow[]
  return row
}

function notFound(store: EntityStore, key: string) {
  return problem('notFound', `No ${store.declaration.name} ${key}`)
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
  const columns = columnsOf(store)
  const { key, descending } = sortOf(store, undefined)
  const direction = descending ? desc : asc
  const rows = (await ctx.db
    .select()
    .from(store.table)
    .orderBy(direction(columns[key] as SQLiteColumn), direction(columns.id))
    .limit(max)) as EntityRow[]
  const titled = Object.entries(d.fields).find(([, f]) => f.search === 'title') ?? Object.entries(d.fields)[0]
  return rows.map((row) => {
    const title = titled ? valuesOfRow(row, { [titled[0]]: titled[1] })[titled[0]] : null
    return {
      value: d.slug ? (row.slug as string) : row.id,
      label: typeof title === 'object' && title !== null ? (title as { id: string }) : { id: String(title ?? row.id) },
    }
  })
}

/** The search document of a record, from its fields marked `search`; null when it has no title or no URL. */
export function searchDocumentOf(store: EntityStore, record: Record_, url?: string): SearchDocument | null {
  const d = store.declaration
  if (!d.page && !url) return null
  let title: SearchDocument['title'] | undefined
  const body: string[] = []
  const bodyEn: string[] = []
  const keywords: string[] = []
  for (const [name, f] of Object.entries(d.fields)) {
    const value = record[name]
    if (!f.search || f.private || value === null || value === undefined) continue
    const text =
      typeof value === 'object' && !Array.isArray(value)
        ? (value as { id: string; en?: string })
        : { id: Array.isArray(value) ? value.join(' ') : String(value) }
    if (f.search === 'title') title ??= text
    else if (f.search === 'body') {
      body.push(text.id)
      if (text.en) bodyEn.push(text.en)
    } else keywords.push(...(Array.isArray(value) ? (value as string[]) : [text.id]))
  }
  if (!title) return null
  return {
    id: record.id as string,
    module: d.module,
    kind: d.name,
    title,
    ...(body.length > 0
      ? { body: { id: body.join('\n'), ...(bodyEn.length > 0 ? { en: bodyEn.join('\n') } : {}) } }
      : {}),
    ...(keywords.length > 0 ? { keywords } : {}),
    url: url ?? `${d.page}/${(record.slug as string | undefined) ?? record.id}`,
    ...(d.searchBoost !== undefined ? { boost: d.searchBoost } : {}),
  }
}

/** The record's search entry brought up to date: written while the public may open it, removed otherwise. */
async function reindex(ctx: TenantContext, store: EntityStore, id: string) {
  const now = ctx.now().toISOString()
  const row = await findRow(ctx, store, id, visibility(store, now, false))
  const record = row ? toRecord(store, row, now, false) : null
  const urls = record ? await linkedUrls(ctx, store, [record]) : undefined
  const document = record ? searchDocumentOf(store, record, urls?.get(id)) : null
  if (document) await ctx.search.upsert([document])
  else await ctx.search.remove([id])
}

/** Every search document of the entity, for rebuilding the index. */
export async function searchDocuments(ctx: TenantContext, store: EntityStore): Promise<SearchDocument[]> {
  const now = ctx.now().toISOString()
  const rows = (await ctx.db
    .select()
    .from(store.table)
    .where(and(...visibility(store, now, false)))) as EntityRow[]
  const records = rows.map((row) => toRecord(store, row, now, false))
  const urls = await linkedUrls(ctx, store, records)
  return records
    .map((record) => searchDocumentOf(store, record, urls?.get(record.id as string)))
    .filter((d) => d !== null)
}

/** The URLs of records shown on another record's page, for their search entries. */
async function linkedUrls(ctx: TenantContext, store: EntityStore, records: Record_[]) {
  const d = store.declaration
  return d.page || !d.searchUrls || records.length === 0 ? undefined : d.searchUrls(ctx, records)
}

/** The public record pages for the sitemap: what the public list shows, with when each last changed. */
export async function sitemapEntries(ctx: TenantContext, store: EntityStore) {
  const d = store.declaration
  if (!d.page) return []
  const now = ctx.now().toISOString()
  const columns = columnsOf(store)
  const { key, descending } = sortOf(store, undefined)
  const direction = descending ? desc : asc
  const rows = (await ctx.db
    .select()
    .from(store.table)
    .where(and(...visibility(store, now, true)))
    .orderBy(direction(columns[key] as SQLiteColumn), direction(columns.id))) as EntityRow[]
  return rows.map((row) => ({
    path: `${d.page}/${(row.slug as string | undefined) ?? row.id}`,
    lastModified: row.updatedAt,
  }))
}

function validationProblem(errors: FieldError[]) {
  return problem('validation', errors.map((e) => `${e.pointer.slice(1)} ${e.message}`).join('; '), { errors })
}

/**
 * The columns of a checked write: references resolved to the key their module answers, rules
 * held on the merged values, the module's own check passed; else a 422 naming each field.
 */
async function checkedColumns(
  ctx: TenantContext,
  store: EntityStore,
  input: Record_,
  before: EntityRow | undefined,
): Promise<Record_> {
  const d = store.declaration
  const errors: FieldError[] = []
  const resolved = { ...input }
  for (const [name, f] of Object.entries(d.fields)) {
    if (f.kind !== 'reference' || typeof input[name] !== 'string' || !f.target) continue
    const [module, type] = f.target.split('.') as [string, string]
    const target = ctx.tenant.modules[module]
      ? ctx.modules.find((m) => m.id === module)?.entities?.find((e) => e.name === type)
      : undefined
    const key =
      f.stores === 'id'
        ? ((await target?.resolveId(ctx, input[name] as string)) ?? null)
        : await resolveReference(ctx, { module, type, id: input[name] as string })
    if (key === null) errors.push({ pointer: `/${name}`, message: `no ${type} "${input[name]}"` })
    else resolved[name] = key
  }
  const values = { ...(before ? valuesOfRow(before, d.fields) : {}), ...resolved }
  if (d.hooks?.resolve) {
    const own = await d.hooks.resolve(ctx, values, input, before?.id ?? null)
    errors.push(...own.errors)
    Object.assign(resolved, own.values)
    Object.assign(values, own.values)
  }
  for (const rule of d.rules ?? [])
    if (!rule.holds(values)) errors.push({ pointer: `/${rule.field}`, message: rule.message })
  if (errors.length === 0 && d.hooks?.check) errors.push(...(await d.hooks.check(ctx, values, before?.id ?? null)))
  if (errors.length > 0) throw validationProblem(errors)
  return columnsOfInput(resolved, d.fields)
}

/** A slug free in the tenant: the given one (refused when taken) or one made from the slug field. */
async function freeSlug(
  ctx: TenantContext,
  store: EntityStore,
  wanted: string | undefined,
  input: Record_,
  id: string,
) {
  const d = store.declaration
  if (!d.slug) return undefined
  const columns = columnsOf(store)
  const taken = async (slug: string) => {
    const [row] = await ctx.db
      .select({ id: columns.id })
      .from(store.table)
      .where(eq(columns.slug as SQLiteColumn, slug))
    return row !== undefined && row.id !== id
  }
  const reserved = d.slug.reserved ?? []
  if (wanted) {
    if (reserved.includes(wanted) || (await taken(wanted)))
      throw validationProblem([{ pointer: '/slug', message: `"${wanted}" is already used` }])
    return wanted
  }
  const sources = Array.isArray(d.slug.from) ? d.slug.from : [d.slug.from]
  const source = sources.map((name) => input[name]).find((v) => v !== null && v !== undefined) as
    | { id: string }
    | string
    | undefined
  const base = slugify(typeof source === 'string' ? source : (source?.id ?? ''), d.name)
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`
    if (!reserved.includes(slug) && !(await taken(slug))) return slug
  }
}

export interface CreateOptions {
  /** Stable key of a template record. */
  seedKey?: string | undefined
  /** A stamp carried from a verified source (template data). */
  verification?: { at: string; by: string; source: string | null } | undefined
}

/** Writes a new record with its audit entry and search entry, in one transaction. */
export async function createRecord(
  ctx: TenantContext,
  store: EntityStore,
  input: Record_,
  options: CreateOptions = {},
): Promise<Record_> {
  const d = store.declaration
  return ctx.transaction(async (ctx) => {
    const now = ctx.now().toISOString()
    const id = newId(d.idPrefix)
    const defaults: Record_ = {}
    for (const [name, f] of Object.entries(d.fields)) {
      if (input[name] !== undefined && input[name] !== null) continue
      if (f.defaultNow) defaults[name] = now
      else if (typeof f.default === 'function') defaults[name] = await f.default(ctx, input)
      else if (f.default !== undefined) defaults[name] = f.default
      else if (f.kind === 'lines' || f.kind === 'list') defaults[name] = []
    }
    const columns = await checkedColumns(ctx, store, { ...input, ...defaults }, undefined)
    const slug = await freeSlug(ctx, store, input.slug as string | undefined, input, id)
    const row = {
      id,
      ...(slug !== undefined ? { slug } : {}),
      seedKey: options.seedKey ?? null,
      ...columns,
      verifiedAt: options.verification?.at ?? null,
      verifiedBy: options.verification?.by ?? null,
      verificationSource: options.verification?.source ?? null,
      createdAt: now,
      updatedAt: now,
    }
    await ctx.db.insert(store.table).values(row)
    await d.hooks?.afterWrite?.(ctx, id, 'create')
    const created = await getRecordForEditing(ctx, store, id)
    await ctx.audit({ action: 'create', entity: qualified(store), entityId: id, after: created })
    await reindex(ctx, store, id)
    return created
  })
}

/** Changes a record; a change to a field the verifier vouched for clears the stamp. One transaction. */
export async function updateRecord(ctx: TenantContext, store: EntityStore, key: string, input: Record_) {
  const d = store.declaration
  return ctx.transaction(async (ctx) => {
    const before = await findRow(ctx, store, key)
    if (!before) throw notFound(store, key)
    const columns = await checkedColumns(ctx, store, input, before)
    const slug =
      input.slug === undefined ? undefined : await freeSlug(ctx, store, input.slug as string, input, before.id)
    const next = clearStaleVerification(
      before,
      { ...before, ...columns, ...(slug ? { slug } : {}), updatedAt: ctx.now().toISOString() },
      vouchedKeys(d.fields, d.slug !== undefined),
    )
    await ctx.db
      .update(store.table)
      .set(next)
      .where(eq(columnsOf(store).id, before.id))
    await d.hooks?.afterWrite?.(ctx, before.id, 'update')
    const now = ctx.now().toISOString()
    const updated = await getRecordForEditing(ctx, store, before.id)
    await ctx.audit({
      action: 'update',
      entity: qualified(store),
      entityId: before.id,
      before: toRecord(store, before, now, true),
      after: updated,
    })
    await reindex(ctx, store, before.id)
    return updated
  })
}

/** Deletes a record with its audit and search entries, after the module's `beforeDelete`. */
export async function deleteRecord(ctx: TenantContext, store: EntityStore, key: string): Promise<void> {
  return ctx.transaction(async (ctx) => {
    const before = await findRow(ctx, store, key)
    if (!before) throw notFound(store, key)
    await store.declaration.hooks?.beforeDelete?.(ctx, before.id)
    await ctx.db.delete(store.table).where(eq(columnsOf(store).id, before.id))
    await ctx.audit({
      action: 'delete',
      entity: qualified(store),
      entityId: before.id,
      before: toRecord(store, before, ctx.now().toISOString(), true),
    })
    await ctx.search.remove([before.id])
  })
}

/** Stamps a record as checked now by the acting person. */
export async function verifyRecord(
  ctx: TenantContext,
  store: EntityStore,
  key: string,
  input: { source?: string | undefined },
) {
  return ctx.transaction(async (ctx) => {
    const before = await findRow(ctx, store, key)
    if (!before) throw notFound(store, key)
    const next = { ...before, ...verificationStamp(ctx, input.source, before.verificationSource) }
    await ctx.db
      .update(store.table)
      .set(next)
      .where(eq(columnsOf(store).id, before.id))
    await store.declaration.hooks?.afterWrite?.(ctx, before.id, 'verify')
    const now = ctx.now().toISOString()
    const updated = await getRecordForEditing(ctx, store, before.id)
    await ctx.audit({
      action: 'verify',
      entity: qualified(store),
      entityId: before.id,
      before: toRecord(store, before, now, true),
      after: updated,
    })
    return updated
  })
}

/** Creates the template records not seeded yet (by their key); seeding twice writes nothing. */
export async function seedRecords(
  ctx: TenantContext,
  store: EntityStore,
  data: readonly (Record_ & { key: string; verification?: CreateOptions['verification'] })[],
) {
  const seedKey = columnsOf(store).seedKey as SQLiteColumn
  for (const item of data) {
    const [existing] = await ctx.db
      .select({ id: columnsOf(store).id })
      .from(store.table)
      .where(eq(seedKey, item.key))
    if (existing) continue
    const { key, verification, ...input } = item
    await createRecord(ctx, store, input, { seedKey: key, verification })
  }
}
