import { eq } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { newId } from '../ids'
import { type FieldError, problem } from '../problem'
import { resolveReference } from '../references'
import { slugify } from '../slug'
import type { TenantContext } from '../tenant'
import { clearStaleVerification, verificationStamp } from '../verification'
import { requireOwnerPermission } from './owner-permissions'
import { resolvePhotoRefs } from './photos-field'
import { getRecordForEditing } from './reads'
import { columnsOfInput, type EntityRow, valuesOfRow, vouchedKeys } from './rows'
import { reindex } from './search-documents'
import { columnsOf, type EntityStore, findRow, notFound, qualified, type Record_, toRecord } from './store'

export function validationProblem(errors: FieldError[]) {
  return problem('validation', errors.map((e) => `${e.pointer.slice(1)} ${e.message}`).join('; '), { errors })
}

/**
 * What a batch of writes remembers between its rows, so a reference or slug named by many rows is
 * looked up once: references already resolved (`target ref` → key), and slugs known taken (the id
 * holding them) or free (null).
 */
export interface WriteMemo {
  references: Map<string, string>
  slugs: Map<string, string | null>
}

/**
 * The columns of a checked write: references resolved to the key their module answers, rules
 * held on the merged values, the module's own check passed; else a 422 naming each field.
 */
export async function checkedColumns(
  ctx: TenantContext,
  store: EntityStore,
  input: Record_,
  before: EntityRow | undefined,
  seedKey: string | null = null,
  memo?: WriteMemo,
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
    const ref = input[name] as string
    const remembered = `${f.target} ${f.stores ?? 'key'} ${ref}`
    const key =
      memo?.references.get(remembered) ??
      (f.stores === 'id'
        ? ((await target?.resolveId(ctx, ref)) ?? null)
        : await resolveReference(ctx, { module, type, id: ref }))
    // Only found keys are remembered: a record the batch creates later may still answer a miss.
    if (key !== null) memo?.references.set(remembered, key)
    if (key === null) errors.push({ pointer: `/${name}`, message: `no ${type} "${input[name]}"` })
    else resolved[name] = key
  }
  for (const [name, f] of Object.entries(d.fields)) {
    if (f.kind !== 'photos' || !Array.isArray(input[name])) continue
    const photos = await resolvePhotoRefs(ctx, name, input[name] as Parameters<typeof resolvePhotoRefs>[2])
    errors.push(...photos.errors)
    resolved[name] = photos.value
  }
  const values = { ...(before ? valuesOfRow(before, d.fields) : {}), ...resolved }
  if (d.hooks?.resolve) {
    const own = await d.hooks.resolve(ctx, values, input, before?.id ?? null, { seedKey })
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

/** The slug a new record asks for: the given one, else one made from the first slug source given. */
export function slugBase(store: EntityStore, wanted: string | undefined, input: Record_): string | undefined {
  const d = store.declaration
  if (!d.slug) return undefined
  if (wanted) return wanted
  const sources = Array.isArray(d.slug.from) ? d.slug.from : [d.slug.from]
  const source = sources.map((name) => input[name]).find((v) => v !== null && v !== undefined) as
    | { id: string }
    | string
    | undefined
  return slugify(typeof source === 'string' ? source : (source?.id ?? ''), d.name)
}

/** A slug free in the tenant: the given one (refused when taken) or one made from the slug field. */
export async function freeSlug(
  ctx: TenantContext,
  store: EntityStore,
  wanted: string | undefined,
  input: Record_,
  id: string,
  memo?: WriteMemo,
) {
  const d = store.declaration
  const base = slugBase(store, wanted, input)
  if (!d.slug || base === undefined) return undefined
  const columns = columnsOf(store)
  const taken = async (slug: string) => {
    const known = memo?.slugs.get(slug)
    if (known !== undefined) return known !== null && known !== id
    const [row] = await ctx.db
      .select({ id: columns.id })
      .from(store.table)
      .where(eq(columns.slug as SQLiteColumn, slug))
    memo?.slugs.set(slug, (row?.id as string | undefined) ?? null)
    return row !== undefined && row.id !== id
  }
  const reserved = d.slug.reserved ?? []
  if (wanted) {
    if (reserved.includes(wanted) || (await taken(wanted)))
      throw validationProblem([{ pointer: '/slug', message: `"${wanted}" is already used` }])
    return wanted
  }
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`
    if (!reserved.includes(slug) && !(await taken(slug))) return slug
  }
}

/** The values of fields a new record leaves out: now, the declared default, or an empty list. */
export async function defaultsOf(ctx: TenantContext, store: EntityStore, input: Record_, now: string) {
  const defaults: Record_ = {}
  for (const [name, f] of Object.entries(store.declaration.fields)) {
    if (input[name] !== undefined && input[name] !== null) continue
    if (f.defaultNow) defaults[name] = now
    else if (typeof f.default === 'function') defaults[name] = await f.default(ctx, input)
    else if (f.default !== undefined) defaults[name] = f.default
    else if (f.kind === 'lines' || f.kind === 'list') defaults[name] = []
  }
  return defaults
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
    const defaults = await defaultsOf(ctx, store, input, now)
    requireOwnerPermission(ctx, store, 'create', [{ ...input, ...defaults }])
    const columns = await checkedColumns(ctx, store, { ...input, ...defaults }, undefined, options.seedKey ?? null)
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
    requireOwnerPermission(ctx, store, 'update', ownersOfUpdate(store, before, input))
    const columns = await checkedColumns(ctx, store, input, before)
    const slug =
      input.slug === undefined ? undefined : await freeSlug(ctx, store, input.slug as string, input, before.id)
    const next = clearStaleVerification(
      before,
      { ...before, ...columns, ...(slug ? { slug } : {}), updatedAt: ctx.now().toISOString() },
      vouchedKeys(d.fields, d.slug !== undefined),
    )
    const updated = await rewrite(ctx, store, before, next, 'update')
    await reindex(ctx, store, before.id)
    return updated
  })
}

/** The stored record's values and those an update would leave: both owners must be the caller's. */
export function ownersOfUpdate(store: EntityStore, before: EntityRow, input: Record_): Record_[] {
  const stored = valuesOfRow(before, store.declaration.fields)
  return [stored, { ...stored, ...input }]
}

/** Writes the next row of a record, runs the module's `afterWrite` and audits the change with both states. */
async function rewrite(
  ctx: TenantContext,
  store: EntityStore,
  before: EntityRow,
  next: EntityRow,
  action: 'update' | 'verify',
): Promise<Record_> {
  await ctx.db
    .update(store.table)
    .set(next)
    .where(eq(columnsOf(store).id, before.id))
  await store.declaration.hooks?.afterWrite?.(ctx, before.id, action)
  const after = await getRecordForEditing(ctx, store, before.id)
  await ctx.audit({
    action,
    entity: qualified(store),
    entityId: before.id,
    before: toRecord(store, before, ctx.now().toISOString(), true),
    after,
  })
  return after
}

/** Deletes a record with its audit and search entries, after the module's `beforeDelete`. */
export async function deleteRecord(ctx: TenantContext, store: EntityStore, key: string): Promise<void> {
  return ctx.transaction(async (ctx) => {
    const before = await findRow(ctx, store, key)
    if (!before) throw notFound(store, key)
    requireOwnerPermission(ctx, store, 'delete', [valuesOfRow(before, store.declaration.fields)])
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
    requireOwnerPermission(ctx, store, 'verify', [valuesOfRow(before, store.declaration.fields)])
    const next = { ...before, ...verificationStamp(ctx, input.source, before.verificationSource) }
    return rewrite(ctx, store, before, next, 'verify')
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
