import { field, type LocalizedText } from '@cerdas/core'
import { contactsStorage } from './contacts'
import { coordinatesStorage } from './coordinates'
import { FACILITIES, FACILITY_LABELS, PRICE_LEVEL_LABELS, PRICE_LEVELS } from './vocabulary'

const label = (id: string, en: string): LocalizedText => ({ id, en })

/**
 * The fields every place shares (an attraction, an eatery, a lodging, a business): where it is,
 * how to reach the people there, how dear it is, what it offers and its tags. Spread them into an
 * entity's fields so they are stored, validated, filtered, edited and exported the same way
 * everywhere; the hours come from the schedules module by the place's owner reference
 * ({@link placeOwner}), its verification from the SDK.
 * @example fields: { name, category, ...placeFields(), description }
 */
export function placeFields() {
  const location = label('Lokasi', 'Location')
  return {
    address: field.longText({ label: label('Alamat', 'Address'), max: 500, section: location }),
    kecamatan: field.text({
      label: label('Kecamatan', 'District'),
      max: 100,
      search: 'keywords',
      filterable: true,
      listed: true,
    }),
    desa: field.text({ label: label('Desa/kelurahan', 'Village'), max: 100, search: 'keywords' }),
    coordinates: field.custom({ label: label('Koordinat', 'Coordinates'), custom: coordinatesStorage }),
    contacts: field.custom({
      label: label('Kontak', 'Contacts'),
      required: true,
      default: {},
      custom: contactsStorage,
    }),
    priceLevel: field.enum(PRICE_LEVELS, PRICE_LEVEL_LABELS, {
      label: label('Tingkat harga', 'Price level'),
      filterable: true,
      section: label('Fasilitas dan harga', 'Facilities and prices'),
    }),
    facilities: field.lines({
      label: label('Fasilitas', 'Facilities'),
      values: FACILITIES,
      labels: FACILITY_LABELS,
      filterable: true,
    }),
    tags: field.lines({
      label: label('Tag', 'Tags'),
      max: 40,
      maxValue: 20,
      search: 'keywords',
      help: label('Kata kunci pencarian, satu per baris.', 'Search words, one per line.'),
    }),
  }
}

/** The schedules owner reference of a place: its module, entity and slug (`tourism/attraction/batu-gantung`). */
export function placeOwner(module: string, type: string, place: { slug: string }) {
  return { module, type, id: place.slug }
}
