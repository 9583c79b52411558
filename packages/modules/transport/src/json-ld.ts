import type { SchemaOrgTrip } from '@cerdas/schedules'
import { tripTypeOf } from './labels'
import type { Route } from './route'

type Point = { lat: number; lon: number } | null

/** The schema.org place a trip leaves from or arrives at, by mode: a boat terminal, a bus station, a place. */
function stop(type: string, name: string, area: string | null, point: Point) {
  return {
    '@type': type,
    name,
    ...(area ? { address: { '@type': 'PostalAddress', addressLocality: area, addressCountry: 'ID' } } : {}),
    ...(point ? { geo: { '@type': 'GeoCoordinates', latitude: point.lat, longitude: point.lon } } : {}),
  }
}

/**
 * The route as schema.org JSON-LD: a `BoatTrip` (ferries, speedboats), `BusTrip` (buses) or
 * `Trip`, with its terminals, provider, fares as offers and the next departures as sub-trips.
 */
export function routeJsonLd(route: Route, options: { url: string; trips: SchemaOrgTrip[] }) {
  const type = tripTypeOf(route.mode)
  const from = [route.originName, route.originKecamatan, route.originPoint] as const
  const to = [route.destinationName, route.destinationKecamatan, route.destinationPoint] as const
  const ends =
    type === 'BoatTrip'
      ? { departureBoatTerminal: stop('BoatTerminal', ...from), arrivalBoatTerminal: stop('BoatTerminal', ...to) }
      : type === 'BusTrip'
        ? { departureBusStop: stop('BusStation', ...from), arrivalBusStop: stop('BusStation', ...to) }
        : { itinerary: { '@type': 'ItemList', itemListElement: [stop('Place', ...from), stop('Place', ...to)] } }
  return {
    '@context': 'https://schema.org',
    '@type': type,
    name: route.name.id,
    ...(route.name.en ? { alternateName: route.name.en } : {}),
    url: options.url,
    ...ends,
    ...(route.operator ? { provider: { '@type': 'Organization', name: route.operator } } : {}),
    ...(route.fares.length > 0
      ? {
          offers: route.fares.map((f) => ({
            '@type': 'Offer',
            name: f.category.id,
            price: f.amount,
            priceCurrency: 'IDR',
          })),
        }
      : {}),
    ...(options.trips[0] ? { departureTime: options.trips[0].departureTime } : {}),
    ...(options.trips.length > 0 ? { subTrip: options.trips } : {}),
  }
}
