import type { TenantContext } from '@cerdas/core'
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm'
import { category, categoryColumns } from './category'
import { reportsSettings } from './settings'
import { OPEN_STATUSES } from './statuses'
import { reports } from './tables'
import type { PublicReport } from './types'
import { publicViews } from './views'

export interface DuplicateQuery {
  /** Category id or slug. */
  category: string
  point?: { lat: number; lon: number } | null | undefined
  kecamatan?: string | undefined
  desa?: string | undefined
  /** At most this many (default 10). */
  limit?: number | undefined
}

const EARTH_M = 6_371_000

function metersBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_M * Math.asin(Math.sqrt(h))
}

/**
 * Open reports of the same category within `duplicateRadiusMeters` of the point (by the exact
 * point, which is never answered), or in the same desa when there is no point: "already
 * reported — follow it instead". Nearest first, at most 10.
 */
export async function findDuplicates(ctx: TenantContext, query: DuplicateQuery): Promise<PublicReport[]> {
  const [cat] = await ctx.db
    .select({ id: categoryColumns.id })
    .from(category.table)
    .where(or(eq(categoryColumns.id, query.category), eq(categoryColumns.slug, query.category.toLowerCase())))
  if (!cat) return []
  const limit = Math.min(10, Math.max(1, query.limit ?? 10))
  const open = and(eq(reports.categoryId, cat.id as string), inArray(reports.status, [...OPEN_STATUSES]))
  const point = query.point
  if (point) {
    const radius = reportsSettings(ctx).duplicateRadiusMeters
    // A box a little larger than the circle narrows the rows; the distance decides.
    const dLat = (radius / EARTH_M) * (180 / Math.PI) * 1.1
    const dLon = dLat / Math.max(0.1, Math.cos((point.lat * Math.PI) / 180))
    const rows = await ctx.db
      .select()
      .from(reports)
      .where(
        and(
          open,
          sql`${reports.exactLat} BETWEEN ${point.lat - dLat} AND ${point.lat + dLat}`,
          sql`${reports.exactLon} BETWEEN ${point.lon - dLon} AND ${point.lon + dLon}`,
        ),
      )
    const near = rows
      .map((r) => ({ r, d: metersBetween(point, { lat: r.exactLat as number, lon: r.exactLon as number }) }))
      .filter((x) => x.d <= radius)
      .sort((a, b) => a.d - b.d)
      .slice(0, limit)
      .map((x) => x.r)
    return publicViews(ctx, near)
  }
  if (!query.desa || !query.kecamatan) return []
  const rows = await ctx.db
    .select()
    .from(reports)
    .where(
      and(
        open,
        sql`lower(${reports.kecamatan}) = ${query.kecamatan.trim().toLowerCase()}`,
        sql`lower(${reports.desa}) = ${query.desa.trim().toLowerCase()}`,
      ),
    )
    .orderBy(asc(reports.receivedAt))
    .limit(limit)
  return publicViews(ctx, rows)
}
