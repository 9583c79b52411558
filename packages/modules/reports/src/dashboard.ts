import type { AdminDashboardSection, TenantContext } from '@cerdas/core'

/** Overdue reports per team, each linking to its queue. */
export async function reportsDashboard(ctx: TenantContext): Promise<AdminDashboardSection | null> {
  void ctx
  throw new Error('pending')
}
