import { problem, type TenantContext } from '@cerdas/core'
import { dayNumber, formatDay, localDateOf } from '@cerdas/schedules'
import { and, eq, gte, isNull, lte, ne, or, type SQL, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { event, type TourismEvent } from './event'
import type { EventCategory } from './labels'
import { eventOccurrences } from './occurrences'

/** Default window of the events list, in days from today. */
export const DEFAULT_WINDOW_DAYS = 30
/** Longest window a list or feed covers. */
export const MAX_WINDOW_DAYS = 366
/** Events read for one window: a regency publishes tens to a few hundred a year. */
const MAX_EVENTS = 2000

/** One time an event takes place, as lists and the home page show it. */
export interface EventOccurrenceItem {
  event: TourismEvent
  startDate: string
  endDate: string
  startTime: string | null
  endTime: string | null
}

export interface EventWindowQuery {
  from?: string | undefined
  to?: string | undefined
  category?: EventCategory | undefined
  /** Only events at this attraction (its slug). */
  attraction?: string | undefined
  kecamatan?: string | undefined
}

/** Today's date in the tenant's zone: what "upcoming" and "past" are measured from. */
export function todayOf(ctx: TenantContext): string {
  return localDateOf(ctx.now(), ctx.tenant.timezone)
}

/** The dates `from` to `to` of a query, defaulted (today and 30 days on) and checked: at most 366 days. */
export function windowOf(ctx: TenantContext, query: { from?: string | undefined; to?: string | undefined }) {
  const from = query.from ?? todayOf(ctx)
  const to = query.to ?? formatDay(dayNumber(from) + DEFAULT_WINDOW_DAYS - 1)
  const span = dayNumber(to) - dayNumber(from) + 1
  if (Number.isNaN(span)) throw problem('validation', 'from and to must be dates as YYYY-MM-DD')
  if (span < 1)
    throw problem('validation', 'to must not be before from', { errors: [{ pointer: '/to', message: 'before from' }] })
  if (span > MAX_WINDOW_DAYS)
    throw problem('validation', `The window is at most ${MAX_WINDOW_DAYS} days`, {
      errors: [{ pointer: '/to', message: `more than ${MAX_WINDOW_DAYS} days after from` }],
    })
  return { from, to }
}

type EventColumns = Record<
  'startDate' | 'endDate' | 'recurrence' | 'recurrenceUntil' | 'venueAttraction' | 'kecamatan',
  SQLiteColumn
>

/** Events that may have an occurrence between the dates, read in pages of the entity's public list. */
export async function eventsThatMayOccur(
  ctx: TenantContext,
  from: string,
  to: string,
  filters: Omit<EventWindowQuery, 'from' | 'to'> = {},
): Promise<TourismEvent[]> {
  const c = event.table as unknown as EventColumns
  // The longest occurrence is a year, so a repeating event whose last start is a year before the window is over.
  const earliest = formatDay(dayNumber(from) - MAX_WINDOW_DAYS)
  const where: SQL[] = [
    lte(c.startDate, to),
    or(
      and(eq(c.recurrence, 'none'), gte(sql`coalesce(${c.endDate}, ${c.startDate})`, from)),
      and(ne(c.recurrence, 'none'), or(isNull(c.recurrenceUntil), gte(c.recurrenceUntil, earliest))),
    ) as SQL,
  ]
  if (filters.attraction) where.push(eq(c.venueAttraction, filters.attraction))
  const out: TourismEvent[] = []
  let cursor: string | undefined
  do {
    const page = await event.list(
      ctx,
      { limit: 500, cursor, category: filters.category, kecamatan: filters.kecamatan },
      where,
    )
    out.push(...(page.items as TourismEvent[]))
    cursor = page.nextCursor ?? undefined
  } while (cursor && out.length < MAX_EVENTS)
  return out
}

/** Order of occurrences: by start date, timed ones by start time after the all-day ones of that date. */
function byStart(a: EventOccurrenceItem, b: EventOccurrenceItem): number {
  if (a.startDate !== b.startDate) return a.startDate < b.startDate ? -1 : 1
  const at = a.startTime ?? ''
  const bt = b.startTime ?? ''
  if (at !== bt) return at < bt ? -1 : 1
  return a.event.name.id.localeCompare(b.event.name.id, 'id')
}

/**
 * Every occurrence of the tenant's events between two local dates (default: today and the next
 * 30 days), in order; a multi-day occurrence under way on `from` is included. A window longer
 * than 366 days is a 422.
 * @example await eventOccurrencesBetween(ctx, { from: '2026-12-01', to: '2026-12-31', category: 'festival' })
 */
export async function eventOccurrencesBetween(ctx: TenantContext, query: EventWindowQuery = {}) {
  const { from, to } = windowOf(ctx, query)
  const { from: _f, to: _t, ...filters } = query
  const events = await eventsThatMayOccur(ctx, from, to, filters)
  const items: EventOccurrenceItem[] = events.flatMap((e) =>
    eventOccurrences(e, from, to).map((o) => ({
      event: e,
      ...o,
      startTime: e.startTime,
      endTime: e.endTime,
    })),
  )
  return { from, to, items: items.sort(byStart) }
}
