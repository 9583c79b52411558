import { type AdminOption, listAll, type TenantContext } from '@cerdas/core'
import { listCountersForEditing, officeName, officesByIds } from '@cerdas/module-directory'
import { service } from './service'

/**
 * What the console offers for a service's counters and related services (offices and units come
 * from the directory's own option lists).
 */

/** Counters, grouped under their office (offices by name, then the counters' own order). */
export async function counterOptions(ctx: TenantContext): Promise<AdminOption[]> {
  const counters = await listAll(ctx, listCountersForEditing)
  const offices = await officesByIds(ctx, [...new Set(counters.map((c) => c.officeId))])
  const nameOf = (officeId: string) => offices.get(officeId)?.name.id ?? officeId
  return counters
    .sort((a, b) => nameOf(a.officeId).localeCompare(nameOf(b.officeId), 'id') || a.sortOrder - b.sortOrder)
    .map((c) => {
      const office = offices.get(c.officeId)
      return {
        value: c.id,
        label: { id: `Loket ${c.code} · ${c.name.id}`, en: `Counter ${c.code} · ${c.name.en ?? c.name.id}` },
        group: office ? officeName(office) : { id: c.officeId },
      }
    })
}

/** Other services, by id (as related services are stored). */
export async function serviceOptions(ctx: TenantContext): Promise<AdminOption[]> {
  return (await listAll(ctx, service.listForEditing)).map((s) => ({ value: s.id, label: s.name }))
}
