import { z } from 'zod'
import { indexCalendar } from './compile'
import { escapeText, foldLine, vtimezone } from './icalendar'
import {
  DAY_MS,
  dayNumber,
  formatDay,
  type LocalDate,
  MINUTE_MS,
  parseWallTime,
  WEEKDAYS,
  type WeekdayKey,
  weekdayIndex,
} from './local-time'
import type { LocalizedText } from './schema'
import { HOLIDAY_KINDS, type Holiday, type HolidayCalendar, localDateSchema, localizedTextSchema } from './schema'
import { localDateOf } from './week-view'
import { addWorkingDays } from './working-days'
import { isKnownZone, localMsToUtc } from './zone'

/**
 * What happens to a collection day that falls on a holiday: `skip` (no collection that week),
 * `next-working-day` / `previous-working-day` (moved, skipping rest days and holidays), or
 * `as-usual` (crews work through holidays).
 */
export const COLLECTION_HOLIDAY_POLICIES = ['skip', 'next-working-day', 'previous-working-day', 'as-usual'] as const
export type CollectionHolidayPolicy = (typeof COLLECTION_HOLIDAY_POLICIES)[number]

const windowTime = z.string().refine((t) => {
  const m = parseWallTime(t)
  return !Number.isNaN(m) && m < 1440
}, 'Expected a time as HH:MM between 00:00 and 23:59')
const windowEnd = z.string().refine((t) => !Number.isNaN(parseWallTime(t)), 'Expected a time as HH:MM')

/** A dated change: `cancelled` drops the collection of that date, `extra` adds one. */
export const collectionExceptionSchema = z.strictObject({
  date: localDateSchema,
  kind: z.enum(['cancelled', 'extra']),
  reason: localizedTextSchema,
})
export type CollectionException = z.infer<typeof collectionExceptionSchema>

/**
 * A collection area's rule as stored and edited: weekly days with one time window, the holiday
 * policy and dated exceptions, in local wall-clock time of `zone`.
 * @example collectionRuleSchema.parse({ zone: 'Asia/Jakarta', days: ['mo', 'th'], start: '07:00', end: '10:00', onHolidays: 'next-working-day' })
 */
export const collectionRuleSchema = z
  .strictObject({
    zone: z.string().refine(isKnownZone, { message: 'Unknown IANA time zone' }),
    days: z.array(z.enum(WEEKDAYS)).max(7),
    start: windowTime,
    end: windowEnd,
    onHolidays: z.enum(COLLECTION_HOLIDAY_POLICIES),
    /** Holiday kinds the policy applies to; all (national, cuti bersama, regional) when omitted. */
    holidayKinds: z.array(z.enum(HOLIDAY_KINDS)).min(1).optional(),
    /** Days crews never work, skipped when moving a collection; default Sunday. */
    restDays: z.array(z.enum(WEEKDAYS)).max(6).optional(),
    exceptions: z.array(collectionExceptionSchema).max(1000).optional(),
  })
  .superRefine((rule, ctx) => {
    if (new Set(rule.days).size !== rule.days.length)
      ctx.addIssue({ code: 'custom', path: ['days'], message: 'A weekday is listed twice' })
    if (parseWallTime(rule.end) <= parseWallTime(rule.start))
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'End must be after start' })
    const seen = new Map<string, number>()
    ;(rule.exceptions ?? []).forEach((e, i) => {
      const key = `${e.date}/${e.kind}`
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['exceptions', i, 'date'], message: 'Date repeats' })
      seen.set(key, i)
    })
  })
export type CollectionRule = z.infer<typeof collectionRuleSchema>

/**
 * One collection, or a scheduled one that does not happen (`collected: false`).
 * - `regular`: the weekly day; `shifted`: moved off a holiday (`scheduledDate` is the weekly day);
 * - `extra`: a dated extra collection; `skipped`: a holiday under `skip`; `cancelled`: an exception.
 */
export interface Collection {
  date: LocalDate
  weekday: WeekdayKey
  start: string
  end: string
  /** Instants of the window (UTC). */
  startsAt: Date
  endsAt: Date
  status: 'regular' | 'shifted' | 'extra' | 'skipped' | 'cancelled'
  collected: boolean
  /** The weekly day the collection belongs to (equal to `date` unless shifted). */
  scheduledDate: LocalDate
  holiday: Pick<Holiday, 'name' | 'kind' | 'verified'> | null
  /** Exception reason, or the holiday's name. */
  reason: LocalizedText | null
  /** A sentence for people: "Hari Raya Natal, dipindah ke Sabtu 26 Des". Null for a regular day. */
  note: LocalizedText | null
}

const DAY_NAMES: Record<WeekdayKey, LocalizedText & { en: string }> = {
  mo: { id: 'Senin', en: 'Monday' },
  tu: { id: 'Selasa', en: 'Tuesday' },
  we: { id: 'Rabu', en: 'Wednesday' },
  th: { id: 'Kamis', en: 'Thursday' },
  fr: { id: 'Jumat', en: 'Friday' },
  sa: { id: 'Sabtu', en: 'Saturday' },
  su: { id: 'Minggu', en: 'Sunday' },
}
const MONTHS_ID = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des']
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "Sabtu 26 Des" / "Saturday 26 Dec". */
export function collectionDateText(date: LocalDate, locale: 'id' | 'en'): string {
  const day = dayNumber(date)
  const wd = WEEKDAYS[weekdayIndex(day)] as WeekdayKey
  const month = Number(date.slice(5, 7)) - 1
  const names = locale === 'en' ? MONTHS_EN : MONTHS_ID
  return `${locale === 'en' ? DAY_NAMES[wd].en : DAY_NAMES[wd].id} ${Number(date.slice(8, 10))} ${names[month]}`
}

function noteFor(
  status: Collection['status'],
  reason: LocalizedText | null,
  moved: LocalDate | null,
): LocalizedText | null {
  const name = (l: 'id' | 'en') => (reason ? ((l === 'en' ? reason.en : undefined) ?? reason.id) : '')
  switch (status) {
    case 'shifted':
      return {
        id: `${name('id')}, dipindah ke ${collectionDateText(moved as string, 'id')}`,
        en: `${name('en')}, moved to ${collectionDateText(moved as string, 'en')}`,
      }
    case 'skipped':
      return { id: `${name('id')}, tidak ada pengangkutan`, en: `${name('en')}, no collection` }
    case 'cancelled':
      return { id: `Dibatalkan: ${name('id')}`, en: `Cancelled: ${name('en')}` }
    case 'extra':
      return { id: `Pengangkutan tambahan: ${name('id')}`, en: `Extra collection: ${name('en')}` }
    default:
      return null
  }
}

/** Most days one evaluation covers. */
export const MAX_COLLECTION_DAYS = 366

/**
 * Collections of a rule on `days` local dates from `from`, holiday-shifted and with exceptions,
 * sorted by date; `skipped` and `cancelled` entries explain a missing collection. A collection
 * moved onto a date that already has one is listed once (as moved), so no date repeats among
 * collected entries. Moves cross the window's edges: a holiday just before `from` can move its
 * collection into the window.
 * @example collectionsBetween(rule, calendar, '2026-12-21', 14)
 */
export function collectionsBetween(
  rule: CollectionRule,
  calendar: HolidayCalendar | undefined,
  from: LocalDate,
  days: number,
): Collection[] {
  const first = dayNumber(from)
  if (Number.isNaN(first)) throw new RangeError('from must be YYYY-MM-DD')
  if (!Number.isInteger(days) || days < 1 || days > MAX_COLLECTION_DAYS)
    throw new RangeError(`days must be a whole number from 1 to ${MAX_COLLECTION_DAYS}`)
  const last = first + days - 1
  const kinds = new Set(rule.holidayKinds ?? HOLIDAY_KINDS)
  const byDay = indexCalendar(calendar).byDay
  const holidayOn = (day: number): Holiday | undefined => byDay.get(day)?.find((h) => kinds.has(h.kind))
  const restDays = rule.restDays ?? ['su']
  const workOptions = { weekend: restDays, holidayKinds: [...kinds] }
  const cancelled = new Map<number, LocalizedText>()
  const extras = new Map<number, LocalizedText>()
  for (const e of rule.exceptions ?? []) (e.kind === 'cancelled' ? cancelled : extras).set(dayNumber(e.date), e.reason)
  const startMin = parseWallTime(rule.start)
  const endMin = parseWallTime(rule.end)
  const make = (
    day: number,
    status: Collection['status'],
    scheduled: number,
    holiday: Holiday | null,
    reason: LocalizedText | null,
  ): Collection => ({
    date: formatDay(day),
    weekday: WEEKDAYS[weekdayIndex(day)] as WeekdayKey,
    start: rule.start,
    end: rule.end,
    startsAt: new Date(localMsToUtc(rule.zone, day * DAY_MS + startMin * MINUTE_MS)),
    endsAt: new Date(localMsToUtc(rule.zone, day * DAY_MS + endMin * MINUTE_MS)),
    status,
    collected: status === 'regular' || status === 'shifted' || status === 'extra',
    scheduledDate: formatDay(scheduled),
    holiday: holiday ? { name: holiday.name, kind: holiday.kind, verified: holiday.verified } : null,
    reason,
    note: noteFor(status, reason, formatDay(day)),
  })

  const byDate = new Map<number, Collection[]>()
  const put = (c: Collection) => {
    const day = dayNumber(c.date)
    if (day < first || day > last) return
    const list = byDate.get(day) ?? []
    if (c.collected) {
      // One collection per date: a moved one replaces the plain weekly one it lands on.
      const at = list.findIndex((x) => x.collected)
      if (at >= 0) {
        if ((list[at] as Collection).status === 'regular' && c.status !== 'regular') list[at] = c
        byDate.set(day, list)
        return
      }
    }
    list.push(c)
    byDate.set(day, list)
  }

  const weekly = new Set(rule.days.map((d) => WEEKDAYS.indexOf(d)))
  // A move reaches at most a few weeks (long holiday runs); scan that margin either side.
  const margin = 21
  for (let day = first - margin; day <= last + margin; day++) {
    if (!weekly.has(weekdayIndex(day))) continue
    const holiday = holidayOn(day)
    let target = day
    let status: Collection['status'] = 'regular'
    if (holiday && rule.onHolidays !== 'as-usual') {
      if (rule.onHolidays === 'skip') {
        put(make(day, 'skipped', day, holiday, holiday.name))
        continue
      }
      target = dayNumber(
        addWorkingDays(formatDay(day), rule.onHolidays === 'next-working-day' ? 1 : -1, calendar, workOptions),
      )
      status = 'shifted'
    }
    const reason = cancelled.get(target)
    if (reason) {
      put(make(target, 'cancelled', day, holiday ?? null, reason))
      continue
    }
    put(
      make(
        target,
        status,
        day,
        status === 'shifted' ? (holiday ?? null) : null,
        status === 'shifted' ? (holiday?.name ?? null) : null,
      ),
    )
  }
  for (const [day, reason] of extras) {
    if (cancelled.has(day)) continue
    put(make(day, 'extra', day, null, reason))
  }
  return [...byDate.keys()].sort((a, b) => a - b).flatMap((day) => byDate.get(day) as Collection[])
}

/**
 * The next `count` collections whose window has not ended at `after`, looking up to a year ahead.
 * @example nextCollections(rule, calendar, new Date(), 3)
 */
export function nextCollections(
  rule: CollectionRule,
  calendar: HolidayCalendar | undefined,
  after: Date,
  count: number,
): Collection[] {
  const out: Collection[] = []
  if (rule.days.length === 0 && !(rule.exceptions ?? []).some((e) => e.kind === 'extra')) return out
  for (const c of collectionsBetween(
    rule,
    calendar,
    formatDay(dayNumber(localDateOf(after, rule.zone)) - 1),
    MAX_COLLECTION_DAYS,
  )) {
    if (!c.collected || c.endsAt.getTime() <= after.getTime()) continue
    out.push(c)
    if (out.length >= count) break
  }
  return out
}

/** True when the rule collects on no weekday and has no extra date (no schedule published yet). */
export function hasNoCollections(rule: CollectionRule): boolean {
  return rule.days.length === 0 && !(rule.exceptions ?? []).some((e) => e.kind === 'extra')
}

export interface CollectionsICalendarOptions {
  from: LocalDate
  days: number
  summary: LocalizedText | string
  locale?: 'id' | 'en'
  location?: string | null
  url?: string | null
  /** UIDs are `${uidPrefix}-${scheduledDate}@${uidDomain}`: a moved collection updates in place. */
  uidPrefix?: string
  uidDomain?: string
  stamp?: Date
}

function localStamp(date: LocalDate, time: string): string {
  return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`
}

/**
 * RFC 5545 calendar with one VEVENT per collection over `days` local dates, holiday-shifted; the
 * reason of a moved or extra collection goes into its description.
 * @example collectionsToICalendar(rule, calendar, { from: '2026-12-01', days: 30, summary: 'Sampah Balige' })
 */
export function collectionsToICalendar(
  rule: CollectionRule,
  calendar: HolidayCalendar | undefined,
  options: CollectionsICalendarOptions,
): string {
  const locale = options.locale ?? 'id'
  const pick = (t: LocalizedText): string => (locale === 'en' ? t.en : undefined) ?? t.id
  const summary = typeof options.summary === 'string' ? options.summary : pick(options.summary)
  const stamp = `${(options.stamp ?? new Date()).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`
  const events: string[] = []
  for (const c of collectionsBetween(rule, calendar, options.from, options.days)) {
    if (!c.collected) continue
    const key = c.status === 'extra' ? `extra-${c.date}` : c.scheduledDate
    events.push(
      'BEGIN:VEVENT',
      `UID:${options.uidPrefix ?? 'angkut'}-${key}@${options.uidDomain ?? 'cerdas.invalid'}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;TZID=${rule.zone}:${localStamp(c.date, c.start)}`,
      `DTEND;TZID=${rule.zone}:${localStamp(c.date, c.end)}`,
      `SUMMARY:${escapeText(summary)}`,
      ...(c.note ? [`DESCRIPTION:${escapeText(pick(c.note))}`] : []),
      ...(options.location ? [`LOCATION:${escapeText(options.location)}`] : []),
      ...(options.url ? [`URL:${options.url}`] : []),
      'END:VEVENT',
    )
  }
  const first = dayNumber(options.from)
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Cerdas//Pengangkutan Sampah//ID',
    'CALSCALE:GREGORIAN',
    ...vtimezone(rule.zone, first, first + options.days),
    ...events,
    'END:VCALENDAR',
  ]
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}
