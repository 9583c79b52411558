import { type AdminDashboardSection, DIMENSIONS, pickText, type TenantContext } from '@cerdas/core'
import { overdueReports } from './overdue'

/** Overdue reports per team on the console's dashboard, each linking to its part of the queue. */
export async function reportsDashboard(ctx: TenantContext): Promise<AdminDashboardSection | null> {
  const locale = ctx.locale === 'en' ? 'en' : 'id'
  const groups = await overdueReports(ctx)
  return {
    title: { id: 'Laporan warga melewati batas waktu', en: 'Citizen reports past their deadline' },
    empty: { id: 'Tidak ada laporan yang terlambat.', en: 'No report is overdue.' },
    items: groups.map((g) => {
      const team = DIMENSIONS.find((d) => d.id === g.dimension)
      return {
        label: team ? pickText(team.title, locale) : g.dimension,
        detail: locale === 'en' ? `${g.count} overdue` : `${g.count} terlambat`,
        url: `/admin/laporan?overdue=1&dimension=${g.dimension}`,
      }
    }),
  }
}
