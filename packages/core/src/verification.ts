import type { TenantContext } from './tenant'

/** Columns every verified record carries. */
export interface VerifiedRow {
  verifiedAt: string | null
  verifiedBy: string | null
}

/** The stamp as records carry it in the API: who checked it, when, against what. */
export function verificationOf(row: VerifiedRow & { verificationSource: string | null }) {
  return {
    verified: row.verifiedAt !== null,
    verifiedAt: row.verifiedAt ?? null,
    verifiedBy: row.verifiedBy ?? null,
    source: row.verificationSource ?? null,
  }
}

/**
 * The columns that stamp a record as checked now by the acting person; the
 * previous source stays unless a new one is given.
 * @example const next = { ...before, ...verificationStamp(ctx, input.source, before.verificationSource) }
 */
export function verificationStamp(ctx: TenantContext, source: string | undefined, previous: string | null) {
  const now = ctx.now().toISOString()
  return {
    verifiedAt: now,
    verifiedBy: ctx.actor?.name ?? ctx.actor?.id ?? 'unknown',
    verificationSource: source ?? previous,
    updatedAt: now,
  }
}

/** Bookkeeping columns a verifier does not vouch for. */
const NOT_VOUCHED = new Set([
  'id',
  'seedKey',
  'createdAt',
  'updatedAt',
  'verifiedAt',
  'verifiedBy',
  'verificationSource',
])

/**
 * The next row of an update, its verification stamp cleared when a field the
 * verifier vouched for changed: what they checked is no longer what is shown.
 * By default every column but bookkeeping is vouched for; `vouched` narrows it.
 * The source stays, as a hint for the next verifier.
 * @example await ctx.db.update(items).set(clearStaleVerification(before, next)).where(eq(items.id, id))
 */
export function clearStaleVerification<R extends VerifiedRow>(
  before: R,
  next: R,
  vouched?: readonly (keyof R & string)[],
): R {
  if (next.verifiedAt === null) return next
  const fields = vouched ?? (Object.keys(next) as (keyof R & string)[]).filter((key) => !NOT_VOUCHED.has(key))
  const changed = fields.some((key) => !sameValue(before[key], next[key]))
  return changed ? { ...next, verifiedAt: null, verifiedBy: null } : next
}

/** Column values: strings, numbers, booleans, null, or JSON text; dates compare by instant. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined) return (a ?? null) === (b ?? null)
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime()
  return JSON.stringify(a) === JSON.stringify(b)
}
