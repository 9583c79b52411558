import type { TenantContext } from '@cerdas/core'
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import { reportsSettings } from './settings'
import { reports } from './tables'
import { addEvent } from './write'

/**
 * Closes resolved reports whose reporter neither confirmed nor reopened by the auto-close
 * deadline (10 working days). Idempotent: a closed report is not resolved any more.
 */
export async function autoCloseResolved(ctx: TenantContext): Promise<number> {
  const now = ctx.now().toISOString()
  const due = await ctx.db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.status, 'resolved'), sql`${reports.dueAt} IS NOT NULL`, lt(reports.dueAt, now)))
  for (const { id } of due) {
    await ctx.transaction(async (tx) => {
      await tx.db
        .update(reports)
        .set({ status: 'closed', closedAt: now, dueKind: null, dueAt: null, updatedAt: now })
        .where(and(eq(reports.id, id), eq(reports.status, 'resolved')))
      await addEvent(tx, id, now, {
        kind: 'status',
        statusFrom: 'resolved',
        statusTo: 'closed',
        public: true,
        anonymous: true,
      })
      await tx.audit({
        action: 'auto_close',
        entity: 'reports.report',
        entityId: id,
        before: { status: 'resolved' },
        after: { status: 'closed' },
      })
    })
  }
  return due.length
}

/**
 * UU PDP retention: closed and rejected reports older than `retentionDays` lose the reporter's
 * name, phone, email, exact point and landmark; the report itself stays public as it was.
 */
export async function anonymiseExpired(ctx: TenantContext): Promise<number> {
  const before = new Date(ctx.now().getTime() - reportsSettings(ctx).retentionDays * 86_400_000).toISOString()
  const now = ctx.now().toISOString()
  const expired = await ctx.db
    .select({ id: reports.id })
    .from(reports)
    .where(
      and(inArray(reports.status, ['closed', 'rejected']), isNull(reports.anonymisedAt), lt(reports.closedAt, before)),
    )
  if (expired.length === 0) return 0
  await ctx.transaction(async (tx) => {
    for (const { id } of expired) {
      await tx.db
        .update(reports)
        .set({
          reporterName: null,
          reporterPhone: null,
          reporterEmail: null,
          exactLat: null,
          exactLon: null,
          landmark: null,
          anonymisedAt: now,
          updatedAt: now,
        })
        .where(eq(reports.id, id))
      await tx.audit({
        action: 'anonymise',
        entity: 'reports.report',
        entityId: id,
        after: { reason: 'retention', fields: ['name', 'phone', 'email', 'point', 'landmark'] },
      })
    }
  })
  return expired.length
}
