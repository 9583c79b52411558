import { problem } from '@cerdas/core'

export type Verification = { at: string; by: string; source: string | null }
export interface WriteOptions {
  seedKey?: string
  verification?: Verification
}

export const text = (id: string, en: string | null | undefined) => ({ id, ...(en ? { en } : {}) })
export const textOrNull = (id: string | null | undefined, en: string | null | undefined) => (id ? text(id, en) : null)

/** A 422 on one field, shaped like the API's validation problems. */
export function invalid(pointer: string, message: string) {
  return problem('validation', `${pointer}: ${message}`, { errors: [{ pointer, message }] })
}
