import { problem, type TenantContext } from '@cerdas/core'
import { eq } from 'drizzle-orm'
import { trackingHash } from './codes'
import { deadlineFor } from './deadlines'
import { REPORT_MESSAGES as M } from './messages'
import { type ReportRow, reports } from './tables'
import type { TrackedReport } from './types'
import { publicViews } from './views'
import { writeReport } from './write'

/** The report a tracking code opens, or null (a code typed wrong and a forged one alike). */
export async function rowByTrackingCode(ctx: TenantContext, trackingCode: string): Promise<ReportRow | null> {
  const hash = trackingHash(trackingCode)
  if (!hash) return null
  return (await ctx.db.select().from(reports).where(eq(reports.trackingHash, hash)))[0] ?? null
}

async function tracked(ctx: TenantContext, row: ReportRow): Promise<TrackedReport> {
  const [view] = await publicViews(ctx, [row])
  return {
    ...(view as TrackedReport),
    canConfirm: row.status === 'resolved',
    canReopen: row.status === 'resolved' || (row.status === 'closed' && !row.confirmedAt && !row.anonymisedAt),
    hasEmail: Boolean(row.reporterEmail),
  }
}

/** The report as its reporter sees it: the public view and what they may do now. */
export async function getTrackedReport(ctx: TenantContext, trackingCode: string): Promise<TrackedReport | null> {
  const row = await rowByTrackingCode(ctx, trackingCode)
  return row ? tracked(ctx, row) : null
}

async function requireTracked(ctx: TenantContext, trackingCode: string): Promise<ReportRow> {
  const row = await rowByTrackingCode(ctx, trackingCode)
  if (!row) throw problem('notFound', M.trackingUnknown.id)
  return row
}

/** The reporter says the problem is solved: a resolved report closes now. */
export async function confirmReport(ctx: TenantContext, trackingCode: string): Promise<TrackedReport> {
  const row = await requireTracked(ctx, trackingCode)
  if (row.status !== 'resolved') throw problem('conflict', M.cannotConfirm.id)
  const at = ctx.now().toISOString()
  await writeReport(
    ctx,
    row,
    { status: 'closed', closedAt: at, confirmedAt: at, dueKind: null, dueAt: null },
    { kind: 'confirm', statusFrom: 'resolved', statusTo: 'closed', public: true, anonymous: true },
    { action: 'confirm', before: { status: row.status }, after: { status: 'closed' } },
  )
  return tracked(ctx, (await rowByTrackingCode(ctx, trackingCode)) as ReportRow)
}

/**
 * The reporter says it is not solved: a resolved report (or one closed without their
 * confirmation) goes back to in progress with a new deadline to resolve.
 */
export async function reopenReport(ctx: TenantContext, trackingCode: string, reason: string): Promise<TrackedReport> {
  const row = await requireTracked(ctx, trackingCode)
  const text = reason.trim()
  if (text.length < 3 || text.length > 2000)
    throw problem('validation', M.reopenReason.id, { errors: [{ pointer: '/reason', message: M.reopenReason.id }] })
  const canReopen = row.status === 'resolved' || (row.status === 'closed' && !row.confirmedAt && !row.anonymisedAt)
  if (!canReopen) throw problem('conflict', M.cannotReopen.id)
  const due = await deadlineFor(ctx, 'in_progress', ctx.now(), { dueKind: null, dueAt: null })
  await writeReport(
    ctx,
    row,
    { status: 'in_progress', resolvedAt: null, closedAt: null, reopenedCount: row.reopenedCount + 1, ...due },
    {
      kind: 'reopen',
      statusFrom: row.status as 'resolved',
      statusTo: 'in_progress',
      body: text,
      public: true,
      anonymous: true,
    },
    { action: 'reopen', before: { status: row.status }, after: { status: 'in_progress' } },
  )
  return tracked(ctx, (await rowByTrackingCode(ctx, trackingCode)) as ReportRow)
}
