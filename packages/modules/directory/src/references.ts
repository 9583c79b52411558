import type { TenantContext } from '@cerdas/core'
import { findOffice, officeOwner } from './offices'

/** How other modules refer to an office (a schedule's owner): by slug; the office's id answers with its slug too. */
export async function officeReference(ctx: TenantContext, ref: string): Promise<string | null> {
  const office = await findOffice(ctx, ref)
  return office ? officeOwner(office).id : null
}
