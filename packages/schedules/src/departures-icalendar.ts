import { departureDays, MAX_DEPARTURE_DAYS } from './departures'
import type { DepartureTimetable } from './departures-schema'
import { escapeText, foldLine, vtimezone } from './icalendar'
import { dayNumber, type LocalDate } from './local-time'
import type { HolidayCalendar, LocalizedText } from './schema'

export interface DeparturesICalendarOptions {
  /** First local date and number of days covered (at most a year). */
  from: LocalDate
  days: number
  /** Event title, e.g. "Kapal Ajibata – Tomok". */
  summary: LocalizedText | string
  locale?: 'id' | 'en'
  /** Trip length: each event lasts this long; without it an event is the departure instant. */
  durationMinutes?: number | null
  /** Where it leaves from (the pier or terminal). */
  location?: string | null
  /** A page about the route. */
  url?: string | null
  /** UIDs are `${uidPrefix}-${date}-${HHMM}@${uidDomain}`: stable per departure, so feeds update in place. */
  uidPrefix?: string
  uidDomain?: string
  /** DTSTAMP; pass a fixed value for reproducible output. Default: now. */
  stamp?: Date
  prodId?: string
}

function utcStamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`
}

/**
 * RFC 5545 calendar with one VEVENT per departure over `days` local dates from `from`, after
 * exceptions, holidays and overrides (a departure timetable has no break or closing to recur
 * around, and listing each departure keeps holiday days exact in every calendar app). A
 * holiday's or exception's name goes into the event's description.
 * @example departuresToICalendar(ferry, calendar, { from: '2026-08-01', days: 30, summary: 'Ajibata – Tomok' })
 */
export function departuresToICalendar(
  timetable: DepartureTimetable,
  calendar: HolidayCalendar | undefined,
  options: DeparturesICalendarOptions,
): string {
  if (!Number.isInteger(options.days) || options.days < 1 || options.days > MAX_DEPARTURE_DAYS)
    throw new RangeError(`days must be a whole number from 1 to ${MAX_DEPARTURE_DAYS}`)
  const first = dayNumber(options.from)
  if (Number.isNaN(first)) throw new RangeError('from must be YYYY-MM-DD')
  const locale = options.locale ?? 'id'
  const pick = (t: LocalizedText): string => (locale === 'en' ? t.en : undefined) ?? t.id
  const summary = typeof options.summary === 'string' ? options.summary : pick(options.summary)
  const stamp = utcStamp((options.stamp ?? new Date()).getTime())
  const zone = timetable.zone
  const events: string[] = []
  for (const day of departureDays(timetable, options.from, calendar, options.days)) {
    const note = day.reason.label ? pick(day.reason.label) : undefined
    for (const d of day.departures) {
      const local = `${day.date.replace(/-/g, '')}T${d.time.replace(':', '')}00`
      events.push(
        'BEGIN:VEVENT',
        `UID:${options.uidPrefix ?? 'berangkat'}-${day.date}-${d.time.replace(':', '')}@${options.uidDomain ?? 'cerdas.invalid'}`,
        `DTSTAMP:${stamp}`,
        `DTSTART;TZID=${zone}:${local}`,
        ...(options.durationMinutes ? [`DURATION:PT${options.durationMinutes}M`] : []),
        `SUMMARY:${escapeText(summary)}`,
        ...(note ? [`DESCRIPTION:${escapeText(note)}`] : []),
        ...(options.location ? [`LOCATION:${escapeText(options.location)}`] : []),
        ...(options.url ? [`URL:${options.url}`] : []),
        'END:VEVENT',
      )
    }
  }
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${options.prodId ?? '-//Cerdas//Keberangkatan//ID'}`,
    'CALSCALE:GREGORIAN',
    ...vtimezone(zone, first, first + options.days),
    ...events,
    'END:VCALENDAR',
  ]
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}
