import { problem, type TenantContext } from '@cerdas/core'
import { and, asc, count, desc, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm'
import { readableDimensions, requireOnReport } from './access'
import { categoryCondition, statusCondition } from './public-reports'
import { reportsSettings } from './settings'
import { OPEN_STATUSES } from './statuses'
import { reports } from './tables'
import type { QueueFilters, ReporterContact, ReportPage, StaffReport } from './types'
import { rowById, staffViews } from './views'

/** The reports the caller's teams may see (a limited grant: its own dimension's). */
function teamCondition(ctx: TenantContext): SQL | undefined {
  const dimensions = readableDimensions(ctx)
  return dimensions === null ? undefined : inArray(reports.dimension, dimensions.length ? dimensions : [''])
}

/**
 * The team's queue: overdue first, then by deadline, then newest; with filters. A limited grant
 * sees only its dimension's reports.
 */
export async function listReportQueue(
  ctx: TenantContext,
  filters: QueueFilters = {},
): Promise<ReportPage<StaffReport>> {
  const pageSize = reportsSettings(ctx).pageSize
  const page = Math.max(1, filters.page ?? 1)
  const now = ctx.now().toISOString()
  const q = filters.q?.trim()
  const where = and(
    teamCondition(ctx),
    statusCondition(filters.status),
    filters.overdue
      ? and(
          inArray(reports.status, [...OPEN_STATUSES]),
          sql`${reports.dueAt} IS NOT NULL AND ${reports.dueAt} < ${now}`,
        )
      : undefined,
    filters.dimension ? eq(reports.dimension, filters.dimension) : undefined,
    filters.officeId ? eq(reports.officeId, filters.officeId) : undefined,
    await categoryCondition(ctx, filters.category),
    q
      ? or(
          eq(reports.number, q.toUpperCase()),
          like(reports.description, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
          like(reports.desa, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
        )
      : undefined,
  )
  const [total] = await ctx.db.select({ n: count() }).from(reports).where(where)
  const rows = await ctx.db
    .select()
    .from(reports)
    .where(where)
    .orderBy(
      desc(
        sql`CASE WHEN ${reports.status} IN ('received','verified','forwarded','in_progress') AND ${reports.dueAt} < ${now} THEN 1 ELSE 0 END`,
      ),
      asc(sql`coalesce(${reports.dueAt}, '9999')`),
      desc(reports.receivedAt),
    )
    .limit(pageSize)
    .offset((page - 1) * pageSize)
  return { items: await staffViews(ctx, rows), total: total?.n ?? 0, page, pageSize }
}

/** A report as the team sees it (no contact); null when there is none or it is another team's. */
export async function getStaffReport(ctx: TenantContext, id: string): Promise<StaffReport | null> {
  try {
    const row = requireOnReport(ctx, 'reports.report:read', await rowById(ctx, id))
    return (await staffViews(ctx, [row]))[0] ?? null
  } catch (error) {
    if ((error as { problem?: { status?: number } }).problem?.status === 404) return null
    throw error
  }
}

/**
 * The reporter's contact and exact location, for a stated purpose: every reveal is an audit
 * entry (who, when, why, which fields), never with the values.
 */
export async function revealContact(ctx: TenantContext, id: string, purpose: string): Promise<ReporterContact> {
  const row = requireOnReport(ctx, 'reports.report:read_contact', await rowById(ctx, id))
  const why = purpose.trim()
  if (why.length < 3 || why.length > 500)
    throw problem('validation', 'Tuliskan untuk apa kontak ini dibuka.', {
      errors: [{ pointer: '/purpose', message: 'Tuliskan untuk apa kontak ini dibuka (3–500 huruf).' }],
    })
  const contact: ReporterContact = {
    name: row.reporterName,
    phone: row.reporterPhone,
    email: row.reporterEmail,
    exactPoint: row.exactLat !== null && row.exactLon !== null ? { lat: row.exactLat, lon: row.exactLon } : null,
    landmark: row.landmark,
  }
  await ctx.transaction(async (tx) => {
    await tx.audit({
      action: 'reveal_contact',
      entity: 'reports.report',
      entityId: row.id,
      after: { purpose: why, fields: Object.entries(contact).flatMap(([k, v]) => (v === null ? [] : [k])) },
    })
  })
  return contact
}
