import type { TenantContext } from '@cerdas/core'
import type { ReportStatus } from './statuses'
import type { StaffReport } from './types'

export interface StatusChange {
  status: ReportStatus
  reason?: string | undefined
  /** A public reply written with the change. */
  reply?: string | undefined
  /** Whether the photos may be shown publicly (decided when verifying). */
  photosPublic?: boolean | undefined
}

export async function changeReportStatus(ctx: TenantContext, id: string, change: StatusChange): Promise<StaffReport> {
  void ctx, id, change
  throw new Error('pending')
}

export async function assignReport(ctx: TenantContext, id: string, to: { officeId: string; unitId?: string | null | undefined }): Promise<StaffReport> {
  void ctx, id, to
  throw new Error('pending')
}

export async function addReportReply(ctx: TenantContext, id: string, reply: { body: string; public: boolean }): Promise<StaffReport> {
  void ctx, id, reply
  throw new Error('pending')
}

export async function hideReportText(ctx: TenantContext, id: string, reason: string): Promise<StaffReport> {
  void ctx, id, reason
  throw new Error('pending')
}

export async function mergeReport(ctx: TenantContext, id: string, intoNumber: string): Promise<StaffReport> {
  void ctx, id, intoNumber
  throw new Error('pending')
}
