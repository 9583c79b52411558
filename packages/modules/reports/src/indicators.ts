import { type ModuleIndicator, percentage, type TenantContext } from '@cerdas/core'
import { and, asc, eq, gte, inArray, isNotNull, lt } from 'drizzle-orm'
import { dueAtFor, dueKindOf } from './deadlines'
import type { ReportStatus } from './statuses'
import { reportEvents } from './tables'

/**
 * The share of reports resolved in the period whose first resolution in it came by the deadline
 * then running: the follow-up deadline from forwarding, or the resolve deadline from when work
 * began (or the report was reopened). The deadline is worked out again from the timeline with the
 * tenant's current settings and holidays, as the report row keeps only the deadline running now.
 */
async function resolvedOnTimeShare(ctx: TenantContext, from: string, to: string): Promise<number | null> {
  const resolutions = await ctx.db
    .select({ reportId: reportEvents.reportId, at: reportEvents.at, statusFrom: reportEvents.statusFrom })
    .from(reportEvents)
    .where(
      and(
        eq(reportEvents.kind, 'status'),
        eq(reportEvents.statusTo, 'resolved'),
        gte(reportEvents.at, from),
        lt(reportEvents.at, to),
      ),
    )
    .orderBy(asc(reportEvents.at), asc(reportEvents.id))
  const first = new Map<string, (typeof resolutions)[number]>()
  for (const r of resolutions) if (!first.has(r.reportId)) first.set(r.reportId, r)
  if (first.size === 0) return null
  const ids = [...first.keys()]
  const moves: { reportId: string; at: string; statusTo: string | null }[] = []
  // SQLite allows 32766 parameters; a period holds a few thousand reports at most.
  for (let i = 0; i < ids.length; i += 500) {
    moves.push(
      ...(await ctx.db
        .select({ reportId: reportEvents.reportId, at: reportEvents.at, statusTo: reportEvents.statusTo })
        .from(reportEvents)
        .where(and(inArray(reportEvents.reportId, ids.slice(i, i + 500)), isNotNull(reportEvents.statusTo)))
        .orderBy(asc(reportEvents.at), asc(reportEvents.id))),
    )
  }
  let onTime = 0
  for (const resolution of first.values()) {
    const kind = dueKindOf(resolution.statusFrom as ReportStatus)
    // The last move into the state it was resolved from started the clock.
    const started = moves
      .filter(
        (m) => m.reportId === resolution.reportId && m.statusTo === resolution.statusFrom && m.at <= resolution.at,
      )
      .at(-1)
    if (!kind || !started) continue
    if (resolution.at <= (await dueAtFor(ctx, kind, new Date(started.at)))) onTime++
  }
  return percentage(onTime, first.size)
}

/** What the reports module measures for the smart-city KPIs. */
export const reportsIndicators: ModuleIndicator[] = [
  {
    id: 'resolved-on-time',
    title: { id: 'Laporan selesai tepat waktu', en: 'Reports resolved on time' },
    unit: '%',
    description: {
      id: 'Persentase laporan warga yang diselesaikan dalam periode sebelum batas waktu penanganannya.',
      en: 'Share of citizen reports resolved in the period before their handling deadline.',
    },
    compute: (ctx, { from, to }) => resolvedOnTimeShare(ctx, from, to),
  },
]
