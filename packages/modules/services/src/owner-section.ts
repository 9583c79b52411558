import type { HomeSection, SectionTarget, TenantContext } from '@cerdas/core'
import { findService, serviceUrl } from './services'

/** For a schedule's page: the service that owns it (schedules owner `services/service/<slug>`). */
export async function serviceAsOwnerSection(ctx: TenantContext, owner: SectionTarget): Promise<HomeSection | null> {
  const service = await findService(ctx, owner.id)
  if (!service) return null
  return {
    title: { id: 'Layanan', en: 'Service' },
    items: [{ title: service.name, url: serviceUrl(service), verified: service.verification.verified }],
  }
}
