import { DIMENSIONS, type Dimension, type TenantContext } from '@cerdas/core'
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
  const all: Programme[] = []
  let cursor: string | undefined
  do {
    const page = await programme.list(ctx, { limit: 100, cursor })
    all.push(...(page.items as Programme[]))
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return DIMENSIONS.map((dimension) => ({
    dimension,
    programmes: all.filter((p) => p.dimension === dimension.id),
  })).filter((group) => group.programmes.length > 0)
}
