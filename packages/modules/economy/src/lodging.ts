import { defineEntity, type EntityRecord, type FieldError, field, type LocalizedText } from '@cerdas/core'
import { type Contacts, type Coordinates, placeFields } from '@cerdas/places'
import { z } from '@hono/zod-openapi'
import { LODGING_TYPE_LABELS, LODGING_TYPES, type LodgingType, STARRED_LODGING_TYPES } from './labels'
import { CLOCK_TIME, MODULE_ID, placeExtras, removeHoursOf } from './place-parts'

const label = (id: string, en: string): LocalizedText => ({ id, en })

const stay = label('Menginap', 'Staying')
const clockTime = z.string().regex(CLOCK_TIME, 'a time as HH:MM').openapi({ example: '14:00' })

const fields = {
  name: field.localizedText({ label: label('Nama', 'Name'), required: true, max: 200, search: 'title' }),
  type: field.enum(LODGING_TYPES, LODGING_TYPE_LABELS, {
    label: label('Jenis', 'Type'),
    required: true,
    filterable: true,
    search: 'keywords',
    listed: true,
  }),
  ...placeFields(),
  starClass: field.number({
    label: label('Kelas bintang', 'Star class'),
    integer: true,
    min: 1,
    maxValue: 5,
    section: stay,
    help: label('Hanya untuk hotel berbintang resmi.', 'Only for officially classified hotels.'),
  }),
  priceMin: field.money({
    label: label('Harga kamar terendah per malam (Rp)', 'Lowest room price per night (IDR)'),
    maxValue: 1_000_000_000,
    help: label(
      'Hanya dari sumber yang bisa disebut (situs, daftar harga); selain itu kosongkan.',
      'Only from a source you can cite (website, price list); otherwise leave it empty.',
    ),
  }),
  priceMax: field.money({
    label: label('Harga kamar tertinggi per malam (Rp)', 'Highest room price per night (IDR)'),
    maxValue: 1_000_000_000,
  }),
  rooms: field.number({ label: label('Jumlah kamar', 'Rooms'), integer: true, min: 1, maxValue: 10_000 }),
  checkIn: field.text({
    label: label('Check-in mulai', 'Check-in from'),
    max: 5,
    input: clockTime,
    help: label('Jam 24, misalnya 14:00.', '24-hour clock, e.g. 14:00.'),
  }),
  checkOut: field.text({ label: label('Check-out paling lambat', 'Check-out by'), max: 5, input: clockTime }),
  bookingUrl: field.url({
    label: label('Tautan pemesanan', 'Booking link'),
    help: label(
      'Situs pemesanan milik penginapan atau halamannya di agen perjalanan.',
      "The lodging's own booking page or its page on a travel site.",
    ),
  }),
  ...placeExtras(),
}

export type Lodging = Omit<EntityRecord<typeof fields>, 'contacts' | 'coordinates'> & {
  slug: string
  contacts: Contacts
  coordinates: Coordinates | null
}

/** A star class only on a hotel; a price range that does not run backwards (on the merged record). */
export function lodgingProblems(values: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = []
  if (typeof values.starClass === 'number' && !STARRED_LODGING_TYPES.includes(values.type as LodgingType))
    errors.push({ pointer: '/starClass', message: 'only a hotel has a star class' })
  if (typeof values.priceMin === 'number' && typeof values.priceMax === 'number' && values.priceMax < values.priceMin)
    errors.push({ pointer: '/priceMax', message: 'must be at least priceMin' })
  return errors
}

/**
 * A place to stay (hotel, resort, guesthouse, homestay in a desa wisata): class, room prices per
 * night from a citable source, rooms, facilities, check-in/out and how to book (phone, WhatsApp,
 * link). The slug is fixed: it is the hours' owner key (`economy/lodging/<slug>`).
 */
export const lodging = defineEntity({
  module: MODULE_ID,
  name: 'lodging',
  table: 'economy_lodgings',
  idPrefix: 'ldg',
  title: label('Penginapan', 'Lodgings'),
  noun: label('penginapan', 'lodgings'),
  fields,
  slug: { from: 'name', fixed: true },
  order: { field: 'name', direction: 'asc' },
  api: {
    path: '/economy/lodgings',
    tag: 'Economy',
    schema: 'Lodging',
    routes: ['get', 'create', 'update', 'delete', 'verify'],
  },
  page: '/penginapan',
  hooks: {
    check: async (_ctx, values) => lodgingProblems(values),
    beforeDelete: removeHoursOf('lodging', 'economy_lodgings'),
  },
})
