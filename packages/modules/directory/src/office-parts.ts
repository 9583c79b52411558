import { decodeCursor, encodeCursor, problem, type TenantContext } from '@cerdas/core'
import { eq, sql } from 'drizzle-orm'
import { type counters, offices, type positions, units } from './schema'
import { invalid } from './shared'

/**
 * What the parts of an office (units, counters, positions) share: each belongs to one office, is
 * ordered within it, may name a unit of the same office, and pages by id in the console.
 */

export type UnitRow = typeof units.$inferSelect
export type Page<T> = { items: T[]; nextCursor: string | null }

/** Resolves an office id or slug to the office row's id and slug; a 422 on `pointer` when unknown. */
export async function resolveOffice(ctx: TenantContext, ref: string, pointer = '/officeId') {
  const [row] = await ctx.db
    .select({ id: offices.id, slug: offices.slug })
    .from(offices)
    .where(sql`${offices.id} = ${ref} OR ${offices.slug} = ${ref}`)
    .limit(1)
  if (!row) throw invalid(pointer, `no office ${ref}`)
  return row
}

export async function unitRow(ctx: TenantContext, id: string): Promise<UnitRow | undefined> {
  const [row] = await ctx.db.select().from(units).where(eq(units.id, id))
  return row
}

/** Parts stay in their office: `officeId` in an update may only name the same office. */
export async function checkSameOffice(ctx: TenantContext, ref: string | undefined, officeId: string) {
  if (ref === undefined) return
  const office = await resolveOffice(ctx, ref)
  if (office.id !== officeId) throw invalid('/officeId', 'cannot move to another office; create it there instead')
}

/** A unit reference must exist and belong to the office. */
export async function checkUnitOfOffice(ctx: TenantContext, unitId: string, officeId: string, pointer: string) {
  const unit = await unitRow(ctx, unitId)
  if (!unit) throw invalid(pointer, `no unit ${unitId}`)
  if (unit.officeId !== officeId) throw invalid(pointer, 'the unit belongs to another office')
  return unit
}

export async function nextSortOrder(
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

export function pageOf<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null }
}

export function cursorId(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined
  const value = decodeCursor(cursor)
  if (value?.length !== 1 || typeof value[0] !== 'string')
    throw problem('badRequest', 'The cursor is not valid; start from the first page.')
  return value[0]
}
