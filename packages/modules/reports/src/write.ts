import { newId, type TenantContext } from '@cerdas/core'
import { eq } from 'drizzle-orm'
import type { ReportEventKind, ReportStatus } from './statuses'
import { type ReportEventRow, type ReportRow, reportEvents, reports } from './tables'

export interface EventInput {
  kind: ReportEventKind
  statusFrom?: ReportStatus | null | undefined
  statusTo?: ReportStatus | null | undefined
  body?: string | null | undefined
  public: boolean
  /** The reporter or the system acts without a name. */
  anonymous?: boolean | undefined
}

/**
 * One write of a report: its new values, a timeline event and the audit entry, in one
 * transaction (the data version rises with it, so no cached page shows the old state).
 * The audit entry names what changed, never a contact value.
 */
export async function writeReport(
  ctx: TenantContext,
  row: ReportRow,
  changes: Partial<ReportRow>,
  event: EventInput | null,
  audit: { action: string; before?: unknown; after?: unknown },
): Promise<void> {
  await ctx.transaction(async (tx) => {
    const at = tx.now().toISOString()
    await tx.db
      .update(reports)
      .set({ ...changes, updatedAt: at })
      .where(eq(reports.id, row.id))
    if (event) await addEvent(tx, row.id, at, event)
    await tx.audit({
      action: audit.action,
      entity: 'reports.report',
      entityId: row.id,
      before: audit.before,
      after: audit.after,
    })
  })
}

/** Adds a timeline event; answers the row as stored. */
export async function addEvent(
  tx: TenantContext,
  reportId: string,
  at: string,
  event: EventInput,
): Promise<ReportEventRow> {
  const actor = event.anonymous ? null : tx.actor
  const row: ReportEventRow = {
    id: newId('rev'),
    reportId,
    at,
    kind: event.kind,
    statusFrom: event.statusFrom ?? null,
    statusTo: event.statusTo ?? null,
    body: event.body ?? null,
    public: event.public,
    actorId: actor && actor.kind !== 'system' ? actor.id : null,
    actorName: actor ? (actor.name ?? actor.id) : null,
  }
  await tx.db.insert(reportEvents).values(row)
  return row
}
