import type { TenantContext } from '@cerdas/core'
import { z } from 'zod'
import { agenda } from './agenda'
import { kpi } from './kpi'
import { member } from './member'
import { programme } from './programme'
import { regulation } from './regulation'

/**
 * Governance as a template lists it: regulations, then council and team seats. Dimension team
 * members are tenant accounts, so templates hold none.
 */
export const seedData = z.strictObject({
  regulations: regulation.seed.data.default([]),
  members: member.seed.data.default([]),
  programmes: programme.seed.data.default([]),
  kpis: kpi.seed.data.default([]),
  agenda: agenda.seed.data.default([]),
})
export type GovernanceSeed = z.output<typeof seedData>

/** Idempotent: records are keyed by their seed key, so a second run adds nothing. */
export async function seedGovernance(ctx: TenantContext, { data }: { data: GovernanceSeed }): Promise<void> {
  await regulation.seed.run(ctx, { data: data.regulations })
  await member.seed.run(ctx, { data: data.members })
  await programme.seed.run(ctx, { data: data.programmes })
  await kpi.seed.run(ctx, { data: data.kpis })
  await agenda.seed.run(ctx, { data: data.agenda })
}
