import type { DimensionId, TenantContext } from '@cerdas/core'
import type { StaffReport } from './types'

export interface OverdueGroup {
  dimension: DimensionId
  count: number
  items: StaffReport[]
}

export async function overdueReports(ctx: TenantContext): Promise<OverdueGroup[]> {
  void ctx
  throw new Error('pending')
}
