import { defineEntity, type EntityRecord, field, type LocalizedText } from '@cerdas/core'
import { type Contacts, contactsStorage } from '@cerdas/places'
import type { DepartureTimetable } from '@cerdas/schedules'
import { FARE_KIND_LABELS, FARE_KINDS, TRANSPORT_MODE_LABELS, TRANSPORT_MODES } from './labels'
import { buildTimetable, emptyTimetable, type TimetableInput, timetableStorage } from './timetable'

const label = (id: string, en: string): LocalizedText => ({ id, en })

const origin = label('Asal', 'From')
const destination = label('Tujuan', 'To')

const fields = {
  name: field.localizedText({ label: label('Nama rute', 'Route name'), required: true, max: 200, search: 'title' }),
  mode: field.enum(TRANSPORT_MODES, TRANSPORT_MODE_LABELS, {
    label: label('Moda', 'Mode'),
    required: true,
    filterable: true,
    search: 'keywords',
    listed: true,
  }),
  operator: field.text({ label: label('Operator', 'Operator'), max: 200, search: 'keywords' }),
  originName: field.text({
    label: label('Berangkat dari (pelabuhan/terminal)', 'Departs from (pier/terminal)'),
    required: true,
    max: 200,
    search: 'keywords',
    filterable: true,
    listed: true,
    section: origin,
  }),
  originKecamatan: field.text({
    label: label('Kecamatan asal', 'District of departure'),
    max: 100,
    search: 'keywords',
    filterable: true,
  }),
  originPoint: field.geoPoint({ label: label('Titik keberangkatan', 'Departure point') }),
  destinationName: field.text({
    label: label('Tujuan', 'Destination'),
    required: true,
    max: 200,
    search: 'keywords',
    listed: true,
    section: destination,
  }),
  destinationKecamatan: field.text({
    label: label('Kecamatan/kabupaten tujuan', 'District of arrival'),
    max: 100,
    search: 'keywords',
  }),
  destinationPoint: field.geoPoint({ label: label('Titik tujuan', 'Arrival point') }),
  durationMinutes: field.number({
    label: label('Lama perjalanan (menit)', 'Trip length (minutes)'),
    integer: true,
    min: 1,
    maxValue: 2880,
    section: label('Perjalanan', 'Trip'),
  }),
  fares: field.list({
    label: label('Tarif', 'Fares'),
    rowLabel: label('Tarif', 'Fare'),
    maxValue: 40,
    help: label('Isi hanya tarif dari sumber resmi.', 'Enter only fares from an official source.'),
    of: {
      kind: field.enum(FARE_KINDS, FARE_KIND_LABELS, { label: label('Jenis', 'Kind'), required: true }),
      category: field.localizedText({
        label: label('Golongan (dewasa, anak, sepeda motor, …)', 'Category (adult, child, motorbike, …)'),
        required: true,
        max: 100,
      }),
      amount: field.money({ label: label('Tarif (Rp)', 'Fare (IDR)'), required: true, maxValue: 100_000_000 }),
    },
  }),
  timetable: field.custom({
    label: label('Jadwal keberangkatan', 'Departure timetable'),
    required: true,
    default: {},
    custom: timetableStorage,
  }),
  bookingInfo: field.localizedText({
    label: label('Cara memesan', 'How to book'),
    max: 2000,
    long: true,
    section: label('Pemesanan dan kontak', 'Booking and contacts'),
  }),
  // The operator's contacts, kept as every place keeps them (one column each).
  contacts: field.custom({ label: label('Kontak', 'Contacts'), required: true, default: {}, custom: contactsStorage }),
  notes: field.localizedText({ label: label('Catatan', 'Notes'), max: 5000, long: true, search: 'body' }),
  photos: field.photos({ label: label('Foto', 'Photos'), max: 8, section: label('Foto', 'Photos') }),
  sourceNote: field.longText({
    label: label('Sumber data', 'Data source'),
    max: 2000,
    vouched: false,
    help: label(
      'Dari mana rute, jadwal, dan tarif ini diambil (tautan, nama dokumen, tanggal).',
      'Where this route, its timetable and fares come from (link, document, date).',
    ),
  }),
}

export type { Contacts }

export type Route = Omit<EntityRecord<typeof fields>, 'contacts' | 'timetable'> & {
  slug: string
  contacts: Contacts
  timetable: DepartureTimetable
}

/**
 * A line (a ferry crossing, a bus to an airport) with its departure timetable, evaluated by the
 * schedule engine against the tenant's holiday calendar (ADR 108). Editable by the living team
 * and admins: the module's dimension limits the generated permissions.
 */
export const route = defineEntity({
  module: 'transport',
  name: 'route',
  table: 'transport_routes',
  idPrefix: 'rte',
  title: label('Rute transportasi', 'Transport routes'),
  noun: label('rute', 'routes'),
  fields,
  slug: { from: 'name', fixed: true },
  order: { field: 'name', direction: 'asc' },
  api: { path: '/transport/routes', tag: 'Transport', schema: 'TransportRoute' },
  page: '/transportasi',
  hooks: {
    async resolve(ctx, _values, input, id) {
      if (input.timetable === undefined && id !== null) return { values: {}, errors: [] }
      const stored = id === null ? null : ((await route.getForEditing(ctx, id)) as unknown as Route).timetable
      const built = buildTimetable(ctx, (input.timetable ?? {}) as TimetableInput, stored)
      if (built.errors.length > 0) return { values: {}, errors: built.errors }
      return { values: { timetable: built.value ?? emptyTimetable(ctx.tenant.timezone) }, errors: [] }
    },
  },
})
