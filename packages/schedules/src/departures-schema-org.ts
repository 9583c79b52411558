import type { Departure } from './departures'
import { MINUTE_MS } from './local-time'

/** The schema.org trip types a timetable maps to: BoatTrip (ferries), BusTrip (buses), else Trip. */
export type TripType = 'BoatTrip' | 'BusTrip' | 'Trip'

/** One departure as a schema.org trip for JSON-LD (`subTrip` of the route). */
export interface SchemaOrgTrip {
  '@type': TripType
  departureTime: string
  arrivalTime?: string
}

/**
 * Departures as schema.org trips with their departure instant (ISO with offset `Z`) and, when the
 * trip's length is known, the arrival instant.
 * @example departureTrips(nextDepartures(ferry, now, 5, calendar), 'BoatTrip', 45)
 */
export function departureTrips(
  departures: readonly Departure[],
  type: TripType,
  durationMinutes?: number | null,
): SchemaOrgTrip[] {
  return departures.map((d) => ({
    '@type': type,
    departureTime: d.at.toISOString(),
    ...(durationMinutes ? { arrivalTime: new Date(d.at.getTime() + durationMinutes * MINUTE_MS).toISOString() } : {}),
  }))
}
