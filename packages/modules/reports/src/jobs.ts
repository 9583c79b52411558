import type { TenantContext } from '@cerdas/core'

export async function autoCloseResolved(ctx: TenantContext): Promise<number> {
  void ctx
  throw new Error('pending')
}

export async function anonymiseExpired(ctx: TenantContext): Promise<number> {
  void ctx
  throw new Error('pending')
}
