import {
  DAY_MS,
  dayNumber,
  escapeText,
  foldLine,
  formatDay,
  localMsToUtc,
  vtimezone,
  weekdayIndex,
} from '@cerdas/schedules'
import type { TourismEvent } from './event'
import { WEEKDAY_KEYS } from './labels'
import { firstOccurrence, occurrenceLength } from './occurrences'

export interface EventsICalendarOptions {
  /** The tenant's IANA zone: timed events carry it as TZID. */
  zone: string
  /** UIDs are `<event id>@<uidDomain>`: one per event, stable across edits, so calendars update in place. */
  uidDomain: string
  locale: 'id' | 'en'
  /** The event's page, absolute. */
  urlOf(event: TourismEvent): string
  /** Where it takes place, in one line. */
  locationOf?(event: TourismEvent): string | null
  /** Calendar name (X-WR-CALNAME). */
  name?: string
}

const compact = (date: string) => date.replace(/-/g, '')
const utcStamp = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`
const localStamp = (date: string, time: string) => `${compact(date)}T${time.replace(':', '')}00`

/** RRULE of a repeating event whose first occurrence starts on `first`; UNTIL as RFC 5545 wants it for the DTSTART's type. */
function rruleOf(e: TourismEvent, first: string, zone: string): string | null {
  if (e.recurrence === 'none') return null
  const [, month, day] = first.split('-').map(Number) as [number, number, number]
  const rule =
    e.recurrence === 'weekly'
      ? // The first occurrence already falls on the event's weekday.
        `FREQ=WEEKLY;BYDAY=${(WEEKDAY_KEYS[weekdayIndex(dayNumber(first))] ?? 'mo').toUpperCase()}`
      : e.recurrence === 'monthly'
        ? `FREQ=MONTHLY;BYMONTHDAY=${day}`
        : `FREQ=YEARLY;BYMONTH=${month};BYMONTHDAY=${day}`
  if (!e.recurrenceUntil) return `RRULE:${rule}`
  // A timed DTSTART with TZID takes UNTIL in UTC: the last second of that local date.
  const until = e.startTime
    ? utcStamp(localMsToUtc(zone, (dayNumber(e.recurrenceUntil) + 1) * DAY_MS) - 1000)
    : compact(e.recurrenceUntil)
  return `RRULE:${rule};UNTIL=${until}`
}

/** The content lines of one event, unfolded; none for an event with no occurrence at all. */
function veventOf(e: TourismEvent, options: EventsICalendarOptions): string[] {
  const first = firstOccurrence(e)
  if (!first) return []
  const pick = (t: { id: string; en?: string | undefined } | null) =>
    t ? ((options.locale === 'en' ? t.en : undefined) ?? t.id) : null
  const zone = options.zone
  const lastDay = formatDay(dayNumber(first.startDate) + occurrenceLength(e))
  const dates = e.startTime
    ? [
        `DTSTART;TZID=${zone}:${localStamp(first.startDate, e.startTime)}`,
        ...(e.endTime
          ? [`DTEND;TZID=${zone}:${localStamp(lastDay, e.endTime)}`]
          : lastDay !== first.startDate
            ? // A multi-day event without an end time lasts until its last day is over.
              [`DTEND;TZID=${zone}:${compact(formatDay(dayNumber(lastDay) + 1))}T000000`]
            : []),
      ]
    : [
        `DTSTART;VALUE=DATE:${compact(first.startDate)}`,
        // DTEND of an all-day event is the day after its last (RFC 5545 3.6.1).
        `DTEND;VALUE=DATE:${compact(formatDay(dayNumber(lastDay) + 1))}`,
      ]
  const rrule = rruleOf(e, first.startDate, zone)
  const description = pick(e.description)
  const location = options.locationOf?.(e) ?? null
  return [
    'BEGIN:VEVENT',
    `UID:${e.id}@${options.uidDomain}`,
    // Without METHOD, DTSTAMP is when the event was last revised: the feed stays the same until it is.
    `DTSTAMP:${utcStamp(Date.parse(e.updatedAt))}`,
    `LAST-MODIFIED:${utcStamp(Date.parse(e.updatedAt))}`,
    ...dates,
    ...(rrule ? [rrule] : []),
    `SUMMARY:${escapeText(pick(e.name) ?? e.name.id)}`,
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    ...(e.coordinates ? [`GEO:${e.coordinates.lat};${e.coordinates.lon}`] : []),
    `CATEGORIES:${e.category.toUpperCase()}`,
    `URL:${options.urlOf(e)}`,
    ...(e.verification.verified ? [] : ['STATUS:TENTATIVE']),
    'END:VEVENT',
  ]
}

/**
 * RFC 5545 calendar of events: one VEVENT per event (a repeating one with its RRULE), all-day
 * events as VALUE=DATE, timed ones with the tenant's TZID and its VTIMEZONE; CRLF line endings,
 * lines folded at 75 octets with the schedules engine's helpers. Unverified events are TENTATIVE.
 * @example eventsToICalendar(events, { zone: 'Asia/Jakarta', uidDomain: 'toba.localhost', locale: 'id', urlOf })
 */
export function eventsToICalendar(events: readonly TourismEvent[], options: EventsICalendarOptions): string {
  const vevents = events.flatMap((e) => veventOf(e, options))
  const timed = events.filter((e) => e.startTime)
  const days = timed.map((e) => dayNumber(e.startDate))
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Cerdas//Acara//ID',
    'CALSCALE:GREGORIAN',
    ...(options.name ? [`X-WR-CALNAME:${escapeText(options.name)}`] : []),
    ...(timed.length > 0 ? vtimezone(options.zone, Math.min(...days), Math.max(...days) + 366) : []),
    ...vevents,
    'END:VCALENDAR',
  ]
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}
