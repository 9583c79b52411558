import { DAY_MS, dayNumber, localMsToUtc, parseWallTime, zoneOffset } from '@cerdas/schedules'
import type { TourismEvent } from './event'
import type { EventOccurrence } from './occurrences'
import type { Venue } from './venues'

/** A local date, with its wall-clock time when known, as ISO 8601 with the zone's offset (`2026-12-01T19:30:00+07:00`). */
export function localDateTime(date: string, time: string | null, zone: string): string {
  if (!time) return date
  const utc = localMsToUtc(zone, dayNumber(date) * DAY_MS + parseWallTime(time) * 60_000)
  const offset = zoneOffset(zone, utc) / 60_000
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  const hh = String(Math.floor(abs / 60)).padStart(2, '0')
  const mm = String(abs % 60).padStart(2, '0')
  return `${date}T${time}:00${sign}${hh}:${mm}`
}

/**
 * schema.org `Event` of one occurrence (the next, or the last of a past event): dates with the
 * tenant's offset when timed, the venue as a Place with address and point, organiser, whether it
 * is free or its price, and its status.
 */
export function eventJsonLd(
  e: TourismEvent,
  occurrence: EventOccurrence,
  options: { url: string; zone: string; region: string; venue: Venue | undefined; images: string[] },
) {
  const { venue } = options
  const locality = venue?.kecamatan ?? null
  const place =
    venue && (venue.name || venue.address || locality || venue.coordinates)
      ? {
          '@type': 'Place',
          ...(venue.name ? { name: venue.name.id } : {}),
          ...(venue.url ? { url: new URL(venue.url, options.url).href } : {}),
          address: {
            '@type': 'PostalAddress',
            ...(venue.address ? { streetAddress: venue.address } : {}),
            ...(locality ? { addressLocality: locality } : {}),
            addressRegion: options.region,
            addressCountry: 'ID',
          },
          ...(venue.coordinates
            ? { geo: { '@type': 'GeoCoordinates', latitude: venue.coordinates.lat, longitude: venue.coordinates.lon } }
            : {}),
        }
      : undefined
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.name.id,
    ...(e.name.en && e.name.en !== e.name.id ? { alternateName: e.name.en } : {}),
    url: options.url,
    ...(e.description ? { description: e.description.id } : {}),
    startDate: localDateTime(occurrence.startDate, e.startTime, options.zone),
    endDate: localDateTime(occurrence.endDate, e.endTime, options.zone),
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    ...(place ? { location: place } : {}),
    ...(e.organizer ? { organizer: { '@type': 'Organization', name: e.organizer } } : {}),
    ...(e.free ? { isAccessibleForFree: true } : {}),
    ...(e.price && e.price > 0
      ? {
          isAccessibleForFree: false,
          offers: { '@type': 'Offer', price: e.price, priceCurrency: 'IDR', url: e.link ?? options.url },
        }
      : {}),
    ...(options.images.length > 0 ? { image: options.images } : {}),
  }
}
