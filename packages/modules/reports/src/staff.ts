import type { TenantContext } from '@cerdas/core'
import type { QueueFilters, ReportPage, ReporterContact, StaffReport } from './types'

export async function listReportQueue(ctx: TenantContext, filters: QueueFilters = {}): Promise<ReportPage<StaffReport>> {
  void ctx, filters
  throw new Error('pending')
}

export async function getStaffReport(ctx: TenantContext, id: string): Promise<StaffReport | null> {
  void ctx, id
  throw new Error('pending')
}

export async function revealContact(ctx: TenantContext, id: string, purpose: string): Promise<ReporterContact> {
  void ctx, id, purpose
  throw new Error('pending')
}
