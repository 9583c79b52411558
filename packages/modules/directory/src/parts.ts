import {
  clearStaleVerification,
  decodeCursor,
  encodeCursor,
  newId,
  problem,
  type SearchDocument,
  type TenantContext,
  verificationOf,
  verificationStamp,
} from '@cerdas/core'
import { asc, eq, gt, inArray, sql } from 'drizzle-orm'
import { counters, offices, positions, units } from './schema'
import { invalid, text, textOrNull, type WriteOptions } from './shared'
import type {
  Counter,
  CreateCounterInput,
  CreatePositionInput,
  CreateUnitInput,
  Position,
  Unit,
  UnitKind,
  UpdateCounterInput,
  UpdatePositionInput,
  UpdateUnitInput,
  VerifyInput,
} from './validation'

type UnitRow = typeof units.$inferSelect
type CounterRow = typeof counters.$inferSelect
type PositionRow = typeof positions.$inferSelect
type Page<T> = { items: T[]; nextCursor: string | null }

/** Search rank of units (bidang): above announcements, below offices. */
export const UNIT_SEARCH_BOOST = 1

export const unitFromRow = (row: UnitRow): Unit => ({
  id: row.id,
  officeId: row.officeId,
  parentId: row.parentId ?? null,
  kind: row.kind as UnitKind,
  name: text(row.nameId, row.nameEn),
  handles: textOrNull(row.handlesId, row.handlesEn),
  contacts: { phone: row.phone ?? null, email: row.email ?? null },
  sortOrder: row.sortOrder,
  verification: verificationOf(row),
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
})

export const counterFromRow = (row: CounterRow): Counter => ({
  id: row.id,
  officeId: row.officeId,
  unitId: row.unitId ?? null,
  code: row.code,
  name: text(row.nameId, row.nameEn),
  location: textOrNull(row.locationId, row.locationEn),
  sortOrder: row.sortOrder,
  verification: verificationOf(row),
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
})

export const positionFromRow = (row: PositionRow): Position => ({
  id: row.id,
  officeId: row.officeId,
  unitId: row.unitId ?? null,
  title: text(row.titleId, row.titleEn),
  holderName: row.holderName ?? null,
  sortOrder: row.sortOrder,
  verification: verificationOf(row),
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
})

/** Resolves an office id or slug to the office row's id and slug; a 422 on `pointer` when unknown. */
async function resolveOffice(ctx: TenantContext, ref: string, pointer = '/officeId') {
  const [row] = await ctx.db
    .select({ id: offices.id, slug: offices.slug })
    .from(offices)
    .where(sql`${offices.id} = ${ref} OR ${offices.slug} = ${ref}`)
    .limit(1)
  if (!row) throw invalid(pointer, `no office ${ref}`)
  return row
}

async function unitRow(ctx: TenantContext, id: string): Promise<UnitRow | undefined> {
  const [row] = await ctx.db.select().from(units).where(eq(units.id, id))
  return row
}

/** Parts stay in their office: `officeId` in an update may only name the same office. */
async function checkSameOffice(ctx: TenantContext, ref: string | undefined, officeId: string) {
  if (ref === undefined) return
  const office = await resolveOffice(ctx, ref)
  if (office.id !== officeId) throw invalid('/officeId', 'cannot move to another office; create it there instead')
}

/** A unit reference must exist and belong to the office. */
async function checkUnitOfOffice(ctx: TenantContext, unitId: string, officeId: string, pointer: string) {
  const unit = await unitRow(ctx, unitId)
  if (!unit) throw invalid(pointer, `no unit ${unitId}`)
  if (unit.officeId !== officeId) throw invalid(pointer, 'the unit belongs to another office')
  return unit
}

async function nextSortOrder(
  ctx: TenantContext,
  table: typeof units | typeof counters | typeof positions,
  officeId: string,
) {
  const [row] = await ctx.db
    .select({ max: sql<number | null>`max(${table.sortOrder})` })
    .from(table)
    .where(eq(table.officeId, officeId))
  return (row?.max ?? -1) + 1
}

function pageOf<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null }
}

function cursorId(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined
  const value = decodeCursor(cursor)
  if (value?.length !== 1 || typeof value[0] !== 'string')
    throw problem('badRequest', 'The cursor is not valid; start from the first page.')
  return value[0]
}

// ---------------------------------------------------------------- units

const UNIT = 'directory.unit'

export async function getUnit(ctx: TenantContext, id: string): Promise<Unit> {
  const row = await unitRow(ctx, id)
  if (!row) throw problem('notFound', `No unit ${id}`)
  return unitFromRow(row)
}

/** A unit by id, or null: what other modules call to validate a unit reference. */
export async function findUnit(ctx: TenantContext, id: string): Promise<Unit | null> {
  const row = await unitRow(ctx, id)
  return row ? unitFromRow(row) : null
}

/** Units by id, in one query (for pages that name many). */
export async function unitsByIds(ctx: TenantContext, ids: readonly string[]): Promise<Map<string, Unit>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await ctx.db.select().from(units).where(inArray(units.id, unique))
  return new Map(rows.map((row) => [row.id, unitFromRow(row)]))
}

export async function listUnitsOfOffice(ctx: TenantContext, officeId: string): Promise<Unit[]> {
  const rows = await ctx.db
    .select()
    .from(units)
    .where(eq(units.officeId, officeId))
    .orderBy(asc(units.sortOrder), asc(units.id))
  return rows.map(unitFromRow)
}

export async function listUnitsForEditing(ctx: TenantContext, page: { cursor?: string | undefined; limit: number }) {
  const after = cursorId(page.cursor)
  const rows = await ctx.db
    .select()
    .from(units)
    .where(after ? gt(units.id, after) : undefined)
    .orderBy(asc(units.id))
    .limit(page.limit + 1)
  return pageOf(rows.map(unitFromRow), page.limit)
}

/** The parent must be a unit of the same office, and not the unit itself or one of its descendants. */
async function checkUnitParent(ctx: TenantContext, parentId: string, officeId: string, selfId: string | null) {
  let current: UnitRow | undefined = await checkUnitOfOffice(ctx, parentId, officeId, '/parentId')
  for (let depth = 0; current && depth < 50; depth++) {
    if (selfId && current.id === selfId) throw invalid('/parentId', 'a unit cannot be inside itself')
    current = current.parentId ? await unitRow(ctx, current.parentId) : undefined
  }
}

export async function createUnit(
  ctx: TenantContext,
  input: CreateUnitInput,
  options: WriteOptions = {},
): Promise<Unit> {
  return ctx.transaction(async (ctx) => {
    const office = await resolveOffice(ctx, input.officeId)
    if (input.parentId) await checkUnitParent(ctx, input.parentId, office.id, null)
    const now = ctx.now().toISOString()
    const row: UnitRow = {
      id: newId('unt'),
      seedKey: options.seedKey ?? null,
      officeId: office.id,
      parentId: input.parentId ?? null,
      kind: input.kind,
      nameId: input.name.id,
      nameEn: input.name.en ?? null,
      handlesId: input.handles?.id ?? null,
      handlesEn: input.handles?.en ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      sortOrder: input.sortOrder ?? (await nextSortOrder(ctx, units, office.id)),
      verifiedAt: options.verification?.at ?? null,
      verifiedBy: options.verification?.by ?? null,
      verificationSource: options.verification?.source ?? null,
      createdAt: now,
      updatedAt: now,
    }
    await ctx.db.insert(units).values(row)
    const created = unitFromRow(row)
    await ctx.audit({ action: 'create', entity: UNIT, entityId: row.id, after: created })
    await ctx.search.upsert([unitSearchDocument(created, office.slug)])
    return created
  })
}

export async function updateUnit(ctx: TenantContext, id: string, input: UpdateUnitInput): Promise<Unit> {
  return ctx.transaction(async (ctx) => {
    const before = await unitRow(ctx, id)
    if (!before) throw problem('notFound', `No unit ${id}`)
    await checkSameOffice(ctx, input.officeId, before.officeId)
    if (input.parentId) await checkUnitParent(ctx, input.parentId, before.officeId, before.id)
    let next: UnitRow = {
      ...before,
      ...(input.parentId !== undefined ? { parentId: input.parentId } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.name ? { nameId: input.name.id, nameEn: input.name.en ?? null } : {}),
      ...(input.handles !== undefined
        ? { handlesId: input.handles?.id ?? null, handlesEn: input.handles?.en ?? null }
        : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}),
      updatedAt: ctx.now().toISOString(),
    }
    next = clearStaleVerification(before, next)
    await ctx.db.update(units).set(next).where(eq(units.id, id))
    const updated = unitFromRow(next)
    await ctx.audit({ action: 'update', entity: UNIT, entityId: id, before: unitFromRow(before), after: updated })
    await ctx.search.upsert([unitSearchDocument(updated, await officeSlug(ctx, updated.officeId))])
    return updated
  })
}

/** Deletes a unit that no sub-unit, counter or position points to (409 otherwise). */
export async function deleteUnit(ctx: TenantContext, id: string): Promise<void> {
  return ctx.transaction(async (ctx) => {
    const before = await unitRow(ctx, id)
    if (!before) throw problem('notFound', `No unit ${id}`)
    const used =
      (await ctx.db.select({ id: units.id }).from(units).where(eq(units.parentId, id)).limit(1)).length +
      (await ctx.db.select({ id: counters.id }).from(counters).where(eq(counters.unitId, id)).limit(1)).length +
      (await ctx.db.select({ id: positions.id }).from(positions).where(eq(positions.unitId, id)).limit(1)).length
    if (used > 0) throw problem('conflict', 'Sub-units, counters or positions still point to this unit.')
    await ctx.db.delete(units).where(eq(units.id, id))
    await ctx.audit({ action: 'delete', entity: UNIT, entityId: id, before: unitFromRow(before) })
    await ctx.search.remove([id])
  })
}

export async function verifyUnit(ctx: TenantContext, id: string, input: VerifyInput): Promise<Unit> {
  return ctx.transaction(async (ctx) => {
    const before = await unitRow(ctx, id)
    if (!before) throw problem('notFound', `No unit ${id}`)
    const next: UnitRow = { ...before, ...verificationStamp(ctx, input.source, before.verificationSource) }
    await ctx.db.update(units).set(next).where(eq(units.id, id))
    const updated = unitFromRow(next)
    await ctx.audit({ action: 'verify', entity: UNIT, entityId: id, before: unitFromRow(before), after: updated })
    return updated
  })
}

async function officeSlug(ctx: TenantContext, officeId: string): Promise<string> {
  const [row] = await ctx.db.select({ slug: offices.slug }).from(offices).where(eq(offices.id, officeId))
  return row?.slug ?? officeId
}

export function unitSearchDocument(u: Unit, officeSlugValue: string): SearchDocument {
  return {
    id: u.id,
    module: 'directory',
    kind: 'unit',
    title: u.name,
    ...(u.handles ? { body: u.handles } : {}),
    keywords: [u.kind],
    url: `/direktori/${officeSlugValue}#${u.id}`,
    boost: UNIT_SEARCH_BOOST,
  }
}

export async function unitSearchDocuments(ctx: TenantContext): Promise<SearchDocument[]> {
  const rows = await ctx.db
    .select({ unit: units, slug: offices.slug })
    .from(units)
    .innerJoin(offices, eq(offices.id, units.officeId))
  return rows.map((r) => unitSearchDocument(unitFromRow(r.unit), r.slug))
}

// ---------------------------------------------------------------- counters

const COUNTER = 'directory.counter'

async function counterRow(ctx: TenantContext, id: string): Promise<CounterRow | undefined> {
  const [row] = await ctx.db.select().from(counters).where(eq(counters.id, id))
  return row
}

export async function getCounter(ctx: TenantContext, id: string): Promise<Counter> {
  const row = await counterRow(ctx, id)
  if (!row) throw problem('notFound', `No counter ${id}`)
  return counterFromRow(row)
}

/** A counter by id, or null: what other modules call to validate a counter reference. */
export async function findCounter(ctx: TenantContext, id: string): Promise<Counter | null> {
  const row = await counterRow(ctx, id)
  return row ? counterFromRow(row) : null
}

/** Counters by id, in one query (for pages that name many). */
export async function countersByIds(ctx: TenantContext, ids: readonly string[]): Promise<Map<string, Counter>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await ctx.db.select().from(counters).where(inArray(counters.id, unique))
  return new Map(rows.map((row) => [row.id, counterFromRow(row)]))
}

export async function listCountersOfOffice(ctx: TenantContext, officeId: string): Promise<Counter[]> {
  const rows = await ctx.db
    .select()
    .from(counters)
    .where(eq(counters.officeId, officeId))
    .orderBy(asc(counters.sortOrder), asc(counters.id))
  return rows.map(counterFromRow)
}

export async function listCountersForEditing(ctx: TenantContext, page: { cursor?: string | undefined; limit: number }) {
  const after = cursorId(page.cursor)
  const rows = await ctx.db
    .select()
    .from(counters)
    .where(after ? gt(counters.id, after) : undefined)
    .orderBy(asc(counters.id))
    .limit(page.limit + 1)
  return pageOf(rows.map(counterFromRow), page.limit)
}

export async function createCounter(
  ctx: TenantContext,
  input: CreateCounterInput,
  options: WriteOptions = {},
): Promise<Counter> {
  return ctx.transaction(async (ctx) => {
    const office = await resolveOffice(ctx, input.officeId)
    if (input.unitId) await checkUnitOfOffice(ctx, input.unitId, office.id, '/unitId')
    const now = ctx.now().toISOString()
    const row: CounterRow = {
      id: newId('ctr'),
      seedKey: options.seedKey ?? null,
      officeId: office.id,
      unitId: input.unitId ?? null,
      code: input.code,
      nameId: input.name.id,
      nameEn: input.name.en ?? null,
      locationId: input.location?.id ?? null,
      locationEn: input.location?.en ?? null,
      sortOrder: input.sortOrder ?? (await nextSortOrder(ctx, counters, office.id)),
      verifiedAt: options.verification?.at ?? null,
      verifiedBy: options.verification?.by ?? null,
      verificationSource: options.verification?.source ?? null,
      createdAt: now,
      updatedAt: now,
    }
    await ctx.db.insert(counters).values(row)
    const created = counterFromRow(row)
    await ctx.audit({ action: 'create', entity: COUNTER, entityId: row.id, after: created })
    return created
  })
}

export async function updateCounter(ctx: TenantContext, id: string, input: UpdateCounterInput): Promise<Counter> {
  return ctx.transaction(async (ctx) => {
    const before = await counterRow(ctx, id)
    if (!before) throw problem('notFound', `No counter ${id}`)
    await checkSameOffice(ctx, input.officeId, before.officeId)
    if (input.unitId) await checkUnitOfOffice(ctx, input.unitId, before.officeId, '/unitId')
    let next: CounterRow = {
      ...before,
      ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
      ...(input.code ? { code: input.code } : {}),
      ...(input.name ? { nameId: input.name.id, nameEn: input.name.en ?? null } : {}),
      ...(input.location !== undefined
        ? { locationId: input.location?.id ?? null, locationEn: input.location?.en ?? null }
        : {}),
      ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}),
      updatedAt: ctx.now().toISOString(),
    }
    next = clearStaleVerification(before, next)
    await ctx.db.update(counters).set(next).where(eq(counters.id, id))
    const updated = counterFromRow(next)
    await ctx.audit({ action: 'update', entity: COUNTER, entityId: id, before: counterFromRow(before), after: updated })
    return updated
  })
}

export async function deleteCounter(ctx: TenantContext, id: string): Promise<void> {
  return ctx.transaction(async (ctx) => {
    const before = await counterRow(ctx, id)
    if (!before) throw problem('notFound', `No counter ${id}`)
    await ctx.db.delete(counters).where(eq(counters.id, id))
    await ctx.audit({ action: 'delete', entity: COUNTER, entityId: id, before: counterFromRow(before) })
  })
}

export async function verifyCounter(ctx: TenantContext, id: string, input: VerifyInput): Promise<Counter> {
  return ctx.transaction(async (ctx) => {
    const before = await counterRow(ctx, id)
    if (!before) throw problem('notFound', `No counter ${id}`)
    const next: CounterRow = { ...before, ...verificationStamp(ctx, input.source, before.verificationSource) }
    await ctx.db.update(counters).set(next).where(eq(counters.id, id))
    const updated = counterFromRow(next)
    await ctx.audit({ action: 'verify', entity: COUNTER, entityId: id, before: counterFromRow(before), after: updated })
    return updated
  })
}

// ---------------------------------------------------------------- positions

const POSITION = 'directory.position'

async function positionRow(ctx: TenantContext, id: string): Promise<PositionRow | undefined> {
  const [row] = await ctx.db.select().from(positions).where(eq(positions.id, id))
  return row
}

export async function getPosition(ctx: TenantContext, id: string): Promise<Position> {
  const row = await positionRow(ctx, id)
  if (!row) throw problem('notFound', `No position ${id}`)
  return positionFromRow(row)
}

export async function listPositionsOfOffice(ctx: TenantContext, officeId: string): Promise<Position[]> {
  const rows = await ctx.db
    .select()
    .from(positions)
    .where(eq(positions.officeId, officeId))
    .orderBy(asc(positions.sortOrder), asc(positions.id))
  return rows.map(positionFromRow)
}

export async function listPositionsForEditing(
  ctx: TenantContext,
  page: { cursor?: string | undefined; limit: number },
) {
  const after = cursorId(page.cursor)
  const rows = await ctx.db
    .select()
    .from(positions)
    .where(after ? gt(positions.id, after) : undefined)
    .orderBy(asc(positions.id))
    .limit(page.limit + 1)
  return pageOf(rows.map(positionFromRow), page.limit)
}

export async function createPosition(
  ctx: TenantContext,
  input: CreatePositionInput,
  options: WriteOptions = {},
): Promise<Position> {
  return ctx.transaction(async (ctx) => {
    const office = await resolveOffice(ctx, input.officeId)
    if (input.unitId) await checkUnitOfOffice(ctx, input.unitId, office.id, '/unitId')
    const now = ctx.now().toISOString()
    const row: PositionRow = {
      id: newId('pos'),
      seedKey: options.seedKey ?? null,
      officeId: office.id,
      unitId: input.unitId ?? null,
      titleId: input.title.id,
      titleEn: input.title.en ?? null,
      holderName: input.holderName ?? null,
      sortOrder: input.sortOrder ?? (await nextSortOrder(ctx, positions, office.id)),
      verifiedAt: options.verification?.at ?? null,
      verifiedBy: options.verification?.by ?? null,
      verificationSource: options.verification?.source ?? null,
      createdAt: now,
      updatedAt: now,
    }
    await ctx.db.insert(positions).values(row)
    const created = positionFromRow(row)
    await ctx.audit({ action: 'create', entity: POSITION, entityId: row.id, after: created })
    return created
  })
}

export async function updatePosition(ctx: TenantContext, id: string, input: UpdatePositionInput): Promise<Position> {
  return ctx.transaction(async (ctx) => {
    const before = await positionRow(ctx, id)
    if (!before) throw problem('notFound', `No position ${id}`)
    await checkSameOffice(ctx, input.officeId, before.officeId)
    if (input.unitId) await checkUnitOfOffice(ctx, input.unitId, before.officeId, '/unitId')
    let next: PositionRow = {
      ...before,
      ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
      ...(input.title ? { titleId: input.title.id, titleEn: input.title.en ?? null } : {}),
      ...(input.holderName !== undefined ? { holderName: input.holderName } : {}),
      ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}),
      updatedAt: ctx.now().toISOString(),
    }
    // Other hours, another owner, a new name or holder: not what the verifier checked.
    next = clearStaleVerification(before, next)
    await ctx.db.update(positions).set(next).where(eq(positions.id, id))
    const updated = positionFromRow(next)
    await ctx.audit({
      action: 'update',
      entity: POSITION,
      entityId: id,
      before: positionFromRow(before),
      after: updated,
    })
    return updated
  })
}

export async function deletePosition(ctx: TenantContext, id: string): Promise<void> {
  return ctx.transaction(async (ctx) => {
    const before = await positionRow(ctx, id)
    if (!before) throw problem('notFound', `No position ${id}`)
    await ctx.db.delete(positions).where(eq(positions.id, id))
    await ctx.audit({ action: 'delete', entity: POSITION, entityId: id, before: positionFromRow(before) })
  })
}

export async function verifyPosition(ctx: TenantContext, id: string, input: VerifyInput): Promise<Position> {
  return ctx.transaction(async (ctx) => {
    const before = await positionRow(ctx, id)
    if (!before) throw problem('notFound', `No position ${id}`)
    const next: PositionRow = { ...before, ...verificationStamp(ctx, input.source, before.verificationSource) }
    await ctx.db.update(positions).set(next).where(eq(positions.id, id))
    const updated = positionFromRow(next)
    await ctx.audit({
      action: 'verify',
      entity: POSITION,
      entityId: id,
      before: positionFromRow(before),
      after: updated,
    })
    return updated
  })
}
