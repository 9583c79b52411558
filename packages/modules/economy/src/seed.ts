import type { TenantContext } from '@cerdas/core'
import { z } from 'zod'
import { business } from './business'
import { eatery } from './eatery'
import { lodging } from './lodging'

/**
 * Template data of the module: culinary places, lodgings and businesses, each list shaped as its
 * entity's seed (a stable `key`, a `verification` stamp only where checked against a public source).
 */
export const seedData = z.strictObject({
  eateries: eatery.seed.data.default([]),
  lodgings: lodging.seed.data.default([]),
  businesses: business.seed.data.default([]),
})

export type EconomySeed = z.input<typeof seedData>

/** Creates the template's places not seeded yet; seeding twice writes nothing. */
export async function seedEconomy(ctx: TenantContext, { data }: { data: z.output<typeof seedData> }) {
  await eatery.seed.run(ctx, { data: data.eateries })
  await lodging.seed.run(ctx, { data: data.lodgings })
  await business.seed.run(ctx, { data: data.businesses })
}
