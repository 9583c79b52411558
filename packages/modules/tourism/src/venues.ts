import type { LocalizedText, TenantContext } from '@cerdas/core'
import type { Coordinates } from '@cerdas/places'
import { attraction } from './attraction'
import type { TourismEvent } from './event'

/** Where an event takes place, as pages, feeds and JSON-LD say it. */
export interface Venue {
  name: LocalizedText | null
  /** The venue's own page (an attraction's or an office's), when it has one. */
  url: string | null
  address: string | null
  kecamatan: string | null
  coordinates: Coordinates | null
}

interface PlaceRecord {
  id: string
  slug?: string | null
  name: LocalizedText
  address?: string | null
  kecamatan?: string | null
  coordinates?: Coordinates | null
}

/** The directory's office entity, when the tenant has the directory (tourism does not require it). */
function officeEntity(ctx: TenantContext) {
  if (!ctx.tenant.modules.directory) return undefined
  return ctx.modules.find((m) => m.id === 'directory')?.entities?.find((e) => e.name === 'office')
}

const asVenue = (place: PlaceRecord, url: string, event: TourismEvent): Venue => ({
  name: place.name,
  url,
  address: place.address ?? event.address,
  kecamatan: place.kecamatan ?? event.kecamatan,
  coordinates: place.coordinates ?? event.coordinates,
})

/**
 * The venue of each event by event id, read in one query per kind of venue: the attraction or
 * office it names (a venue removed since, or an office of a tenant without the directory, falls
 * back to what the event says itself), else its own name and address.
 */
export async function venuesOf(ctx: TenantContext, events: readonly TourismEvent[]): Promise<Map<string, Venue>> {
  const attractions = await attraction.byKeys(
    ctx,
    events.flatMap((e) => (e.venueAttraction ? [e.venueAttraction] : [])),
  )
  const offices = events.some((e) => e.venueOffice) ? officeEntity(ctx) : undefined
  const officeRecords = offices
    ? await offices.byKeys(
        ctx,
        events.flatMap((e) => (e.venueOffice ? [e.venueOffice] : [])),
      )
    : new Map()
  const out = new Map<string, Venue>()
  for (const e of events) {
    const a = e.venueAttraction ? attractions.get(e.venueAttraction) : undefined
    const o = e.venueOffice ? (officeRecords.get(e.venueOffice) as PlaceRecord | undefined) : undefined
    if (a) out.set(e.id, asVenue(a as PlaceRecord, attraction.urls.record(a), e))
    else if (o && offices) out.set(e.id, asVenue(o, offices.urls.record(o), e))
    else
      out.set(e.id, {
        name: e.venueName ? { id: e.venueName } : null,
        url: null,
        address: e.address,
        kecamatan: e.kecamatan,
        coordinates: e.coordinates,
      })
  }
  return out
}

/** The venue in one line: its name, address and kecamatan. */
export function venueLine(venue: Venue | undefined, locale: 'id' | 'en' = 'id'): string | null {
  if (!venue) return null
  const name = venue.name ? ((locale === 'en' ? venue.name.en : undefined) ?? venue.name.id) : null
  const parts = [name, venue.address, venue.kecamatan ? `Kec. ${venue.kecamatan}` : null].filter(Boolean)
  return parts.length > 0 ? parts.join(', ') : null
}
