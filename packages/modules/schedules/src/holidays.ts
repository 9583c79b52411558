import {
  clearStaleVerification,
  decodeCursor,
  encodeCursor,
  type HomeSection,
  moduleSettings,
  newId,
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
import { and, asc, desc, eq, gte, lt, or } from 'drizzle-orm'
import type { HolidayKindId } from './kinds'
import { holidays } from './schema'
import { settings } from './settings'
import type { CreateHolidayInput, HolidayRecord, UpdateHolidayInput } from './validation'

type HolidayRow = typeof holidays.$inferSelect

const ENTITY = 'schedules.holiday'

function fromRow(row: HolidayRow): HolidayRecord {
  return {
    id: row.id,
    date: row.date,
    year: row.year,
    name: { id: row.nameIndonesian, ...(row.nameEnglish ? { en: row.nameEnglish } : {}) },
    kind: row.kind as HolidayKindId,
    source: row.source ?? null,
    note: row.note ?? null,
    verification: {
      verified: row.verifiedAt !== null,
      verifiedAt: row.verifiedAt ?? null,
      verifiedBy: row.verifiedBy ?? null,
    },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

const yearOf = (date: string) => Number(date.slice(0, 4))

/** Calendars read in this request (a context lives for one request); dropped on every holiday write. */
const calendarCache = new WeakMap<TenantContext, Promise<HolidayCalendar>>()

/**
 * The tenant's holidays as the engine's HolidayCalendar (every year), read once per request.
 * @example statusAt(definition, ctx.now(), await tenantHolidayCalendar(ctx))
 */
export function tenantHolidayCalendar(ctx: TenantContext): Promise<HolidayCalendar> {
  let cached = calendarCache.get(ctx)
  if (!cached) {
    cached = ctx.db
      .select()
      .from(holidays)
      .orderBy(asc(holidays.date))
      .then((rows) => ({
        holidays: rows.map((row) => ({
          date: row.date,
          name: { id: row.nameIndonesian, ...(row.nameEnglish ? { en: row.nameEnglish } : {}) },
          kind: row.kind as HolidayKindId,
          ...(row.source ? { source: row.source } : {}),
          verified: row.verifiedAt !== null,
        })),
      }))
    calendarCache.set(ctx, cached)
    cached.catch(() => calendarCache.delete(ctx))
  }
  return cached
}

/** The current calendar year in the tenant's zone. */
export function currentYear(ctx: TenantContext): number {
  return yearOf(localDateOf(ctx.now(), ctx.tenant.timezone))
}

/** Holidays of one year (default: the current year in the tenant zone), in date order. */
export async function listHolidays(ctx: TenantContext, year: number = currentYear(ctx)): Promise<HolidayRecord[]> {
  const rows = await ctx.db
    .select()
    .from(holidays)
    .where(eq(holidays.year, year))
    .orderBy(asc(holidays.date), asc(holidays.id))
  return rows.map(fromRow)
}

/**
 * Every holiday of every year, latest date first, one cursor page at a time (the admin console's
 * list).
 */
export async function listHolidayPage(
  ctx: TenantContext,
  page: { cursor?: string | undefined; limit: number },
): Promise<{ items: HolidayRecord[]; nextCursor: string | null }> {
  let where: ReturnType<typeof or> | undefined
  if (page.cursor) {
    const cursor = decodeCursor(page.cursor)
    if (cursor?.length !== 2 || typeof cursor[0] !== 'string' || typeof cursor[1] !== 'string')
      throw problem('badRequest', 'The cursor is not valid; start from the first page.')
    where = or(lt(holidays.date, cursor[0]), and(eq(holidays.date, cursor[0]), lt(holidays.id, cursor[1])))
  }
  const rows = await ctx.db
    .select()
    .from(holidays)
    .where(where)
    .orderBy(desc(holidays.date), desc(holidays.id))
    .limit(page.limit + 1)
  const items = rows.slice(0, page.limit).map(fromRow)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > page.limit && last ? encodeCursor([last.date, last.id]) : null }
}

/** Years that have at least one holiday, ascending. */
export async function holidayYears(ctx: TenantContext): Promise<number[]> {
  const result = await ctx.db.$client.execute('SELECT DISTINCT year FROM schedules_holidays ORDER BY year')
  return result.rows.map((r) => Number(r.year))
}

async function findRow(ctx: TenantContext, id: string): Promise<HolidayRow | undefined> {
  const [row] = await ctx.db.select().from(holidays).where(eq(holidays.id, id))
  return row
}

export async function getHoliday(ctx: TenantContext, id: string): Promise<HolidayRecord> {
  const row = await findRow(ctx, id)
  if (!row) throw problem('notFound', `No holiday with id ${id}`)
  return fromRow(row)
}

export async function createHoliday(
  ctx: TenantContext,
  input: CreateHolidayInput,
  options: { seedKey?: string; verification?: { at: string; by: string } } = {},
): Promise<HolidayRecord> {
  return ctx.transaction(async (ctx) => {
    const now = ctx.now().toISOString()
    const row: HolidayRow = {
      id: newId('hol'),
      seedKey: options.seedKey ?? null,
      date: input.date,
      year: yearOf(input.date),
      nameIndonesian: input.name.id,
      nameEnglish: input.name.en ?? null,
      kind: input.kind,
      source: input.source ?? null,
      note: input.note ?? null,
      verifiedAt: options.verification?.at ?? null,
      verifiedBy: options.verification?.by ?? null,
      createdAt: now,
      updatedAt: now,
    }
    await ctx.db.insert(holidays).values(row)
    calendarCache.delete(ctx)
    const created = fromRow(row)
    await ctx.audit({ action: 'create', entity: ENTITY, entityId: row.id, after: created })
    return created
  })
}

/** Changes a holiday; a changed date or name clears the verification stamp (it was checked as it was). */
export async function updateHoliday(ctx: TenantContext, id: string, input: UpdateHolidayInput): Promise<HolidayRecord> {
  return ctx.transaction(async (ctx) => {
    const before = await findRow(ctx, id)
    if (!before) throw problem('notFound', `No holiday with id ${id}`)
    const now = ctx.now().toISOString()
    let next: HolidayRow = {
      ...before,
      ...(input.date ? { date: input.date, year: yearOf(input.date) } : {}),
      ...(input.name ? { nameIndonesian: input.name.id, nameEnglish: input.name.en ?? null } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.source !== undefined ? { source: input.source } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      updatedAt: now,
    }
    // Other hours, another owner, a new name or holder: not what the verifier checked.
    next = clearStaleVerification(before, next)
    await ctx.db.update(holidays).set(next).where(eq(holidays.id, id))
    calendarCache.delete(ctx)
    const updated = fromRow(next)
    await ctx.audit({ action: 'update', entity: ENTITY, entityId: id, before: fromRow(before), after: updated })
    return updated
  })
}

export async function deleteHoliday(ctx: TenantContext, id: string): Promise<void> {
  return ctx.transaction(async (ctx) => {
    const before = await findRow(ctx, id)
    if (!before) throw problem('notFound', `No holiday with id ${id}`)
    await ctx.db.delete(holidays).where(eq(holidays.id, id))
    calendarCache.delete(ctx)
    await ctx.audit({ action: 'delete', entity: ENTITY, entityId: id, before: fromRow(before) })
  })
}

/** Stamps the holiday as checked now by the acting person (optionally against a source). */
export async function verifyHoliday(
  ctx: TenantContext,
  id: string,
  input: { source?: string | undefined },
): Promise<HolidayRecord> {
  return ctx.transaction(async (ctx) => {
    const before = await findRow(ctx, id)
    if (!before) throw problem('notFound', `No holiday with id ${id}`)
    const now = ctx.now().toISOString()
    const next: HolidayRow = {
      ...before,
      verifiedAt: now,
      verifiedBy: ctx.actor?.name ?? ctx.actor?.id ?? 'unknown',
      source: input.source ?? before.source,
      updatedAt: now,
    }
    await ctx.db.update(holidays).set(next).where(eq(holidays.id, id))
    calendarCache.delete(ctx)
    const updated = fromRow(next)
    await ctx.audit({ action: 'verify', entity: ENTITY, entityId: id, before: fromRow(before), after: updated })
    return updated
  })
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
  const kinds: Record<string, string> = {
    national: 'Libur nasional',
    cuti_bersama: 'Cuti bersama',
    regional: 'Libur daerah',
  }
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Cerdas//Hari Libur//ID',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(`Hari libur ${year} · ${ctx.tenant.name}`)}`,
  ]
  for (const h of list) {
    const description = [
      kinds[h.kind] ?? h.kind,
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
  const rows = await ctx.db
    .select()
    .from(holidays)
    .where(gte(holidays.date, today))
    .orderBy(asc(holidays.date), asc(holidays.id))
    .limit(count)
  if (rows.length === 0) return null
  return {
    title: { id: 'Hari libur berikutnya', en: 'Upcoming holidays' },
    moreUrl: '/hari-libur',
    items: rows.map((row) => ({
      title: { id: row.nameIndonesian, ...(row.nameEnglish ? { en: row.nameEnglish } : {}) },
      url: `/hari-libur?tahun=${row.year}#${row.date}`,
      // 05:00 UTC is 12:00 WIB / 13:00 WITA / 14:00 WIT: the same calendar date in every Indonesian zone.
      date: `${row.date}T05:00:00.000Z`,
      verified: row.verifiedAt !== null,
    })),
  }
}
