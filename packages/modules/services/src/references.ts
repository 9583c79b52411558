import type { TenantContext } from '@cerdas/core'
import { findService, serviceOwner } from './services'

/** How other modules refer to a service (a schedule's owner): by slug; the service's id answers with its slug too. */
export async function serviceReference(ctx: TenantContext, ref: string): Promise<string | null> {
  const service = await findService(ctx, ref)
  return service ? serviceOwner(service).id : null
}
