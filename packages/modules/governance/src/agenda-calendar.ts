import { type LocalizedText, problem, type TenantContext } from '@cerdas/core'
import { office } from '@cerdas/module-directory'
import { dayNumber, formatDay } from '@cerdas/schedules'
import { gte, lte, type SQL, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { AGENDA_KIND_LABELS, type AgendaEntry, type AgendaKind, agenda } from './agenda'
import { agendaToICalendar } from './agenda-icalendar'
import { todayOf } from './today'

/** Default window of the agenda list: a year from today. */
export const DEFAULT_AGENDA_DAYS = 366
/** Longest window a list covers: a masterplan's five years and a little. */
export const MAX_AGENDA_DAYS = 6 * 366
/** Entries read at most: a regency holds a few meetings and sessions a month. */
const MAX_ENTRIES = 2000

export interface AgendaWindowQuery {
  from?: string | undefined
  to?: string | undefined
  kind?: AgendaKind | undefined
}

/** The dates of a query, defaulted (today and a year on) and checked. */
export function agendaWindowOf(ctx: TenantContext, query: { from?: string | undefined; to?: string | undefined }) {
  const from = query.from ?? todayOf(ctx)
  const to = query.to ?? formatDay(dayNumber(from) + DEFAULT_AGENDA_DAYS - 1)
  const span = dayNumber(to) - dayNumber(from) + 1
  if (span < 1)
    throw problem('validation', 'to must not be before from', { errors: [{ pointer: '/to', message: 'before from' }] })
  if (span > MAX_AGENDA_DAYS)
    throw problem('validation', `The window is at most ${MAX_AGENDA_DAYS} days`, {
      errors: [{ pointer: '/to', message: `more than ${MAX_AGENDA_DAYS} days after from` }],
    })
  return { from, to }
}

type Columns = Record<'startDate' | 'endDate', SQLiteColumn>

/** Entries that take place (any of their days) between two local dates, in order of their start. */
async function entriesBetween(
  ctx: TenantContext,
  from: string | null,
  to: string | null,
  kind?: AgendaKind,
  limit = MAX_ENTRIES,
): Promise<AgendaEntry[]> {
  const c = agenda.table as unknown as Columns
  const where: SQL[] = []
  if (to) where.push(lte(c.startDate, to))
  if (from) where.push(gte(sql`coalesce(${c.endDate}, ${c.startDate})`, from))
  const out: AgendaEntry[] = []
  let cursor: string | undefined
  do {
    const page = await agenda.list(
      ctx,
      { limit: Math.min(100, limit - out.length), cursor, ...(kind ? { kind } : {}) },
      where,
    )
    out.push(...(page.items as AgendaEntry[]))
    cursor = page.nextCursor ?? undefined
  } while (cursor && out.length < limit)
  return out
}

/** The agenda between two dates (default the coming year), of one kind if asked. */
export async function agendaBetween(
  ctx: TenantContext,
  query: AgendaWindowQuery,
): Promise<{ from: string; to: string; items: AgendaEntry[] }> {
  const { from, to } = agendaWindowOf(ctx, query)
  return { from, to, items: await entriesBetween(ctx, from, to, query.kind) }
}

/** The next entries from today (one under way included), for the home and governance pages. */
export function upcomingAgenda(ctx: TenantContext, options: { limit: number }): Promise<AgendaEntry[]> {
  return entriesBetween(ctx, todayOf(ctx), null, undefined, Math.max(1, Math.min(options.limit, 100)))
}

/**
 * The latest entries that have ended, newest first: what the council and team last met for (the
 * bimtek that prepared the masterplan stay visible once nothing is scheduled).
 */
export async function recentAgenda(ctx: TenantContext, options: { limit: number }): Promise<AgendaEntry[]> {
  const today = todayOf(ctx)
  const from = formatDay(dayNumber(today) - MAX_AGENDA_DAYS)
  const ended = (await entriesBetween(ctx, from, today)).filter((e) => (e.endDate ?? e.startDate) < today)
  return ended.slice(-Math.max(1, Math.min(options.limit, 100))).reverse()
}

/** Where each entry takes place, in one line: the place given, else the office's name and address. */
async function locationsOf(ctx: TenantContext, entries: readonly AgendaEntry[], locale: 'id' | 'en') {
  const keys = [...new Set(entries.map((e) => e.placeOffice).filter((k): k is string => !!k))]
  const offices = keys.length > 0 ? await office.byKeys(ctx, keys) : new Map()
  const pick = (t: LocalizedText) => (locale === 'en' ? t.en : undefined) ?? t.id
  return (e: AgendaEntry): string | null => {
    const found = e.placeOffice ? offices.get(e.placeOffice) : undefined
    const officeLine = found ? [pick(found.name), found.address].filter(Boolean).join(', ') : null
    return [e.place, officeLine].filter(Boolean).join(' · ') || null
  }
}

async function calendarOf(ctx: TenantContext, entries: AgendaEntry[], origin: string): Promise<string> {
  const locale = ctx.locale === 'en' ? 'en' : 'id'
  const title = locale === 'en' ? 'Smart-city agenda' : 'Agenda kota cerdas'
  return agendaToICalendar(entries, {
    zone: ctx.tenant.timezone,
    uidDomain: new URL(origin).hostname,
    locale,
    name: `${title} · ${ctx.tenant.name}`,
    locationOf: await locationsOf(ctx, entries, locale),
    categoryOf: (e) => {
      const kind = AGENDA_KIND_LABELS[e.kind as AgendaKind]
      return (locale === 'en' ? kind.en : undefined) ?? kind.id
    },
  })
}

/** The whole agenda as a calendar feed: past entries too, so a subscribed calendar keeps the record. */
export async function agendaFeed(ctx: TenantContext, options: { kind?: AgendaKind | undefined; origin: string }) {
  return calendarOf(ctx, await entriesBetween(ctx, null, null, options.kind), options.origin)
}

/** One entry as a calendar file. */
export function oneAgendaICalendar(ctx: TenantContext, entry: AgendaEntry, origin: string): Promise<string> {
  return calendarOf(ctx, [entry], origin)
}
