/** Dependency-free constants, safe to import from pages. */

export const TRANSPORT_MODES = ['ferry', 'car_ferry', 'speedboat', 'bus', 'travel_van', 'other'] as const
export type TransportMode = (typeof TRANSPORT_MODES)[number]

export const TRANSPORT_MODE_LABELS = {
  ferry: { id: 'Kapal penumpang', en: 'Passenger ferry' },
  car_ferry: { id: 'Kapal feri (KMP)', en: 'Car ferry' },
  speedboat: { id: 'Speedboat', en: 'Speedboat' },
  bus: { id: 'Bus', en: 'Bus' },
  travel_van: { id: 'Travel (minibus)', en: 'Travel van' },
  other: { id: 'Lainnya', en: 'Other' },
} as const

export const FARE_KINDS = ['passenger', 'vehicle'] as const

export const FARE_KIND_LABELS = {
  passenger: { id: 'Penumpang', en: 'Passenger' },
  vehicle: { id: 'Kendaraan', en: 'Vehicle' },
} as const

/** The schema.org type of a trip on a route: boats and buses have their own, the rest are Trips. */
export function tripTypeOf(mode: TransportMode): 'BoatTrip' | 'BusTrip' | 'Trip' {
  if (mode === 'ferry' || mode === 'car_ferry' || mode === 'speedboat') return 'BoatTrip'
  if (mode === 'bus') return 'BusTrip'
  return 'Trip'
}
