import type { TenantContext } from '@cerdas/core'
import { hoursStatusForOwners, type ScheduleStatusView } from '@cerdas/module-schedules'
import type { SQL } from 'drizzle-orm'

/** Places looked at to answer "open now": a regency has tens to a few hundred of each kind. */
const OPEN_NOW_SCAN = 500

interface PlaceLike {
  id: string
  /** The schedules owner key; places without a slug are owned by their id. */
  slug?: string | undefined
}

const ownerKey = (p: PlaceLike) => p.slug ?? p.id

/** A public list of an entity, as `defineEntity` gives it. */
type ListOf<R> = (
  ctx: TenantContext,
  query: Record<string, unknown> & { limit: number },
  where?: SQL[],
) => Promise<{ items: R[]; nextCursor: string | null }>

export interface PlacePage<R> {
  items: { place: R; hours: ScheduleStatusView | null }[]
  nextCursor: string | null
  /** With `openNow`: how many matching places have no hours, so the page can say it could not tell. */
  withoutHours?: number
}

/**
 * One page of places with their hours status at `at` (default now), through the entity's own
 * filters; with `openNow`, only those open at that instant (first 500 matches looked at, no cursor).
 * The status answers end the read cache's copy at their next change (the schedules module tells
 * `ctx.changesAt`).
 * @example await listPlacesWithHours(ctx, attraction.list, { module: 'tourism', type: 'attraction' }, { limit: 20, kecamatan: 'Balige', openNow: true })
 */
export async function listPlacesWithHours<R extends PlaceLike>(
  ctx: TenantContext,
  list: ListOf<R>,
  owner: { module: string; type: string },
  query: Record<string, unknown> & { limit: number; openNow?: boolean | undefined; at?: Date | undefined },
  where: SQL[] = [],
): Promise<PlacePage<R>> {
  const { openNow, at, ...rest } = query
  if (!openNow) {
    const page = await list(ctx, rest, where)
    const hours = await hoursStatusForOwners(ctx, owner.module, owner.type, page.items.map(ownerKey), at)
    return {
      items: page.items.map((place) => ({ place, hours: hours.get(ownerKey(place))?.status ?? null })),
      nextCursor: page.nextCursor,
    }
  }
  const { cursor: _ignored, ...filters } = rest
  const all = await list(ctx, { ...filters, limit: OPEN_NOW_SCAN }, where)
  const hours = await hoursStatusForOwners(ctx, owner.module, owner.type, all.items.map(ownerKey), at)
  const open = all.items.filter((p) => hours.get(ownerKey(p))?.status.open === true)
  return {
    items: open.slice(0, query.limit).map((place) => ({ place, hours: hours.get(ownerKey(place))?.status ?? null })),
    nextCursor: null,
    withoutHours: all.items.filter((p) => !hours.has(ownerKey(p))).length,
  }
}
