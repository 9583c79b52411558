import { type ModuleIndicator, percentage, type TenantContext } from '@cerdas/core'
import { hoursStatusForOwners } from '@cerdas/module-schedules'
import { lt } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { attraction } from './attraction'

const columns = attraction.table as unknown as Record<'slug' | 'createdAt', SQLiteColumn>

/**
 * The share of attractions listed at the end of the period that have opening hours in the
 * schedules module now (schedules keep no history of when hours were first given).
 */
async function withHoursShare(ctx: TenantContext, to: string): Promise<number | null> {
  const rows = await ctx.db.select({ slug: columns.slug }).from(attraction.table).where(lt(columns.createdAt, to))
  const slugs = rows.map((r) => r.slug as string)
  if (slugs.length === 0) return null
  const withHours = await hoursStatusForOwners(ctx, 'tourism', 'attraction', slugs)
  return percentage(withHours.size, slugs.length)
}

/** What the tourism module measures for the smart-city KPIs. */
export const tourismIndicators: ModuleIndicator[] = [
  {
    id: 'attractions-with-hours',
    title: { id: 'Tempat wisata dengan jam buka', en: 'Attractions with opening hours' },
    unit: '%',
    description: {
      id: 'Persentase tempat wisata yang jam bukanya sudah tercatat.',
      en: 'Share of attractions whose opening hours are recorded.',
    },
    compute: (ctx, { to }) => withHoursShare(ctx, to),
  },
]
