import { dayNumber, escapeText, foldLine, formatDay, vtimezone } from '@cerdas/schedules'
import type { AgendaEntry } from './agenda'

export interface AgendaICalendarOptions {
  /** The tenant's IANA zone: timed entries carry it as TZID. */
  zone: string
  /** UIDs are `<entry id>@<uidDomain>`: stable across edits, so calendars update in place. */
  uidDomain: string
  locale: 'id' | 'en'
  /** Where it takes place, in one line. */
  locationOf(entry: AgendaEntry): string | null
  /** The kind of an entry as a category word. */
  categoryOf(entry: AgendaEntry): string
  /** Calendar name (X-WR-CALNAME). */
  name: string
}

const compact = (date: string) => date.replace(/-/g, '')
const utcStamp = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`
const localStamp = (date: string, time: string) => `${compact(date)}T${time.replace(':', '')}00`
const dayAfter = (date: string) => formatDay(dayNumber(date) + 1)

/** DTSTART/DTEND of an entry: local times with TZID, or whole days as VALUE=DATE. */
function datesOf(e: AgendaEntry, zone: string): string[] {
  const last = e.endDate ?? e.startDate
  if (!e.startTime)
    // DTEND of an all-day entry is the day after its last (RFC 5545 3.6.1).
    return [`DTSTART;VALUE=DATE:${compact(e.startDate)}`, `DTEND;VALUE=DATE:${compact(dayAfter(last))}`]
  const start = `DTSTART;TZID=${zone}:${localStamp(e.startDate, e.startTime)}`
  if (e.endTime) return [start, `DTEND;TZID=${zone}:${localStamp(last, e.endTime)}`]
  // Several days without an end time last until the last one is over; one day is a moment.
  return last === e.startDate ? [start] : [start, `DTEND;TZID=${zone}:${compact(dayAfter(last))}T000000`]
}

function veventOf(e: AgendaEntry, options: AgendaICalendarOptions): string[] {
  const pick = (t: { id: string; en?: string | undefined } | null) =>
    t ? ((options.locale === 'en' ? t.en : undefined) ?? t.id) : null
  const summary = pick(e.summary)
  const participants = e.participants.length > 0 ? e.participants.join(', ') : null
  const description = [
    summary,
    participants ? `${options.locale === 'en' ? 'Participants' : 'Peserta'}: ${participants}` : null,
  ]
    .filter(Boolean)
    .join('\n\n')
  const location = options.locationOf(e)
  const updated = utcStamp(Date.parse(e.updatedAt))
  return [
    'BEGIN:VEVENT',
    `UID:${e.id}@${options.uidDomain}`,
    // Without METHOD, DTSTAMP is when the entry was last revised: the feed stays the same until it is.
    `DTSTAMP:${updated}`,
    `LAST-MODIFIED:${updated}`,
    ...datesOf(e, options.zone),
    `SUMMARY:${escapeText(pick(e.title) ?? e.title.id)}`,
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    `CATEGORIES:${escapeText(options.categoryOf(e))}`,
    ...e.materials.map((m) => `ATTACH:${m.url}`),
    // Dates the regency has not confirmed (read from the press, say) are tentative.
    ...(e.verification.verified ? [] : ['STATUS:TENTATIVE']),
    'END:VEVENT',
  ]
}

/**
 * RFC 5545 calendar of agenda entries with the schedules engine's text escaping, line folding and
 * VTIMEZONE: all-day entries as VALUE=DATE, timed ones with the tenant's TZID; CRLF line endings.
 * @example agendaToICalendar(entries, { zone: 'Asia/Jakarta', uidDomain: 'toba.localhost', locale: 'id', ... })
 */
export function agendaToICalendar(entries: readonly AgendaEntry[], options: AgendaICalendarOptions): string {
  const timed = entries.filter((e) => e.startTime)
  const days = timed.map((e) => dayNumber(e.startDate))
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Cerdas//Agenda Kota Cerdas//ID',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    ...(timed.length > 0 ? vtimezone(options.zone, Math.min(...days), Math.max(...days) + 31) : []),
    ...entries.flatMap((e) => veventOf(e, options)),
    'END:VCALENDAR',
  ]
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}
