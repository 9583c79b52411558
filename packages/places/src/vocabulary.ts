import type { LocalizedText } from '@cerdas/core'

const label = (id: string, en: string): LocalizedText => ({ id, en })

/** How dear a place is, as visitors compare them; the amounts themselves stay in each record's fees or prices. */
export const PRICE_LEVELS = ['budget', 'moderate', 'upscale', 'luxury'] as const
export type PriceLevel = (typeof PRICE_LEVELS)[number]

export const PRICE_LEVEL_LABELS: Record<PriceLevel, LocalizedText> = {
  budget: label('Murah', 'Budget'),
  moderate: label('Sedang', 'Moderate'),
  upscale: label('Agak mahal', 'Upscale'),
  luxury: label('Mewah', 'Luxury'),
}

/** schema.org `priceRange` as guide books write it, one sign per level. */
export const PRICE_LEVEL_SIGNS: Record<PriceLevel, string> = {
  budget: 'Rp',
  moderate: 'RpRp',
  upscale: 'RpRpRp',
  luxury: 'RpRpRpRp',
}

/**
 * Facilities a visitor filters places by, one vocabulary for attractions, eateries, lodgings and
 * businesses so "musholla" or "parkir" means the same everywhere.
 */
export const FACILITIES = [
  'parking',
  'toilet',
  'prayer_room',
  'wifi',
  'eating_place',
  'souvenir_shop',
  'guide',
  'wheelchair_access',
  'accessible_toilet',
  'qris',
  'card_payment',
  'air_conditioning',
  'hot_water',
  'swimming_pool',
  'meeting_room',
  'playground',
  'changing_room',
  'boat_rental',
  'camping',
  'lake_view',
] as const
export type Facility = (typeof FACILITIES)[number]

export const FACILITY_LABELS: Record<Facility, LocalizedText> = {
  parking: label('Parkir', 'Parking'),
  toilet: label('Toilet', 'Toilets'),
  prayer_room: label('Musala', 'Prayer room'),
  wifi: label('Wi-Fi', 'Wi-Fi'),
  eating_place: label('Tempat makan', 'Place to eat'),
  souvenir_shop: label('Toko suvenir', 'Souvenir shop'),
  guide: label('Pemandu', 'Guide'),
  wheelchair_access: label('Akses kursi roda', 'Wheelchair access'),
  accessible_toilet: label('Toilet difabel', 'Accessible toilet'),
  qris: label('Bayar dengan QRIS', 'QRIS payment'),
  card_payment: label('Bayar dengan kartu', 'Card payment'),
  air_conditioning: label('AC', 'Air conditioning'),
  hot_water: label('Air panas', 'Hot water'),
  swimming_pool: label('Kolam renang', 'Swimming pool'),
  meeting_room: label('Ruang rapat', 'Meeting room'),
  playground: label('Taman bermain', 'Playground'),
  changing_room: label('Ruang ganti', 'Changing room'),
  boat_rental: label('Sewa perahu', 'Boat rental'),
  camping: label('Area berkemah', 'Camping'),
  lake_view: label('Pemandangan danau', 'Lake view'),
}
