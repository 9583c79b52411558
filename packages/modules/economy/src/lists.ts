import type { TenantContext } from '@cerdas/core'
import type { ScheduleStatusView } from '@cerdas/module-schedules'
import { listPlacesWithHours, type PlacePage } from '@cerdas/places'
import { z } from '@hono/zod-openapi'
import { eq, inArray, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { type Business, business } from './business'
import { type Eatery, eatery } from './eatery'
import { HALAL_FILTER_STATUSES, HALAL_STATUSES } from './labels'
import { type Lodging, lodging } from './lodging'
import { MODULE_ID } from './place-parts'

/** Filters every place list takes besides its entity's own: open at an instant. */
const hoursQuery = {
  openNow: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .openapi({ description: 'Only places open at `at` (first 500 matches looked at; no further pages)' }),
  at: z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ description: 'Instant of the hours status and of openNow; default now' }),
}

export const eateryListQuerySchema = eatery.schemas.listQuery.extend({
  ...hoursQuery,
  halal: z
    .enum([...HALAL_STATUSES, 'true'])
    .optional()
    .openapi({ description: '`true`: halal certified or Muslim-owned ("Rumah Makan Muslim"); else one stated status' }),
})
export const lodgingListQuerySchema = lodging.schemas.listQuery.extend({
  ...hoursQuery,
  starClass: z.coerce.number().int().min(1).max(5).optional().openapi({ description: 'Hotels of this star class' }),
})
export const businessListQuerySchema = business.schemas.listQuery.extend(hoursQuery)

export type EateryListQuery = z.output<typeof eateryListQuerySchema>
export type LodgingListQuery = z.output<typeof lodgingListQuerySchema>
export type BusinessListQuery = z.output<typeof businessListQuerySchema>

/** A page of places, each with its hours status at the instant asked (null without hours). */
export interface PlaceListPage<R> {
  items: (R & { hours: ScheduleStatusView | null })[]
  nextCursor: string | null
  /** With openNow: matching places that have no hours, so a page can say it could not tell. */
  withoutHours?: number
}

const flatten = <R>(page: PlacePage<R & { id: string; slug: string }>): PlaceListPage<R> => ({
  items: page.items.map(({ place, hours }) => ({ ...place, hours })),
  nextCursor: page.nextCursor,
  ...(page.withoutHours !== undefined ? { withoutHours: page.withoutHours } : {}),
})

const column = (table: unknown, key: string) => (table as Record<string, SQLiteColumn>)[key] as SQLiteColumn

/** Culinary places by name, filtered by type, kecamatan, price level, facilities, halal, pork and open now. */
export async function listEateries(ctx: TenantContext, query: EateryListQuery): Promise<PlaceListPage<Eatery>> {
  const { at, halal, ...rest } = query
  const where: SQL[] = []
  // "Halal" as a visitor means it: a certificate or a Muslim-run kitchen.
  if (halal === 'true') where.push(inArray(column(eatery.table, 'halal'), [...HALAL_FILTER_STATUSES]))
  const filters = { ...rest, ...(halal && halal !== 'true' ? { halal } : {}) }
  const page = await listPlacesWithHours(
    ctx,
    eatery.list as never,
    { module: MODULE_ID, type: 'eatery' },
    { ...filters, at: at ? new Date(at) : undefined },
    where,
  )
  return flatten(page as PlacePage<Eatery>)
}

/** Lodgings by name, filtered by type, kecamatan, price level, facilities, star class and open now. */
export async function listLodgings(ctx: TenantContext, query: LodgingListQuery): Promise<PlaceListPage<Lodging>> {
  const { at, starClass, ...rest } = query
  const where = starClass ? [eq(column(lodging.table, 'starClass'), starClass)] : []
  const page = await listPlacesWithHours(
    ctx,
    lodging.list as never,
    { module: MODULE_ID, type: 'lodging' },
    { ...rest, at: at ? new Date(at) : undefined },
    where,
  )
  return flatten(page as PlacePage<Lodging>)
}

/** Businesses (UMKM) by name, filtered by sector, kecamatan, price level, facilities and open now. */
export async function listBusinesses(ctx: TenantContext, query: BusinessListQuery): Promise<PlaceListPage<Business>> {
  const { at, ...rest } = query
  const page = await listPlacesWithHours(
    ctx,
    business.list as never,
    { module: MODULE_ID, type: 'business' },
    { ...rest, at: at ? new Date(at) : undefined },
  )
  return flatten(page as PlacePage<Business>)
}
