import type { TenantContext } from '@cerdas/core'
import { z } from 'zod'
import { attraction } from './attraction'
import { event } from './event'

/** Tourism as a template lists it: attractions first (events may name them as their venue). */
export const seedData = z.strictObject({
  attractions: attraction.seed.data.default([]),
  events: event.seed.data.default([]),
})
export type TourismSeed = z.output<typeof seedData>

/** Idempotent: records are keyed by their seed key, so a second run adds nothing. */
export async function seedTourism(ctx: TenantContext, { data }: { data: TourismSeed }): Promise<void> {
  await attraction.seed.run(ctx, { data: data.attractions })
  await event.seed.run(ctx, { data: data.events })
}
