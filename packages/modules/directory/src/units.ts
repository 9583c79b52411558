import {
  clearStaleVerification,
  newId,
  problem,
  type SearchDocument,
  type TenantContext,
  verificationOf,
  verificationStamp,
} from '@cerdas/core'
import { asc, eq, gt, inArray } from 'drizzle-orm'
import {
  checkSameOffice,
  checkUnitOfOffice,
  cursorId,
  nextSortOrder,
  pageOf,
  resolveOffice,
  type UnitRow,
  unitRow,
} from './office-parts'
import { counters, offices, positions, units } from './schema'
import { invalid, text, textOrNull, type WriteOptions } from './shared'
import type { CreateUnitInput, Unit, UnitKind, UpdateUnitInput, VerifyInput } from './validation'

/** Units (bidang, seksi, subbagian) of an office, nested through the parent unit. */

/** Search rank of units (bidang): above announcements, below offices. */
export const UNIT_SEARCH_BOOST = 1

export const unitFromRow = (row: UnitRow): Unit => ({
  id: row.id,
  officeId: row.officeId,
  parentId: row.parentId ?? null,
  kind: row.kind as UnitKind,
  name: text(row.nameIndonesian, row.nameEnglish),
  handles: textOrNull(row.handlesIndonesian, row.handlesEnglish),
  contacts: { phone: row.phone ?? null, email: row.email ?? null },
  sortOrder: row.sortOrder,
  verification: verificationOf(row),
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
})

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
      nameIndonesian: input.name.id,
      nameEnglish: input.name.en ?? null,
      handlesIndonesian: input.handles?.id ?? null,
      handlesEnglish: input.handles?.en ?? null,
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
      ...(input.name ? { nameIndonesian: input.name.id, nameEnglish: input.name.en ?? null } : {}),
      ...(input.handles !== undefined
        ? { handlesIndonesian: input.handles?.id ?? null, handlesEnglish: input.handles?.en ?? null }
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
