import { DIMENSION_IDS, type DimensionId, type TenantContext } from '@cerdas/core'
import { and, asc, inArray, sql } from 'drizzle-orm'
import { readableDimensions } from './access'
import { OPEN_STATUSES } from './statuses'
import { reports } from './tables'
import type { StaffReport } from './types'
import { staffViews } from './views'

export interface OverdueGroup {
  dimension: DimensionId
  count: number
  /** The most overdue first, at most 20. */
  items: StaffReport[]
}

/** Open reports past their deadline, per team (dimension), for the caller's teams. */
export async function overdueReports(ctx: TenantContext): Promise<OverdueGroup[]> {
  const now = ctx.now().toISOString()
  const dimensions = readableDimensions(ctx)
  const rows = await ctx.db
    .select()
    .from(reports)
    .where(
      and(
        inArray(reports.status, [...OPEN_STATUSES]),
        sql`${reports.dueAt} IS NOT NULL AND ${reports.dueAt} < ${now}`,
        dimensions === null ? undefined : inArray(reports.dimension, dimensions.length ? dimensions : ['']),
      ),
    )
    .orderBy(asc(reports.dueAt))
  const groups: OverdueGroup[] = []
  for (const dimension of DIMENSION_IDS) {
    const mine = rows.filter((r) => r.dimension === dimension)
    if (mine.length === 0) continue
    groups.push({ dimension, count: mine.length, items: await staffViews(ctx, mine.slice(0, 20)) })
  }
  return groups
}
