import type { TenantContext } from '@cerdas/core'
import { z } from 'zod'
import { category } from './category'

/** Reports as a template lists them: the categories residents choose from, each routed to an office. */
export const seedData = z.strictObject({
  categories: category.seed.data.default([]),
})
export type ReportsSeed = z.output<typeof seedData>

/** Idempotent: categories are keyed by their seed key, so a second run adds nothing. Needs the directory seeded first. */
export async function seedReports(ctx: TenantContext, { data }: { data: ReportsSeed }): Promise<void> {
  await category.seed.run(ctx, { data: data.categories })
}
