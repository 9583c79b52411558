import type { TenantContext } from '@cerdas/core'
import type { ScheduleStatusView } from '@cerdas/module-schedules'
import { listPlacesWithHours, type PlacePage } from '@cerdas/places'
import { z } from '@hono/zod-openapi'
import { type SQL, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { type DropPoint, dropPoint } from './droppoint'

export const dropPointListQuerySchema = dropPoint.schemas.listQuery.extend({
  desa: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'Only drop points in this desa/kelurahan (any case)' }),
  openNow: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .openapi({ description: 'Only places open at `at` (first 500 matches looked at; no further pages)' }),
  at: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Instant of the hours status; default now' }),
})
export type DropPointListQuery = z.output<typeof dropPointListQuerySchema>

export interface DropPointPage {
  items: (DropPoint & { hours: ScheduleStatusView | null })[]
  nextCursor: string | null
  withoutHours?: number
}

/**
 * Drop points by name, filtered by kind, kecamatan, desa, what they accept and open now, each with
 * its hours status (owner `waste/droppoint/<slug>`).
 * @example await listDropPoints(ctx, { limit: 20, kecamatan: 'Balige', kind: 'bank_sampah' })
 */
export async function listDropPoints(ctx: TenantContext, query: DropPointListQuery): Promise<DropPointPage> {
  const { at, desa, ...rest } = query
  const where: SQL[] = []
  const column = (dropPoint.table as unknown as Record<string, SQLiteColumn>).desa as SQLiteColumn
  if (desa) where.push(sql`lower(${column}) = lower(${desa})`)
  const page = (await listPlacesWithHours(
    ctx,
    dropPoint.list as never,
    { module: 'waste', type: 'droppoint' },
    { ...rest, at: at ? new Date(at) : undefined },
    where,
  )) as PlacePage<DropPoint>
  return {
    items: page.items.map(({ place, hours }) => ({ ...place, hours })),
    nextCursor: page.nextCursor,
    ...(page.withoutHours !== undefined ? { withoutHours: page.withoutHours } : {}),
  }
}
