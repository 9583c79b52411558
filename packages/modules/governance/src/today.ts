import type { TenantContext } from '@cerdas/core'
import { localDateOf } from '@cerdas/schedules'

/** The tenant's calendar date now (`YYYY-MM-DD` in its zone): terms start and end on local dates. */
export function todayOf(ctx: TenantContext, at: Date = ctx.now()): string {
  return localDateOf(at, ctx.tenant.timezone)
}

/** Whether a term (`startsOn`..`endsOn`, end exclusive, either open) holds on a date. */
export function termHolds(term: { startsOn: string | null; endsOn: string | null }, date: string): boolean {
  return (term.startsOn === null || term.startsOn <= date) && (term.endsOn === null || term.endsOn > date)
}
