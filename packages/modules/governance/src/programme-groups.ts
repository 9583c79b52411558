import { DIMENSIONS, type Dimension, type TenantContext } from '@cerdas/core'
import { everyRecord } from './every-record'
import { type Programme, programme } from './programme'

export interface DimensionProgrammes {
  dimension: Dimension
  programmes: Programme[]
}

/**
 * Every programme and quick win with its status and progress, grouped by the six dimensions in
 * their usual order; a dimension without programmes is left out.
 */
export async function programmesByDimension(ctx: TenantContext): Promise<DimensionProgrammes[]> {
  const all = await everyRecord(
    async (cursor) =>
      (await programme.list(ctx, { limit: 100, cursor })) as { items: Programme[]; nextCursor: string | null },
  )
  return DIMENSIONS.map((dimension) => ({
    dimension,
    programmes: all.filter((p) => p.dimension === dimension.id),
  })).filter((group) => group.programmes.length > 0)
}
