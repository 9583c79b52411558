import type { LocalizedText, TenantContext } from '@cerdas/core'
import { tenantHolidayCalendar } from '@cerdas/module-schedules'
import {
  type Departure,
  type DepartureDay,
  type DepartureReason,
  departureDays,
  departuresOn,
  departuresToICalendar,
  type HolidayCalendar,
  hasNoDepartures,
  type LocalDate,
  localDateOf,
  nextDepartures,
} from '@cerdas/schedules'
import { type Route, route as routeEntity } from './route'

/** What pages and the API say about a route's departures, JSON-ready (instants as ISO text). */

export interface ReasonView {
  kind: DepartureReason['kind']
  label: LocalizedText | null
  /** For a holiday: the weekday whose times run, or null for no service. */
  runsAs: string | null
}

export interface DepartureView {
  at: string
  date: LocalDate
  time: string
  reason: ReasonView
}

export interface DayView {
  date: LocalDate
  weekday: string
  times: string[]
  reason: ReasonView
  holiday: { name: LocalizedText; kind: string; verified: boolean } | null
}

export interface RouteDepartures {
  route: { id: string; slug: string; name: LocalizedText; mode: string }
  timezone: string
  after: string
  /** True when the timetable has no departure at all (no data yet). */
  noTimetable: boolean
  next: DepartureView[]
  day: DayView
}

function reasonView(reason: DepartureReason): ReasonView {
  return { kind: reason.kind, label: reason.label ?? null, runsAs: reason.runsAs ?? null }
}

export function departureView(d: Departure): DepartureView {
  return { at: d.at.toISOString(), date: d.date, time: d.time, reason: reasonView(d.reason) }
}

export function dayView(day: DepartureDay): DayView {
  return {
    date: day.date,
    weekday: day.weekday,
    times: day.departures.map((d) => d.time),
    reason: reasonView(day.reason),
    holiday: day.holiday
      ? { name: { ...day.holiday.name }, kind: day.holiday.kind, verified: day.holiday.verified }
      : null,
  }
}

/** Most departures one answer lists. */
export const MAX_NEXT = 50

/**
 * The next departures and one day's timetable of a route. Without `after` the answer is about
 * now, so a cached copy ends when the first of them leaves (`ctx.changesAt`).
 * @example const { next } = await routeDepartures(ctx, 'kapal-ajibata-tomok', { limit: 3 })
 */
export async function routeDepartures(
  ctx: TenantContext,
  ref: string,
  query: { date?: LocalDate | undefined; after?: string | undefined; limit?: number | undefined } = {},
): Promise<RouteDepartures> {
  const route = (await routeEntity.get(ctx, ref)) as unknown as Route
  return departuresOfRoute(ctx, route, await tenantHolidayCalendar(ctx), query)
}

/** {@link routeDepartures} for a route already read, with the tenant's calendar. */
export function departuresOfRoute(
  ctx: TenantContext,
  route: Route,
  calendar: HolidayCalendar,
  query: { date?: LocalDate | undefined; after?: string | undefined; limit?: number | undefined } = {},
): RouteDepartures {
  const timetable = route.timetable
  const after = query.after ? new Date(query.after) : ctx.now()
  const next = nextDepartures(timetable, after, Math.min(query.limit ?? 5, MAX_NEXT), calendar)
  if (!query.after && next[0]) ctx.changesAt?.(next[0].at)
  const day = departuresOn(timetable, query.date ?? localDateOf(after, timetable.zone), calendar)
  return {
    route: { id: route.id, slug: route.slug, name: route.name, mode: route.mode },
    timezone: timetable.zone,
    after: after.toISOString(),
    noTimetable: hasNoDepartures(timetable),
    next: next.map(departureView),
    day: dayView(day),
  }
}

/** A week (or more) of a route's days from a local date. */
export function daysOfRoute(route: Route, calendar: HolidayCalendar, from: LocalDate, count = 7): DayView[] {
  return departureDays(route.timetable, from, calendar, count).map(dayView)
}

export interface NextOfRoute {
  next: DepartureView | null
  /** The route ran today but every departure of today has left. */
  leftToday: boolean
  noTimetable: boolean
}

/**
 * The next departure of each route after now (a list page), noting for the read cache the
 * earliest of them: when it leaves, the list's answer changes.
 */
export async function nextOfRoutes(ctx: TenantContext, routes: Route[]): Promise<Map<string, NextOfRoute>> {
  const out = new Map<string, NextOfRoute>()
  if (routes.length === 0) return out
  const calendar = await tenantHolidayCalendar(ctx)
  const now = ctx.now()
  for (const route of routes) {
    const [next] = nextDepartures(route.timetable, now, 1, calendar)
    if (next) ctx.changesAt?.(next.at)
    const today = localDateOf(now, route.timetable.zone)
    const ranToday = departuresOn(route.timetable, today, calendar).departures.length > 0
    out.set(route.id, {
      next: next ? departureView(next) : null,
      leftToday: ranToday && next?.date !== today,
      noTimetable: hasNoDepartures(route.timetable),
    })
  }
  return out
}

/** Most days an iCalendar feed covers. */
export const MAX_FEED_DAYS = 92

/**
 * A route's departures for the next `days` local dates as iCalendar, one event per departure.
 * @example const ics = await routeICalendar(ctx, 'kapal-ajibata-tomok', { days: 30 })
 */
export async function routeICalendar(
  ctx: TenantContext,
  ref: string,
  options: { days: number; from?: LocalDate | undefined; url?: string; locale?: 'id' | 'en' },
): Promise<{ route: Route; body: string }> {
  const route = (await routeEntity.get(ctx, ref)) as unknown as Route
  const calendar = await tenantHolidayCalendar(ctx)
  const from = options.from ?? localDateOf(ctx.now(), route.timetable.zone)
  const body = departuresToICalendar(route.timetable, calendar, {
    from,
    days: Math.min(options.days, MAX_FEED_DAYS),
    summary: route.name,
    locale: options.locale ?? 'id',
    durationMinutes: route.durationMinutes,
    location: route.originName,
    ...(options.url ? { url: options.url } : {}),
    uidPrefix: route.id,
    uidDomain: ctx.tenant.primaryHost,
    // Reproducible for the same data: the stamp is the route's last change.
    stamp: new Date(route.updatedAt),
  })
  return { route, body }
}
