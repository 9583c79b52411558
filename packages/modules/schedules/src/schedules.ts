import { type CreateOptions, problem, type TenantContext } from '@cerdas/core'
import { type OpeningHoursWarning, parseOpeningHours } from '@cerdas/schedules'
import { eq, type SQL } from 'drizzle-orm'
import { scheduleColumns as c, type Schedule, schedule } from './schedule'
import type { DefinitionInput, OwnerRef } from './schedule-input'
import type { ImportScheduleInput, ListQuery } from './validation'

/** Reads by owner and the OSM import over the schedule entity; what other modules call by name. */

/** What creating a schedule takes: the definition as an admin sends it (zone and holiday default filled in). */
export interface CreateScheduleInput {
  owner: OwnerRef
  kind: Schedule['kind']
  label: Schedule['label']
  role?: Schedule['role'] | undefined
  services?: string[] | undefined
  definition: DefinitionInput
}
export type UpdateScheduleInput = Partial<CreateScheduleInput>

export const getSchedule = (ctx: TenantContext, id: string): Promise<Schedule> => schedule.get(ctx, id)
export const createSchedule = (ctx: TenantContext, input: CreateScheduleInput, options?: CreateOptions) =>
  schedule.create(ctx, input as never, options)
export const updateSchedule = (ctx: TenantContext, id: string, input: UpdateScheduleInput) =>
  schedule.update(ctx, id, input as never)
export const deleteSchedule = (ctx: TenantContext, id: string) => schedule.remove(ctx, id)

const ownerConditions = (owner: Partial<OwnerRef>): SQL[] => [
  ...(owner.module ? [eq(c.ownerModule, owner.module)] : []),
  ...(owner.type ? [eq(c.ownerType, owner.type)] : []),
  ...(owner.id ? [eq(c.ownerId, owner.id)] : []),
]

/** Schedules, optionally filtered by owner and kind, oldest first, one cursor page at a time. */
export function listSchedules(ctx: TenantContext, query: ListQuery) {
  return schedule.list(ctx, { cursor: query.cursor, limit: query.limit }, [
    ...ownerConditions({ module: query.ownerModule, type: query.ownerType, id: query.ownerId }),
    ...(query.kind ? [eq(c.kind, query.kind)] : []),
  ])
}

/** Hours first, then presence; the oldest first within each. */
export const byKind = (a: Schedule, b: Schedule) => a.kind.localeCompare(b.kind)

/** Every schedule of one owner (hours first, then presence), at most 100. */
export async function listSchedulesForOwner(ctx: TenantContext, owner: OwnerRef): Promise<Schedule[]> {
  const page = await schedule.list(ctx, { limit: 100 }, ownerConditions(owner))
  return page.items.sort(byKind)
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
  const created = await createSchedule(ctx, {
    owner: input.owner,
    kind: input.kind,
    label: input.label,
    ...(input.role !== undefined ? { role: input.role } : {}),
    ...(input.services ? { services: input.services } : {}),
    definition,
  })
  return { schedule: created, warnings: parsed.warnings }
}
