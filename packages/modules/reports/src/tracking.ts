import type { TenantContext } from '@cerdas/core'
import type { TrackedReport } from './types'

export async function getTrackedReport(ctx: TenantContext, trackingCode: string): Promise<TrackedReport | null> {
  void ctx, trackingCode
  throw new Error('pending')
}

export async function confirmReport(ctx: TenantContext, trackingCode: string): Promise<TrackedReport> {
  void ctx, trackingCode
  throw new Error('pending')
}

export async function reopenReport(ctx: TenantContext, trackingCode: string, reason: string): Promise<TrackedReport> {
  void ctx, trackingCode, reason
  throw new Error('pending')
}
