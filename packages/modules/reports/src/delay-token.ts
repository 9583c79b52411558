import type { TenantContext } from '@cerdas/core'

/** A token the form carries: HMAC of its issue time under the tenant's secret (ADR 0112). */
export async function issueDelayToken(ctx: TenantContext): Promise<string> {
  void ctx
  throw new Error('pending')
}
