import type { TenantContext } from '@cerdas/core'
import { dayNumber, formatDay } from '@cerdas/schedules'
import { event, type TourismEvent } from './event'
import { eventsThatMayOccur, todayOf } from './events-calendar'
import { eventsToICalendar } from './events-icalendar'
import type { EventCategory } from './labels'
import { isPastEvent } from './occurrences'
import { venueLine, venuesOf } from './venues'

const FEED_TITLE = { id: 'Acara', en: 'Events' }

async function calendarOf(ctx: TenantContext, events: TourismEvent[], origin: string, name: string): Promise<string> {
  const venues = await venuesOf(ctx, events)
  const locale = ctx.locale === 'en' ? 'en' : 'id'
  return eventsToICalendar(events, {
    zone: ctx.tenant.timezone,
    uidDomain: new URL(origin).hostname,
    locale,
    name,
    urlOf: (e) => `${origin}${event.urls.record(e)}`,
    locationOf: (e) => venueLine(venues.get(e.id), locale),
  })
}

/**
 * The calendar feed of every event still to come (or under way) from today, optionally of one
 * category: each event once, repeating ones with their RRULE.
 */
export async function eventsFeed(
  ctx: TenantContext,
  options: { category?: EventCategory | undefined; origin: string },
): Promise<string> {
  const today = todayOf(ctx)
  // Anything that may still occur: a yearly event starting within two years, whatever its start.
  const horizon = formatDay(dayNumber(today) + 2 * 366)
  const events = (await eventsThatMayOccur(ctx, today, horizon, { category: options.category })).filter(
    (e) => !isPastEvent(e, today),
  )
  const title = ctx.locale === 'en' ? FEED_TITLE.en : FEED_TITLE.id
  return calendarOf(ctx, events, options.origin, `${title} · ${ctx.tenant.name}`)
}

/** One event as a calendar file (past ones too: their page stays reachable). */
export function oneEventICalendar(ctx: TenantContext, e: TourismEvent, origin: string): Promise<string> {
  return calendarOf(ctx, [e], origin, ctx.tenant.name)
}
