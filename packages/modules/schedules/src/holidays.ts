import {
  type DataSnapshot,
  dataSnapshot,
  type HomeSection,
  moduleSettings,
  problem,
  type TenantContext,
} from '@cerdas/core'
import {
  addWorkingDays,
  foldLine,
  type HolidayCalendar,
  isWorkingDay,
  type LocalDate,
  localDateOf,
  type WeekdayKey,
  workingDaysBetween,
} from '@cerdas/schedules'
import { eq, gte, type SQL } from 'drizzle-orm'
import { type HolidayRecord, holiday, holidayColumns, holidayWriteCount } from './holiday'
import { HOLIDAY_KIND_LABELS } from './kinds'
import { settings } from './settings'

const yearOf = (date: string) => Number(date.slice(0, 4))
const CALENDAR_KEY = 'schedules.holidayCalendar'

/** The holidays within `where`, in date order (at most `limit`). */
function holidaysInDateOrder(ctx: TenantContext, where: SQL[], limit = 100_000) {
  return holiday.list(ctx, { limit, sort: 'date' }, where)
}

/** Calendars read in this request (a context lives for one request), with the holiday writes they saw. */
const calendarCache = new WeakMap<TenantContext, { writes: number; calendar: Promise<HolidayCalendar> }>()

/** Every holiday of the tenant as the engine's calendar: read once per data version, shared by requests. */
function readCalendar(ctx: TenantContext): Promise<HolidayCalendar> {
  return holidaysInDateOrder(ctx, []).then(({ items }) => ({
    holidays: items.map((h) => ({
      date: h.date,
      name: h.name,
      kind: h.kind,
      ...(h.source ? { source: h.source } : {}),
      verified: h.verification.verified,
    })),
  }))
}

/** Calendars kept per database client with the holiday version they were read at. */
const calendarByClient = new WeakMap<object, { version: number; calendar: Promise<HolidayCalendar> }>()

async function holidayVersion(ctx: TenantContext): Promise<number | null> {
  const result = await ctx.db.$client
    .execute('SELECT version FROM schedules_holiday_version_derived WHERE id = 1')
    .catch(() => null)
  if (!result) return null
  return Number(result.rows[0]?.version ?? 0)
}

/**
 * The tenant's holidays as the engine's HolidayCalendar (every year), read again only when a
 * holiday changed (a counter the holiday table's triggers raise in the writing transaction, so
 * every process sees it) and looked up once per request. Writes of other modules, which raise
 * the tenant's data version, do not make it read again. The calendar is shared: do not change it.
 * @example statusAt(definition, ctx.now(), await tenantHolidayCalendar(ctx))
 */
export function tenantHolidayCalendar(ctx: TenantContext, snapshot?: DataSnapshot): Promise<HolidayCalendar> {
  const cached = calendarCache.get(ctx)
  if (cached && cached.writes === holidayWriteCount()) return cached.calendar
  const calendar = holidayVersion(ctx).then((version) => {
    // Without the counter (a database not migrated yet): per data version, as before it.
    if (version === null)
      return (snapshot ? Promise.resolve(snapshot) : dataSnapshot(ctx)).then((s) =>
        s.get(CALENDAR_KEY, () => readCalendar(ctx)),
      )
    const client = ctx.db.$client as object
    const kept = calendarByClient.get(client)
    if (kept && kept.version === version) return kept.calendar
    const read = readCalendar(ctx)
    calendarByClient.set(client, { version, calendar: read })
    read.catch(() => calendarByClient.delete(client))
    return read
  })
  calendarCache.set(ctx, { writes: holidayWriteCount(), calendar })
  calendar.catch(() => calendarCache.delete(ctx))
  return calendar
}

/** The current calendar year in the tenant's zone. */
export function currentYear(ctx: TenantContext): number {
  return yearOf(localDateOf(ctx.now(), ctx.tenant.timezone))
}

/** Holidays of one year (default: the current year in the tenant zone), in date order. */
export async function listHolidays(ctx: TenantContext, year: number = currentYear(ctx)): Promise<HolidayRecord[]> {
  return (await holidaysInDateOrder(ctx, [eq(holidayColumns.year, year)])).items
}

/** Years that have at least one holiday, ascending. */
export async function holidayYears(ctx: TenantContext): Promise<number[]> {
  const result = await ctx.db.$client.execute('SELECT DISTINCT year FROM schedules_holidays ORDER BY year')
  return result.rows.map((r) => Number(r.year))
}

function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

const compact = (date: string) => date.replace(/-/g, '')

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/**
 * The year's holidays as an RFC 5545 calendar of all-day events (CRLF, folded lines); unverified
 * entries say so in their description.
 */
export async function holidaysICalendar(ctx: TenantContext, year: number = currentYear(ctx)): Promise<string> {
  const list = await listHolidays(ctx, year)
  const stamp = `${ctx.now().toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Cerdas//Hari Libur//ID',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(`Hari libur ${year} · ${ctx.tenant.name}`)}`,
  ]
  for (const h of list) {
    const description = [
      HOLIDAY_KIND_LABELS[h.kind].id,
      h.verification.verified ? 'Terverifikasi' : 'Belum diverifikasi',
      ...(h.source ? [`Sumber: ${h.source}`] : []),
      ...(h.note ? [h.note] : []),
    ].join('\n')
    lines.push(
      'BEGIN:VEVENT',
      `UID:${h.id}@${ctx.tenant.primaryHost}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(h.date)}`,
      `DTEND;VALUE=DATE:${compact(nextDate(h.date))}`,
      `SUMMARY:${escapeText(h.name.id)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `CATEGORIES:${h.kind.toUpperCase()}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}

function weekendOf(ctx: TenantContext): WeekdayKey[] {
  const weekend = ctx.tenant.modules.schedules?.settings.weekend
  return Array.isArray(weekend) ? (weekend as WeekdayKey[]) : ['sa', 'su']
}

/**
 * True when the date is a working day for the tenant (not a weekend day, national holiday, cuti
 * bersama or regional holiday).
 */
export async function tenantIsWorkingDay(ctx: TenantContext, date: LocalDate): Promise<boolean> {
  return isWorkingDay(date, await tenantHolidayCalendar(ctx), { weekend: weekendOf(ctx) })
}

/**
 * The n-th working day after a date with the tenant's holidays and weekend (SP4N-LAPOR deadlines).
 * @example await tenantAddWorkingDays(ctx, '2026-03-19', 3) // '2026-03-27' (skips Idul Fitri and cuti bersama)
 */
export async function tenantAddWorkingDays(ctx: TenantContext, date: LocalDate, n: number): Promise<LocalDate> {
  try {
    return addWorkingDays(date, n, await tenantHolidayCalendar(ctx), { weekend: weekendOf(ctx) })
  } catch (error) {
    if (error instanceof RangeError) throw problem('badRequest', error.message)
    throw error
  }
}

/** Working days in (a, b] with the tenant's holidays and weekend. */
export async function tenantWorkingDaysBetween(ctx: TenantContext, a: LocalDate, b: LocalDate): Promise<number> {
  try {
    return workingDaysBetween(a, b, await tenantHolidayCalendar(ctx), { weekend: weekendOf(ctx) })
  } catch (error) {
    if (error instanceof RangeError) throw problem('badRequest', error.message)
    throw error
  }
}

/** The next holidays (today included) for the home page, as many as the tenant's settings say. */
export async function holidaysHomeSection(ctx: TenantContext): Promise<HomeSection | null> {
  const count = moduleSettings(ctx, 'schedules', settings).homeCount
  if (count === 0) return null
  const today = localDateOf(ctx.now(), ctx.tenant.timezone)
  const { items } = await holidaysInDateOrder(ctx, [gte(holidayColumns.date, today)], count)
  if (items.length === 0) return null
  return {
    title: { id: 'Hari libur berikutnya', en: 'Upcoming holidays' },
    moreUrl: '/hari-libur',
    items: items.map((h) => ({
      title: h.name,
      url: `/hari-libur?tahun=${h.year}#${h.date}`,
      // 05:00 UTC is 12:00 WIB / 13:00 WITA / 14:00 WIT: the same calendar date in every Indonesian zone.
      date: `${h.date}T05:00:00.000Z`,
      verified: h.verification.verified,
    })),
  }
}
