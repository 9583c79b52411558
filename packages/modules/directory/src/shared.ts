import { problem, type TenantContext } from '@cerdas/core'

export type Verification = { at: string; by: string; source: string | null }
export interface WriteOptions {
  seedKey?: string
  verification?: Verification
}

export const text = (id: string, en: string | null | undefined) => ({ id, ...(en ? { en } : {}) })
export const textOrNull = (id: string | null | undefined, en: string | null | undefined) => (id ? text(id, en) : null)

export function verificationOf(row: {
  verifiedAt: string | null
  verifiedBy: string | null
  verificationSource: string | null
}) {
  return {
    verified: row.verifiedAt !== null,
    verifiedAt: row.verifiedAt ?? null,
    verifiedBy: row.verifiedBy ?? null,
    source: row.verificationSource ?? null,
  }
}

/** A 422 on one field, shaped like the API's validation problems. */
export function invalid(pointer: string, message: string) {
  return problem('validation', `${pointer}: ${message}`, { errors: [{ pointer, message }] })
}

export function verificationStamp(ctx: TenantContext, source: string | undefined, previous: string | null) {
  const now = ctx.now().toISOString()
  return {
    verifiedAt: now,
    verifiedBy: ctx.actor?.name ?? ctx.actor?.id ?? 'unknown',
    verificationSource: source ?? previous,
    updatedAt: now,
  }
}
