import type { LocalizedText } from '@cerdas/core'

const label = (id: string, en: string): LocalizedText => ({ id, en })

/** Kinds of culinary place, as visitors tell them apart around the lake. */
export const EATERY_TYPES = [
  'rumah_makan',
  'restaurant',
  'cafe',
  'warung',
  'lapo',
  'bakery',
  'street_food',
  'other',
] as const
export type EateryType = (typeof EATERY_TYPES)[number]

export const EATERY_TYPE_LABELS: Record<EateryType, LocalizedText> = {
  rumah_makan: label('Rumah makan', 'Eatery (rumah makan)'),
  restaurant: label('Restoran', 'Restaurant'),
  cafe: label('Kafe/kedai kopi', 'Café'),
  warung: label('Warung', 'Warung (small eatery)'),
  // A lapo is the Batak eatery and tavern: tuak, saksang and arsik are typical there.
  lapo: label('Lapo', 'Lapo (Batak eatery and tavern)'),
  bakery: label('Toko roti/kue', 'Bakery'),
  street_food: label('Jajanan kaki lima', 'Street food'),
  other: label('Lainnya', 'Other'),
}

/**
 * What an eatery states about halal food, as recorded from the place or its certificate: never
 * guessed, so `unknown` until someone has seen it.
 */
export const HALAL_STATUSES = ['unknown', 'certified', 'muslim_owned', 'no_pork_claimed', 'not_halal'] as const
export type HalalStatus = (typeof HALAL_STATUSES)[number]

export const HALAL_STATUS_LABELS: Record<HalalStatus, LocalizedText> = {
  unknown: label('Tidak diketahui', 'Unknown'),
  certified: label('Bersertifikat halal', 'Halal certified'),
  muslim_owned: label('Rumah Makan Muslim', 'Muslim-owned ("Rumah Makan Muslim")'),
  no_pork_claimed: label('Menyatakan tanpa babi (tidak bersertifikat)', 'States no pork (not certified)'),
  not_halal: label('Tidak halal', 'Not halal'),
}

/** The statuses a visitor asking for halal food is looking for: a certificate or a Muslim-run kitchen. */
export const HALAL_FILTER_STATUSES: readonly HalalStatus[] = ['certified', 'muslim_owned']

export const PORK_STATUSES = ['unknown', 'yes', 'no'] as const
export type PorkStatus = (typeof PORK_STATUSES)[number]

export const PORK_STATUS_LABELS: Record<PorkStatus, LocalizedText> = {
  unknown: label('Tidak diketahui', 'Unknown'),
  yes: label('Menyajikan babi', 'Serves pork'),
  no: label('Tidak menyajikan babi', 'Does not serve pork'),
}

export const LODGING_TYPES = ['hotel', 'resort', 'guesthouse', 'homestay', 'inn', 'villa', 'campsite', 'other'] as const
export type LodgingType = (typeof LODGING_TYPES)[number]

export const LODGING_TYPE_LABELS: Record<LodgingType, LocalizedText> = {
  hotel: label('Hotel', 'Hotel'),
  resort: label('Resor', 'Resort'),
  guesthouse: label('Wisma/guest house', 'Guesthouse'),
  homestay: label('Homestay', 'Homestay'),
  inn: label('Losmen/penginapan', 'Inn (losmen)'),
  villa: label('Vila', 'Villa'),
  campsite: label('Bumi perkemahan', 'Campsite'),
  other: label('Lainnya', 'Other'),
}

/** Lodging types that hold a star class (Indonesian hotel classification). */
export const STARRED_LODGING_TYPES: readonly LodgingType[] = ['hotel']

export const SECTORS = [
  'food_beverage',
  'craft',
  'fashion',
  'agriculture',
  'fishery',
  'services',
  'tourism_services',
  'other',
] as const
export type Sector = (typeof SECTORS)[number]

export const SECTOR_LABELS: Record<Sector, LocalizedText> = {
  food_beverage: label('Makanan dan minuman', 'Food and drink'),
  craft: label('Kerajinan (mis. tenun ulos)', 'Crafts (e.g. ulos weaving)'),
  fashion: label('Fesyen', 'Fashion'),
  agriculture: label('Pertanian', 'Agriculture'),
  fishery: label('Perikanan', 'Fishery'),
  services: label('Jasa', 'Services'),
  tourism_services: label('Jasa wisata', 'Tourism services'),
  other: label('Lainnya', 'Other'),
}

export const CERTIFICATE_KINDS = ['halal', 'pirt', 'bpom', 'sni', 'other'] as const
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number]

export const CERTIFICATE_KIND_LABELS: Record<CertificateKind, LocalizedText> = {
  halal: label('Halal', 'Halal'),
  pirt: label('PIRT (pangan industri rumah tangga)', 'PIRT (home-industry food permit)'),
  bpom: label('BPOM', 'BPOM (food and drug agency)'),
  sni: label('SNI', 'SNI (national standard)'),
  other: label('Lainnya', 'Other'),
}
