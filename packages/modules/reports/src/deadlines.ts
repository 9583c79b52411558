import type { TenantContext } from '@cerdas/core'
import { tenantAddWorkingDays } from '@cerdas/module-schedules'
import { DAY_MS, dayNumber, localDateOf, localMsToUtc } from '@cerdas/schedules'
import { reportsSettings } from './settings'
import type { DueKind, ReportStatus } from './statuses'

/** Which deadline a status runs against; none for closed and rejected. */
export function dueKindOf(status: ReportStatus): DueKind | null {
  switch (status) {
    case 'received':
      return 'verify'
    case 'verified':
      // Verified but not yet forwarded: still within the 3 days to verify and forward.
      return 'verify'
    case 'forwarded':
      return 'follow_up'
    case 'in_progress':
      return 'resolve'
    case 'resolved':
      return 'auto_close'
    default:
      return null
  }
}

/**
 * The instant a deadline of `kind` started at `from` falls due: that many working days later on
 * the tenant's holiday calendar, at the end of that local day in the tenant's zone (UTC ISO).
 */
export async function dueAtFor(ctx: TenantContext, kind: DueKind, from: Date): Promise<string> {
  const s = reportsSettings(ctx)
  const days = { verify: s.verifyDays, follow_up: s.followUpDays, resolve: s.resolveDays, auto_close: s.autoCloseDays }[
    kind
  ]
  const zone = ctx.tenant.timezone
  const due = await tenantAddWorkingDays(ctx, localDateOf(from, zone), days)
  const endOfDay = localMsToUtc(zone, (dayNumber(due) + 1) * DAY_MS) - 1000
  return new Date(endOfDay).toISOString()
}

/** The deadline a report moving to `status` at `at` runs against (kind and instant), or none. */
export async function deadlineFor(
  ctx: TenantContext,
  status: ReportStatus,
  at: Date,
  current: { dueKind: string | null; dueAt: string | null },
): Promise<{ dueKind: DueKind | null; dueAt: string | null }> {
  const kind = dueKindOf(status)
  if (!kind) return { dueKind: null, dueAt: null }
  // Verifying keeps the clock of receipt: the 3 days cover verifying and forwarding.
  if (kind === current.dueKind && current.dueAt) return { dueKind: kind, dueAt: current.dueAt }
  return { dueKind: kind, dueAt: await dueAtFor(ctx, kind, at) }
}
