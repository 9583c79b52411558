import {
  clearStaleVerification,
  newId,
  problem,
  type TenantContext,
  verificationOf,
  verificationStamp,
} from '@cerdas/core'
import { asc, eq, gt } from 'drizzle-orm'
import { checkSameOffice, checkUnitOfOffice, cursorId, nextSortOrder, pageOf, resolveOffice } from './office-parts'
import { positions } from './schema'
import { text, type WriteOptions } from './shared'
import type { CreatePositionInput, Position, UpdatePositionInput, VerifyInput } from './validation'

/** Positions of an office (Kepala Dinas, Kepala Bidang, ...); the holder's name only where it is public. */

type PositionRow = typeof positions.$inferSelect

export const positionFromRow = (row: PositionRow): Position => ({
  id: row.id,
  officeId: row.officeId,
  unitId: row.unitId ?? null,
  title: text(row.titleIndonesian, row.titleEnglish),
  holderName: row.holderName ?? null,
  sortOrder: row.sortOrder,
  verification: verificationOf(row),
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
})

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
      titleIndonesian: input.title.id,
      titleEnglish: input.title.en ?? null,
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
      ...(input.title ? { titleIndonesian: input.title.id, titleEnglish: input.title.en ?? null } : {}),
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
