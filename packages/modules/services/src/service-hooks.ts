import { type FieldError, problem, type TenantContext } from '@cerdas/core'
import { findCounter, findOffice, findUnit } from '@cerdas/module-directory'
import { deleteSchedule, listSchedulesForOwner } from '@cerdas/module-schedules'
import { service } from './service'
import { serviceOwner } from './services'

type Values = Record<string, unknown>
type Location = { officeId: string; counterId?: string | null | undefined }

/**
 * The unit, places (offices and counters) and related services a service names, checked through
 * the directory's exported functions and this module's own records, stored by id; every problem
 * is reported at once, each at its field.
 */
export async function resolveReferences(
  ctx: TenantContext,
  values: Values,
  input: Values,
  selfId: string | null,
): Promise<{ values: Values; errors: FieldError[] }> {
  const errors: FieldError[] = []
  // The office was resolved to its id as the reference it is; a unit must be one of it.
  const officeId = values.officeId as string
  // A unit belongs to one office: moving the service to another office drops the old unit unless a new one is given.
  const unitRef = selfId && input.officeId !== undefined && input.unitId === undefined ? null : values.unitId
  let unitId: string | null = null
  if (typeof unitRef === 'string') {
    const unit = await findUnit(ctx, unitRef)
    if (!unit) errors.push({ pointer: '/unitId', message: `no unit ${unitRef}` })
    else if (unit.officeId !== officeId)
      errors.push({ pointer: '/unitId', message: 'the unit belongs to another office' })
    else unitId = unit.id
  }
  const locations: { officeId: string; counterId: string | null }[] = []
  for (const [i, location] of ((values.locations ?? []) as Location[]).entries()) {
    const where = await findOffice(ctx, location.officeId)
    if (!where) {
      errors.push({ pointer: `/locations/${i}/officeId`, message: `no office ${location.officeId}` })
      continue
    }
    let counterId: string | null = null
    if (location.counterId) {
      const counter = await findCounter(ctx, location.counterId)
      if (!counter || counter.officeId !== where.id)
        errors.push({ pointer: `/locations/${i}/counterId`, message: 'no such counter in that office' })
      else counterId = counter.id
    }
    locations.push({ officeId: where.id, counterId })
  }
  const related: string[] = []
  for (const [i, ref] of ((values.related ?? []) as string[]).entries()) {
    const id = await service.resolveId(ctx, ref)
    if (!id) errors.push({ pointer: `/related/${i}`, message: `no service ${ref}` })
    else if (id === selfId) errors.push({ pointer: `/related/${i}`, message: 'a service cannot relate to itself' })
    else if (!related.includes(id)) related.push(id)
  }
  return { values: { unitId, locations, related }, errors }
}

/** A slug asked for that another service has is a conflict, as it always was for services. */
export async function checkService(ctx: TenantContext, values: Values, selfId: string | null): Promise<FieldError[]> {
  if (selfId === null && typeof values.slug === 'string' && (await service.resolveId(ctx, values.slug)))
    throw problem('conflict', `The slug ${values.slug} is taken`)
  return []
}

/** A service's own schedules (its hours, its officers' presence) go with it. */
export async function deleteOwnSchedules(ctx: TenantContext, id: string): Promise<void> {
  const record = await service.getForEditing(ctx, id)
  for (const schedule of await listSchedulesForOwner(ctx, serviceOwner(record as { slug: string })))
    await deleteSchedule(ctx, schedule.id)
}
