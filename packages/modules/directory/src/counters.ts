import {
  clearStaleVerification,
  newId,
  problem,
  type TenantContext,
  verificationOf,
  verificationStamp,
} from '@cerdas/core'
import { asc, eq, gt, inArray } from 'drizzle-orm'
import { checkSameOffice, checkUnitOfOffice, cursorId, nextSortOrder, pageOf, resolveOffice } from './office-parts'
import { counters } from './schema'
import { text, textOrNull, type WriteOptions } from './shared'
import type { Counter, CreateCounterInput, UpdateCounterInput, VerifyInput } from './validation'

/** Counters (loket) of an office, where people are served. */

type CounterRow = typeof counters.$inferSelect

export const counterFromRow = (row: CounterRow): Counter => ({
  id: row.id,
  officeId: row.officeId,
  unitId: row.unitId ?? null,
  code: row.code,
  name: text(row.nameIndonesian, row.nameEnglish),
  location: textOrNull(row.locationIndonesian, row.locationEnglish),
  sortOrder: row.sortOrder,
  verification: verificationOf(row),
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
})

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
      nameIndonesian: input.name.id,
      nameEnglish: input.name.en ?? null,
      locationIndonesian: input.location?.id ?? null,
      locationEnglish: input.location?.en ?? null,
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
      ...(input.name ? { nameIndonesian: input.name.id, nameEnglish: input.name.en ?? null } : {}),
      ...(input.location !== undefined
        ? { locationIndonesian: input.location?.id ?? null, locationEnglish: input.location?.en ?? null }
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
