import type { TenantContext } from '@cerdas/core'
import { sql } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'

/**
 * How many places have each value of a column (kind, kecamatan), so a filter offers only what
 * exists and says how many; empty values are left out. Kecamatan typed in different cases count
 * as one, under the spelling most records use.
 * @example await valueCounts(ctx, attraction.table, 'kecamatan')
 */
export async function valueCounts(
  ctx: TenantContext,
  table: SQLiteTable,
  column: string,
): Promise<{ value: string; count: number }[]> {
  const c = (table as unknown as Record<string, SQLiteColumn>)[column]
  if (!c) throw new Error(`no column ${column}`)
  const rows = await ctx.db
    .select({ value: c, count: sql<number>`count(*)` })
    .from(table)
    .where(sql`${c} IS NOT NULL AND ${c} <> ''`)
    .groupBy(c)
  const byKey = new Map<string, { value: string; count: number; best: number }>()
  for (const row of rows) {
    const value = String(row.value)
    const key = value.toLowerCase()
    const seen = byKey.get(key)
    const n = Number(row.count)
    if (!seen) byKey.set(key, { value, count: n, best: n })
    else {
      seen.count += n
      if (n > seen.best) Object.assign(seen, { value, best: n })
    }
  }
  return [...byKey.values()]
    .map(({ value, count }) => ({ value, count }))
    .sort((a, b) => a.value.localeCompare(b.value, 'id'))
}
