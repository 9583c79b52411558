import type { LocalizedText } from '@cerdas/core'
import type { SchemaOrgHours } from '@cerdas/module-schedules'
import type { Contacts } from './contacts'
import type { Coordinates } from './coordinates'
import { PRICE_LEVEL_SIGNS, type PriceLevel } from './vocabulary'

/** What a place record holds that schema.org can say. */
export interface PlaceForJsonLd {
  name: LocalizedText
  description?: LocalizedText | null | undefined
  address?: string | null | undefined
  kecamatan?: string | null | undefined
  desa?: string | null | undefined
  coordinates?: Coordinates | null | undefined
  contacts?: Partial<Contacts> | undefined
  priceLevel?: PriceLevel | null | undefined
  photos?: readonly { id: string }[] | undefined
}

/**
 * schema.org JSON-LD of a place of the given type (TouristAttraction, FoodEstablishment,
 * LodgingBusiness, LocalBusiness, ...): name, address with kecamatan and region, coordinates,
 * contacts, price range, images (absolute URLs the caller makes) and opening hours; `extra` adds
 * what only that type says (servesCuisine, starRating, isAccessibleForFree).
 * @example placeJsonLd('TouristAttraction', a, { url, region: 'Sumatera Utara', hours, images })
 */
export function placeJsonLd(
  type: string,
  place: PlaceForJsonLd,
  options: {
    url: string
    region: string
    hours?: SchemaOrgHours | null | undefined
    images?: string[] | undefined
    extra?: Record<string, unknown> | undefined
  },
) {
  const { url, region, hours, images, extra } = options
  const locality = [place.desa, place.kecamatan].filter(Boolean).join(', ')
  return {
    '@context': 'https://schema.org',
    '@type': type,
    name: place.name.id,
    ...(place.name.en && place.name.en !== place.name.id ? { alternateName: place.name.en } : {}),
    url,
    ...(place.description ? { description: place.description.id } : {}),
    ...(place.address || locality
      ? {
          address: {
            '@type': 'PostalAddress',
            ...(place.address ? { streetAddress: place.address } : {}),
            ...(locality ? { addressLocality: locality } : {}),
            addressRegion: region,
            addressCountry: 'ID',
          },
        }
      : {}),
    ...(place.coordinates
      ? { geo: { '@type': 'GeoCoordinates', latitude: place.coordinates.lat, longitude: place.coordinates.lon } }
      : {}),
    ...(place.contacts?.phone ? { telephone: place.contacts.phone } : {}),
    ...(place.contacts?.email ? { email: place.contacts.email } : {}),
    ...(place.contacts?.website ? { sameAs: place.contacts.website } : {}),
    ...(place.priceLevel ? { priceRange: PRICE_LEVEL_SIGNS[place.priceLevel] } : {}),
    ...(images && images.length > 0 ? { image: images } : {}),
    ...(hours ?? {}),
    ...extra,
  }
}
