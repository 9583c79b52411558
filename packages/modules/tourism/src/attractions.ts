import type { TenantContext } from '@cerdas/core'
import { listPlacesWithHours } from '@cerdas/places'
import type { SQL } from 'drizzle-orm'
import { type Attraction, attraction } from './attraction'
import type { AttractionListQuery } from './validation'

/** The public list, typed with the slug every attraction has. */
const listOf = (ctx: TenantContext, query: Record<string, unknown> & { limit: number }, where?: SQL[]) =>
  attraction.list(ctx, query as Parameters<typeof attraction.list>[1], where) as Promise<{
    items: Attraction[]
    nextCursor: string | null
  }>

/**
 * A page of attractions with their hours status at `at` (default now), through the entity's
 * filters (category, kecamatan case-blind, price level, facilities, free entry); with `openNow`,
 * only those open then.
 * @example await listAttractions(ctx, { limit: 20, kecamatan: 'Balige', openNow: true })
 */
export async function listAttractions(ctx: TenantContext, query: Partial<AttractionListQuery> & { limit: number }) {
  const { at, ...rest } = query
  const page = await listPlacesWithHours(
    ctx,
    listOf,
    { module: 'tourism', type: 'attraction' },
    { ...rest, at: at ? new Date(at) : undefined },
  )
  return {
    items: page.items.map(({ place, hours }) => ({ ...place, hours })),
    nextCursor: page.nextCursor,
    ...(page.withoutHours === undefined ? {} : { withoutHours: page.withoutHours }),
  }
}
