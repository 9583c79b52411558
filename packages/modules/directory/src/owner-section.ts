import type { HomeSection, SectionTarget, TenantContext } from '@cerdas/core'
import { officeUrl } from './office'
import { findOffice } from './offices'

/** For a schedule's page: the office that owns it (schedules owner `directory/office/<slug>`). */
export async function officeAsOwnerSection(ctx: TenantContext, owner: SectionTarget): Promise<HomeSection | null> {
  const office = await findOffice(ctx, owner.id)
  if (!office) return null
  return {
    title: { id: 'Kantor', en: 'Office' },
    items: [{ title: office.name, url: officeUrl(office), verified: office.verification.verified }],
  }
}
