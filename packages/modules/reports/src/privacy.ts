import type { TenantContext } from '@cerdas/core'
import type { SendMail } from './types'

export type DataPurpose = 'export' | 'erase'

export async function requestDataCode(ctx: TenantContext, trackingCode: string, purpose: DataPurpose, send: SendMail): Promise<{ sentTo: string | null }> {
  void ctx, trackingCode, purpose, send
  throw new Error('pending')
}

export async function exportReporterData(ctx: TenantContext, trackingCode: string, code: string): Promise<Record<string, unknown>> {
  void ctx, trackingCode, code
  throw new Error('pending')
}

export async function eraseReporterData(ctx: TenantContext, trackingCode: string, code: string | null): Promise<{ erased: true; number: string }> {
  void ctx, trackingCode, code
  throw new Error('pending')
}
