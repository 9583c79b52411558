import type { HomeSection, SectionTarget, TenantContext } from '@cerdas/core'
import { dayNumber, formatDay } from '@cerdas/schedules'
import { event, type TourismEvent } from './event'
import { type EventOccurrenceItem, eventOccurrencesBetween, eventsThatMayOccur, todayOf } from './events-calendar'
import { upcomingOccurrences } from './occurrences'

/** A local date as the instant the home page formats: noon UTC is that date in every Indonesian zone. */
const dateInstant = (date: string) => `${date}T12:00:00Z`

const itemOf = (o: EventOccurrenceItem) => ({
  title: o.event.name,
  url: event.urls.record(o.event),
  date: dateInstant(o.startDate),
  ...(o.endDate !== o.startDate
    ? { note: { id: `Sampai ${o.endDate}`, en: `Until ${o.endDate}` } }
    : o.startTime
      ? { note: { id: `Pukul ${o.startTime}`, en: `At ${o.startTime}` } }
      : {}),
  verified: o.event.verification.verified,
})

/** "What's on this week": occurrences from today through the next six days; null (hidden) when none. */
export async function eventsThisWeek(ctx: TenantContext, count: number): Promise<HomeSection | null> {
  if (count === 0) return null
  const today = todayOf(ctx)
  const { items } = await eventOccurrencesBetween(ctx, { from: today, to: formatDay(dayNumber(today) + 6) })
  if (items.length === 0) return null
  return {
    title: { id: 'Acara minggu ini', en: "What's on this week" },
    moreUrl: event.urls.list,
    items: items.slice(0, count).map(itemOf),
  }
}

/** Upcoming events at a directory office, for its page (the directory does not know tourism). */
export async function eventsAtOffice(ctx: TenantContext, office: SectionTarget): Promise<HomeSection | null> {
  const today = todayOf(ctx)
  const keys = new Set([office.id, office.slug].filter(Boolean))
  const events = (await eventsThatMayOccur(ctx, today, formatDay(dayNumber(today) + 366))).filter(
    (e: TourismEvent) => e.venueOffice !== null && keys.has(e.venueOffice),
  )
  const items = events
    .flatMap((e) =>
      upcomingOccurrences(e, today, 1).map((o) => ({ event: e, ...o, startTime: e.startTime, endTime: e.endTime })),
    )
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0))
  if (items.length === 0) return null
  return {
    title: { id: 'Acara di sini', en: 'Events here' },
    moreUrl: event.urls.list,
    items: items.slice(0, 10).map(itemOf),
  }
}
