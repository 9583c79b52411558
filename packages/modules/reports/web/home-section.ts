import type { HomeSection, TenantContext } from '@cerdas/core'
import { listPublicReports } from '../src/public-reports'
import { messages } from './messages'

const fill = (text: string, vars: Record<string, number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''))

/** The home page's "Laporan terbaru": how many are being handled and resolved, and the latest five. */
export async function latestReports(ctx: TenantContext): Promise<HomeSection | null> {
  const [latest, open, closed] = await Promise.all([
    listPublicReports(ctx, { pageSize: 5 }),
    listPublicReports(ctx, { status: 'open', pageSize: 1 }),
    listPublicReports(ctx, { status: 'closed', pageSize: 1 }),
  ])
  if (latest.total === 0) return null
  const counts = { open: open.total, resolved: closed.total }
  return {
    title: {
      id: `${messages.id.homeTitle} · ${fill(messages.id.homeCounts, counts)}`,
      en: `${messages.en.homeTitle} · ${fill(messages.en.homeCounts, counts)}`,
    },
    moreUrl: '/laporan',
    items: latest.items.map((r) => ({
      title: {
        id: `${r.number} · ${r.category.name.id}`,
        en: `${r.number} · ${r.category.name.en ?? r.category.name.id}`,
      },
      url: `/laporan/${r.number}`,
      date: r.receivedAt,
      note: r.statusLabel,
      verified: true,
    })),
  }
}
