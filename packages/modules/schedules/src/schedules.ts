import {
  clearStaleVerification,
  decodeCursor,
  encodeCursor,
  newId,
  problem,
  type TenantContext,
  verificationStamp,
} from '@cerdas/core'
import { type OpeningHoursWarning, parseOpeningHours, type ScheduleDefinition, scheduleSchema } from '@cerdas/schedules'
import { and, asc, eq, gt, type SQL } from 'drizzle-orm'
import { canonicalOwner } from './owners'
import { scheduleFromRow as fromRow, type ScheduleRow } from './schedule-rows'
import { schedules } from './schema'
import type {
  CreateScheduleInput,
  DefinitionInput,
  ImportScheduleInput,
  ListQuery,
  OwnerRef,
  Schedule,
  UpdateScheduleInput,
} from './validation'

/** Schedule records: read, list, create, import, update, delete and verify (status and exports live beside). */

const ENTITY = 'schedules.schedule'

const pointer = (path: PropertyKey[]) =>
  `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`

/**
 * Completes an admin's definition with the tenant zone and holiday default, then validates it with
 * the engine (overlaps, unknown zone, overnight mistakes): a 422 with `/definition/...` pointers.
 */
export function buildDefinition(ctx: TenantContext, input: DefinitionInput, base = '/definition'): ScheduleDefinition {
  const byDefault = ctx.tenant.modules.schedules?.settings.closedOnHolidaysByDefault
  const candidate = {
    zone: input.zone ?? ctx.tenant.timezone,
    closedOnHolidays: input.closedOnHolidays ?? (typeof byDefault === 'boolean' ? byDefault : true),
    ...Object.fromEntries(
      Object.entries(input).filter(([k, v]) => k !== 'zone' && k !== 'closedOnHolidays' && v !== undefined),
    ),
  }
  const parsed = scheduleSchema.safeParse(candidate)
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      pointer: `${base}${pointer(issue.path)}`,
      message: issue.message,
    }))
    throw problem('validation', errors.map((e) => `${e.pointer}: ${e.message}`).join('; '), { errors })
  }
  return parsed.data
}

async function findRow(ctx: TenantContext, id: string): Promise<ScheduleRow | undefined> {
  const [row] = await ctx.db.select().from(schedules).where(eq(schedules.id, id))
  return row
}

export async function getSchedule(ctx: TenantContext, id: string): Promise<Schedule> {
  const row = await findRow(ctx, id)
  if (!row) throw problem('notFound', `No schedule with id ${id}`)
  return fromRow(row)
}

/** Schedules, optionally filtered by owner and kind, oldest first, one cursor page at a time. */
export async function listSchedules(
  ctx: TenantContext,
  query: ListQuery,
): Promise<{ items: Schedule[]; nextCursor: string | null }> {
  const where: SQL[] = []
  if (query.ownerModule) where.push(eq(schedules.ownerModule, query.ownerModule))
  if (query.ownerType) where.push(eq(schedules.ownerType, query.ownerType))
  if (query.ownerId) where.push(eq(schedules.ownerId, query.ownerId))
  if (query.kind) where.push(eq(schedules.kind, query.kind))
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor)
    if (cursor?.length !== 1 || typeof cursor[0] !== 'string')
      throw problem('badRequest', 'The cursor is not valid; start from the first page.')
    where.push(gt(schedules.id, cursor[0]))
  }
  const rows = await ctx.db
    .select()
    .from(schedules)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(asc(schedules.id))
    .limit(query.limit + 1)
  const items = rows.slice(0, query.limit).map(fromRow)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null }
}

/** Every schedule of one owner (hours first, then presence), at most 100. */
export async function listSchedulesForOwner(ctx: TenantContext, owner: OwnerRef): Promise<Schedule[]> {
  const rows = await ctx.db
    .select()
    .from(schedules)
    .where(
      and(
        eq(schedules.ownerModule, owner.module),
        eq(schedules.ownerType, owner.type),
        eq(schedules.ownerId, owner.id),
      ),
    )
    .orderBy(asc(schedules.kind), asc(schedules.id))
    .limit(100)
  return rows.map(fromRow)
}

export async function createSchedule(
  ctx: TenantContext,
  input: CreateScheduleInput,
  options: { seedKey?: string; verification?: { at: string; by: string; source: string | null } } = {},
): Promise<Schedule> {
  return ctx.transaction(async (ctx) => {
    const definition = buildDefinition(ctx, input.definition)
    // Seeds run before the owning modules' seeds (dependency order) and name owners by key already.
    const owner = options.seedKey ? input.owner : await canonicalOwner(ctx, input.owner)
    const now = ctx.now().toISOString()
    const row: ScheduleRow = {
      id: newId('sch'),
      seedKey: options.seedKey ?? null,
      ownerModule: owner.module,
      ownerType: owner.type,
      ownerId: owner.id,
      kind: input.kind,
      labelIndonesian: input.label.id,
      labelEnglish: input.label.en ?? null,
      roleIndonesian: input.role?.id ?? null,
      roleEnglish: input.role?.en ?? null,
      services: JSON.stringify(input.services ?? []),
      definition: JSON.stringify(definition),
      closedOnHolidays: definition.closedOnHolidays ? 1 : 0,
      verifiedAt: options.verification?.at ?? null,
      verifiedBy: options.verification?.by ?? null,
      verificationSource: options.verification?.source ?? null,
      createdAt: now,
      updatedAt: now,
    }
    await ctx.db.insert(schedules).values(row)
    const created = fromRow(row)
    await ctx.audit({ action: 'create', entity: ENTITY, entityId: row.id, after: created })
    return created
  })
}

/**
 * Imports an OSM opening_hours value as a new schedule. A value the engine cannot read is a 422
 * whose error names the character position (also as `position` and `snippet` extensions).
 */
export async function importSchedule(
  ctx: TenantContext,
  input: ImportScheduleInput,
): Promise<{ schedule: Schedule; warnings: OpeningHoursWarning[] }> {
  const zone = input.zone ?? ctx.tenant.timezone
  const parsed = parseOpeningHours(input.openingHours, { zone })
  if (!parsed.ok) {
    const { position, message, snippet } = parsed.error
    const text = `${message} (at position ${position})`
    throw problem('validation', `opening_hours: ${text}`, {
      errors: [{ pointer: '/openingHours', message: text }],
      position,
      snippet,
    })
  }
  const { label: _label, ...definition } = parsed.schedule
  const schedule = await createSchedule(ctx, {
    owner: input.owner,
    kind: input.kind,
    label: input.label,
    ...(input.role !== undefined ? { role: input.role } : {}),
    ...(input.services ? { services: input.services } : {}),
    definition,
  })
  return { schedule, warnings: parsed.warnings }
}

export async function updateSchedule(ctx: TenantContext, id: string, input: UpdateScheduleInput): Promise<Schedule> {
  return ctx.transaction(async (ctx) => {
    const before = await findRow(ctx, id)
    if (!before) throw problem('notFound', `No schedule with id ${id}`)
    const definition = input.definition ? buildDefinition(ctx, input.definition) : undefined
    const owner = input.owner ? await canonicalOwner(ctx, input.owner) : undefined
    const now = ctx.now().toISOString()
    let next: ScheduleRow = {
      ...before,
      ...(owner ? { ownerModule: owner.module, ownerType: owner.type, ownerId: owner.id } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.label ? { labelIndonesian: input.label.id, labelEnglish: input.label.en ?? null } : {}),
      ...(input.role !== undefined
        ? { roleIndonesian: input.role?.id ?? null, roleEnglish: input.role?.en ?? null }
        : {}),
      ...(input.services ? { services: JSON.stringify(input.services) } : {}),
      ...(definition
        ? { definition: JSON.stringify(definition), closedOnHolidays: definition.closedOnHolidays ? 1 : 0 }
        : {}),
      updatedAt: now,
    }
    // Other hours, another owner, a new name or holder: not what the verifier checked.
    next = clearStaleVerification(before, next)
    await ctx.db.update(schedules).set(next).where(eq(schedules.id, id))
    const updated = fromRow(next)
    await ctx.audit({ action: 'update', entity: ENTITY, entityId: id, before: fromRow(before), after: updated })
    return updated
  })
}

export async function deleteSchedule(ctx: TenantContext, id: string): Promise<void> {
  return ctx.transaction(async (ctx) => {
    const before = await findRow(ctx, id)
    if (!before) throw problem('notFound', `No schedule with id ${id}`)
    await ctx.db.delete(schedules).where(eq(schedules.id, id))
    await ctx.audit({ action: 'delete', entity: ENTITY, entityId: id, before: fromRow(before) })
  })
}

/** Stamps the schedule as checked now by the acting person. */
export async function verifySchedule(
  ctx: TenantContext,
  id: string,
  input: { source?: string | undefined },
): Promise<Schedule> {
  return ctx.transaction(async (ctx) => {
    const before = await findRow(ctx, id)
    if (!before) throw problem('notFound', `No schedule with id ${id}`)
    const _now = ctx.now().toISOString()
    const next: ScheduleRow = {
      ...before,
      ...verificationStamp(ctx, input.source, before.verificationSource),
    }
    await ctx.db.update(schedules).set(next).where(eq(schedules.id, id))
    const updated = fromRow(next)
    await ctx.audit({ action: 'verify', entity: ENTITY, entityId: id, before: fromRow(before), after: updated })
    return updated
  })
}
