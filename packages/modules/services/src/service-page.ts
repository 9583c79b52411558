import { dataSnapshot, type HomeSection, type Locale, type SectionTarget, type TenantContext } from '@cerdas/core'
import { unitsByIds } from '@cerdas/module-directory'
import { hoursPanel } from '@cerdas/module-schedules'
import { getServiceDetail, listServices, listServicesAtOffice, serviceUrl } from './services'

/**
 * What the public service page shows, in one call shared with any other front end: the detail
 * (office, bidang, counters, open now, officer presence), the hours' week from `from` (default
 * this week) with holidays and special hours applied, the coming special hours, and the hours as
 * schema.org OpeningHoursSpecification for the page's JSON-LD.
 * @example const page = await servicePageData(ctx, 'ktp-elektronik-ktp-el-baru', { locale: 'id' })
 */
export async function servicePageData(
  ctx: TenantContext,
  ref: string,
  options: { from?: string | null | undefined; locale: Locale },
) {
  // One data version for the whole page: its hours panel is then worked out once per version and day.
  const snapshot = await dataSnapshot(ctx)
  const detail = await getServiceDetail(ctx, ref, undefined, snapshot)
  return { detail, ...(await hoursPanel(ctx, detail.hours?.schedule ?? null, { ...options, snapshot })) }
}

/** The home page's services section: the first services by name and a link to all of them. */
export async function servicesHomeSection(ctx: TenantContext): Promise<HomeSection | null> {
  const { items } = await listServices(ctx, { limit: 8 })
  if (items.length === 0) return null
  return {
    title: { id: 'Layanan publik', en: 'Public services' },
    moreUrl: '/layanan',
    items: items.map((s) => ({ title: s.name, url: serviceUrl(s), verified: s.verification.verified })),
  }
}

/** The section the services module adds to a directory office page: what can be arranged there. */
export async function servicesAtOfficeSection(ctx: TenantContext, office: SectionTarget): Promise<HomeSection | null> {
  const list = await listServicesAtOffice(ctx, office.id)
  if (list.length === 0) return null
  const unitMap = await unitsByIds(
    ctx,
    list.flatMap((s) => (s.unitId ? [s.unitId] : [])),
  )
  const items: HomeSection['items'] = list.map((s) => ({
    title: s.name,
    url: serviceUrl(s),
    verified: s.verification.verified,
    note: s.unitId ? unitMap.get(s.unitId)?.name : undefined,
  }))
  return { title: { id: 'Layanan di kantor ini', en: 'Services at this office' }, items }
}
