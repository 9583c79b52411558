import type { TenantContext } from '@cerdas/core'
import type { PublicReport, PublicReportFilters, ReportPage } from './types'

export async function getPublicReport(ctx: TenantContext, number: string): Promise<PublicReport | null> {
  void ctx, number
  throw new Error('pending')
}

export async function listPublicReports(ctx: TenantContext, filters: PublicReportFilters = {}): Promise<ReportPage<PublicReport>> {
  void ctx, filters
  throw new Error('pending')
}
