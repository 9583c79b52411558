import type { TenantContext } from '@cerdas/core'
import { and, count, desc, eq, gte, inArray, or, type SQL, sql } from 'drizzle-orm'
import { category, categoryColumns } from './category'
import { REPORT_NUMBER } from './codes'
import { reportsSettings } from './settings'
import { OPEN_STATUSES, REPORT_STATUSES, type ReportStatus } from './statuses'
import { reports } from './tables'
import type { PublicReport, PublicReportFilters, ReportPage } from './types'
import { publicViews, rowByNumber } from './views'

/** A report by its public number, as anyone may see it; null when there is none. */
export async function getPublicReport(ctx: TenantContext, number: string): Promise<PublicReport | null> {
  if (!REPORT_NUMBER.test(number.toUpperCase())) return null
  const row = await rowByNumber(ctx, number)
  return row ? ((await publicViews(ctx, [row]))[0] ?? null) : null
}

/** The condition of a status filter: open, closed (closed and rejected and resolved), or one status. */
export function statusCondition(status: PublicReportFilters['status']): SQL | undefined {
  if (!status) return undefined
  if (status === 'open') return inArray(reports.status, [...OPEN_STATUSES])
  if (status === 'closed')
    return inArray(
      reports.status,
      REPORT_STATUSES.filter((s) => !OPEN_STATUSES.includes(s)),
    )
  return eq(reports.status, status as ReportStatus)
}

/** A category filter by id or slug (unknown: matches nothing). */
export async function categoryCondition(ctx: TenantContext, ref: string | undefined): Promise<SQL | undefined> {
  if (!ref) return undefined
  const [cat] = await ctx.db
    .select({ id: categoryColumns.id })
    .from(category.table)
    .where(or(eq(categoryColumns.id, ref), eq(categoryColumns.slug, ref.toLowerCase())))
  return eq(reports.categoryId, (cat?.id as string | undefined) ?? '')
}

/** Public reports, newest first, with filters; a page of at most 100. */
export async function listPublicReports(
  ctx: TenantContext,
  filters: PublicReportFilters = {},
): Promise<ReportPage<PublicReport>> {
  const pageSize = Math.min(100, Math.max(1, filters.pageSize ?? reportsSettings(ctx).pageSize))
  const page = Math.max(1, filters.page ?? 1)
  const where = and(
    statusCondition(filters.status),
    await categoryCondition(ctx, filters.category),
    filters.kecamatan ? sql`lower(${reports.kecamatan}) = ${filters.kecamatan.trim().toLowerCase()}` : undefined,
    filters.desa ? sql`lower(${reports.desa}) = ${filters.desa.trim().toLowerCase()}` : undefined,
    filters.since ? gte(reports.receivedAt, filters.since) : undefined,
  )
  const [total] = await ctx.db.select({ n: count() }).from(reports).where(where)
  const rows = await ctx.db
    .select()
    .from(reports)
    .where(where)
    .orderBy(desc(reports.receivedAt), desc(reports.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
  return { items: await publicViews(ctx, rows), total: total?.n ?? 0, page, pageSize }
}
