// The list module first: it loads service.ts in the order its import cycle needs.
import './services'
import { type ModuleIndicator, percentage, type TenantContext } from '@cerdas/core'
import { count, lt, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { service } from './service'

const columns = service.table as unknown as Record<'createdAt' | 'verifiedAt', SQLiteColumn>

/**
 * The share of the services listed at the end of the period whose current verification stamp
 * was set before it ends. A stamp cleared by a later edit is not in the past periods either:
 * the table keeps only the current stamp, so past values are best recorded when they are current.
 */
async function verifiedShare(ctx: TenantContext, to: string): Promise<number | null> {
  const [row] = await ctx.db
    .select({
      total: count(),
      verified: sql<number>`count(case when ${columns.verifiedAt} < ${to} then 1 end)`,
    })
    .from(service.table)
    .where(lt(columns.createdAt, to))
  return percentage(Number(row?.verified ?? 0), row?.total ?? 0)
}

/** What the services module measures for the smart-city KPIs. */
export const servicesIndicators: ModuleIndicator[] = [
  {
    id: 'verified-share',
    title: { id: 'Layanan publik yang terverifikasi', en: 'Public services verified' },
    unit: '%',
    description: {
      id: 'Persentase layanan yang datanya sudah diverifikasi petugas pada akhir periode.',
      en: 'Share of services whose details a verifier had confirmed at the end of the period.',
    },
    compute: (ctx, { to }) => verifiedShare(ctx, to),
  },
]
