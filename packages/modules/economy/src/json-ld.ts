import { type PhotoRef, photoUrl, photoWidths } from '@cerdas/core'
import type { SchemaOrgHours } from '@cerdas/module-schedules'
import { FACILITY_LABELS, type Facility, placeJsonLd } from '@cerdas/places'
import type { Business } from './business'
import type { Eatery } from './eatery'
import type { EateryType, LodgingType, Sector } from './labels'
import type { Lodging } from './lodging'
import { nightlyRange } from './prices'

/** Where a page is and what it shows besides the record: its address, the region and the hours. */
export interface JsonLdContext {
  /** The page's absolute address. */
  url: string
  /** The province, for addressRegion. */
  region: string
  hours?: SchemaOrgHours | null | undefined
}

/** Absolute addresses of the largest JPEG of each photo: what every reader of JSON-LD takes. */
export function photoImages(photos: readonly PhotoRef[], pageUrl: string): string[] {
  return photos.map((p) => new URL(photoUrl(p.id, photoWidths(p.width).at(-1) ?? p.width, 'jpg'), pageUrl).href)
}

const EATERY_SCHEMA_TYPES: Partial<Record<EateryType, string>> = {
  rumah_makan: 'Restaurant',
  restaurant: 'Restaurant',
  cafe: 'CafeOrCoffeeShop',
  bakery: 'Bakery',
}

/** The schema.org type of a culinary place: a subtype of FoodEstablishment where one fits. */
export const eaterySchemaType = (type: EateryType) => EATERY_SCHEMA_TYPES[type] ?? 'FoodEstablishment'

/** A culinary place as schema.org FoodEstablishment (or Restaurant, CafeOrCoffeeShop, Bakery) with cuisine and menu. */
export function eateryJsonLd(e: Eatery, at: JsonLdContext) {
  const menu = e.dishes.map((d) => ({
    '@type': 'MenuItem',
    name: d.name.id,
    ...(d.price !== null ? { offers: { '@type': 'Offer', price: d.price, priceCurrency: 'IDR' } } : {}),
    // Said only of a certified kitchen: a stated "no pork" is not a halal diet.
    ...(e.halal === 'certified' ? { suitableForDiet: 'https://schema.org/HalalDiet' } : {}),
  }))
  return placeJsonLd(eaterySchemaType(e.type), e, {
    url: at.url,
    region: at.region,
    hours: at.hours,
    images: photoImages(e.photos, at.url),
    extra: {
      ...(e.cuisine.length > 0 ? { servesCuisine: e.cuisine } : {}),
      ...(menu.length > 0 ? { hasMenu: { '@type': 'Menu', hasMenuItem: menu } } : {}),
    },
  })
}

const LODGING_SCHEMA_TYPES: Partial<Record<LodgingType, string>> = {
  hotel: 'Hotel',
  resort: 'Resort',
  guesthouse: 'BedAndBreakfast',
  homestay: 'BedAndBreakfast',
  campsite: 'Campground',
}

export const lodgingSchemaType = (type: LodgingType) => LODGING_SCHEMA_TYPES[type] ?? 'LodgingBusiness'

/** A lodging as schema.org LodgingBusiness (or Hotel, Resort, BedAndBreakfast, Campground). */
export function lodgingJsonLd(l: Lodging, at: JsonLdContext) {
  const range = nightlyRange(l)
  return placeJsonLd(lodgingSchemaType(l.type), l, {
    url: at.url,
    region: at.region,
    hours: at.hours,
    images: photoImages(l.photos, at.url),
    extra: {
      ...(range ? { priceRange: range, currenciesAccepted: 'IDR' } : {}),
      ...(l.starClass !== null ? { starRating: { '@type': 'Rating', ratingValue: l.starClass } } : {}),
      ...(l.rooms !== null ? { numberOfRooms: l.rooms } : {}),
      ...(l.checkIn ? { checkinTime: `${l.checkIn}:00` } : {}),
      ...(l.checkOut ? { checkoutTime: `${l.checkOut}:00` } : {}),
      ...(l.facilities.length > 0
        ? {
            amenityFeature: l.facilities.map((f) => ({
              '@type': 'LocationFeatureSpecification',
              name: FACILITY_LABELS[f as Facility].en ?? FACILITY_LABELS[f as Facility].id,
              value: true,
            })),
          }
        : {}),
      ...(l.bookingUrl
        ? {
            potentialAction: { '@type': 'ReserveAction', target: { '@type': 'EntryPoint', urlTemplate: l.bookingUrl } },
          }
        : {}),
    },
  })
}

/** Sectors that sell goods over a counter: schema.org Store rather than LocalBusiness. */
const STORE_SECTORS: readonly Sector[] = ['craft', 'fashion']

export const businessSchemaType = (sector: Sector) => (STORE_SECTORS.includes(sector) ? 'Store' : 'LocalBusiness')

/** A small business as schema.org LocalBusiness (or Store) with its products, links and, when public, its NIB. */
export function businessJsonLd(b: Business, at: JsonLdContext) {
  const sameAs = [b.contacts.website, b.rumahKreatifUrl, ...b.marketplaceLinks.map((m) => m.url)].filter(
    (u): u is string => typeof u === 'string',
  )
  return placeJsonLd(businessSchemaType(b.sector), b, {
    url: at.url,
    region: at.region,
    hours: at.hours,
    images: photoImages(b.photos, at.url),
    extra: {
      ...(b.legalName ? { legalName: b.legalName } : {}),
      ...(sameAs.length > 0 ? { sameAs } : {}),
      ...(b.publicNib ? { identifier: { '@type': 'PropertyValue', propertyID: 'NIB', value: b.publicNib } } : {}),
      ...(b.products.length > 0
        ? {
            makesOffer: b.products.map((name) => ({
              '@type': 'Offer',
              itemOffered: { '@type': 'Product', name },
            })),
          }
        : {}),
    },
  })
}
