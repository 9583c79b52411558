import type { TenantContext } from '@cerdas/core'
import type { PublicReport } from './types'

export interface DuplicateQuery {
  category: string
  point?: { lat: number; lon: number } | null | undefined
  kecamatan?: string | undefined
  desa?: string | undefined
}

/** Open reports of the same category nearby (or in the same desa without a point). */
export async function findDuplicates(ctx: TenantContext, query: DuplicateQuery): Promise<PublicReport[]> {
  void ctx, query
  throw new Error('pending')
}
