import { defineEntity, type EntityRecord, type FieldOption, field, type TenantContext } from '@cerdas/core'
import { type Coordinates, coordinatesStorage } from '@cerdas/places'
import { z } from '@hono/zod-openapi'
import { attraction } from './attraction'
import {
  EVENT_CATEGORIES,
  EVENT_CATEGORY_LABELS,
  RECURRENCE_LABELS,
  RECURRENCES,
  WEEKDAY_KEYS,
  WEEKDAY_LABELS,
} from './labels'

const label = (id: string, en: string) => ({ id, en })

/** A local wall-clock time in the tenant's zone. */
const wallTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM (00:00-23:59)')
  .openapi({ example: '19:30', description: 'Local time in the tenant zone, HH:MM' })

/** Offices of the directory as choices, when the tenant has the directory (tourism does not require it). */
async function officeChoices(ctx: TenantContext): Promise<FieldOption[]> {
  if (!ctx.tenant.modules.directory) return []
  const office = ctx.modules.find((m) => m.id === 'directory')?.entities?.find((e) => e.name === 'office')
  return office ? office.options(ctx) : []
}

/** A local date; the example makes the OpenAPI document (and the fuzzers reading it) show a real one. */
const localDate = (example: string) => z.iso.date().openapi({ example, description: 'Local date, YYYY-MM-DD' })

const venue = label('Tempat', 'Venue')

const fields = {
  name: field.localizedText({ label: label('Nama acara', 'Event name'), required: true, max: 200, search: 'title' }),
  category: field.enum(EVENT_CATEGORIES, EVENT_CATEGORY_LABELS, {
    label: label('Kategori', 'Category'),
    required: true,
    filterable: true,
    search: 'keywords',
    listed: true,
  }),
  description: field.localizedText({ label: label('Deskripsi', 'Description'), max: 5000, long: true, search: 'body' }),
  startDate: field.date({
    label: label('Tanggal mulai', 'Start date'),
    required: true,
    listed: true,
    input: localDate('2026-12-01'),
    section: label('Waktu', 'Dates and times'),
  }),
  endDate: field.date({
    label: label('Tanggal selesai', 'End date'),
    input: localDate('2026-12-03'),
    help: label('Untuk acara beberapa hari; kosongkan bila satu hari.', 'For a multi-day event; empty for one day.'),
  }),
  startTime: field.text({
    label: label('Jam mulai', 'Start time'),
    input: wallTime,
    help: label(
      'Waktu setempat, JJ:MM. Kosongkan bila sepanjang hari atau belum diketahui.',
      'Local time, HH:MM. Empty for all day or not known.',
    ),
  }),
  endTime: field.text({ label: label('Jam selesai', 'End time'), input: wallTime }),
  recurrence: field.enum(RECURRENCES, RECURRENCE_LABELS, {
    label: label('Berulang', 'Repeats'),
    required: true,
    default: 'none',
  }),
  weekday: field.enum(WEEKDAY_KEYS, WEEKDAY_LABELS, {
    label: label('Hari (acara mingguan)', 'Day (weekly events)'),
    help: label('Kosongkan untuk hari yang sama dengan tanggal mulai.', 'Empty for the weekday of the start date.'),
  }),
  recurrenceUntil: field.date({ label: label('Berulang sampai', 'Repeats until'), input: localDate('2027-12-31') }),
  venueAttraction: field.reference({
    label: label('Di tempat wisata', 'At an attraction'),
    target: 'tourism.attraction',
    options: attraction.options,
    section: venue,
  }),
  venueOffice: field.reference({
    label: label('Di kantor/gedung pemerintah', 'At a government office'),
    target: 'directory.office',
    options: officeChoices,
  }),
  venueName: field.text({
    label: label('Nama tempat lain', 'Other venue name'),
    max: 200,
    search: 'keywords',
    help: label('Bila bukan tempat wisata atau kantor yang terdaftar.', 'When not a listed attraction or office.'),
  }),
  address: field.longText({ label: label('Alamat', 'Address'), max: 500 }),
  kecamatan: field.text({ label: label('Kecamatan', 'District'), max: 100, filterable: true, search: 'keywords' }),
  coordinates: field.custom({ label: label('Koordinat', 'Coordinates'), custom: coordinatesStorage }),
  organizer: field.text({
    label: label('Penyelenggara', 'Organiser'),
    max: 200,
    search: 'keywords',
    section: label('Penyelenggara dan harga', 'Organiser and price'),
  }),
  free: field.boolean({ label: label('Gratis', 'Free'), filterable: true }),
  price: field.money({
    label: label('Harga tiket (Rp)', 'Ticket price (Rp)'),
    maxValue: 100_000_000,
    help: label('Kosongkan bila belum diketahui.', 'Leave empty when not known.'),
  }),
  priceNote: field.localizedText({ label: label('Keterangan harga', 'Price note'), max: 300 }),
  link: field.url({ label: label('Tautan informasi', 'Information link') }),
  photos: field.photos({ label: label('Foto', 'Photos'), max: 8 }),
  sourceNote: field.longText({ label: label('Sumber data', 'Data source'), max: 1000, vouched: false }),
}

export type TourismEvent = Omit<EntityRecord<typeof fields>, 'coordinates'> & {
  slug: string
  coordinates: Coordinates | null
}

type Values = Record<string, unknown>
const given = (v: unknown) => v !== undefined && v !== null
/** Holds unless both are given and `a` comes after `b` (inputs may leave either out). */
const notAfter = (a: unknown, b: unknown) => typeof a !== 'string' || typeof b !== 'string' || a <= b

/** Longest occurrence of a repeating event, in days after its first: one must end before the next begins. */
const MAX_LENGTH: Record<string, number> = { none: 366, weekly: 6, monthly: 27, yearly: 364 }
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000

const rules = [
  { field: 'endDate', message: 'must not be before startDate', holds: (v: Values) => notAfter(v.startDate, v.endDate) },
  {
    field: 'endDate',
    message: 'is too long after startDate for how the event repeats',
    holds: (v: Values) =>
      typeof v.startDate !== 'string' ||
      typeof v.endDate !== 'string' ||
      days(v.startDate, v.endDate) <= (MAX_LENGTH[(v.recurrence as string) ?? 'none'] ?? 366),
  },
  {
    field: 'endTime',
    message: 'needs a startTime, and on a one-day event must be after it',
    holds: (v: Values) => {
      if (!given(v.endTime)) return true
      if (typeof v.startTime !== 'string') {
        // A create (or the merged record) names its startDate; an update of the times alone is checked merged.
        return v.startTime === undefined && typeof v.startDate !== 'string'
      }
      if (typeof v.startDate !== 'string') return true
      const oneDay = typeof v.endDate !== 'string' || v.endDate === v.startDate
      return !oneDay || (v.endTime as string) > v.startTime
    },
  },
  {
    field: 'weekday',
    message: 'is only for weekly events',
    holds: (v: Values) => !given(v.weekday) || v.recurrence === undefined || v.recurrence === 'weekly',
  },
  {
    field: 'recurrenceUntil',
    message: 'is only for repeating events, on or after startDate',
    holds: (v: Values) =>
      !given(v.recurrenceUntil) ||
      ((v.recurrence === undefined || v.recurrence !== 'none') && notAfter(v.startDate, v.recurrenceUntil)),
  },
  {
    field: 'venueAttraction',
    message: 'a venue is an attraction, an office or an address of its own: give one',
    holds: (v: Values) =>
      [
        given(v.venueAttraction),
        given(v.venueOffice),
        given(v.venueName) || given(v.address) || given(v.coordinates),
      ].filter(Boolean).length <= 1,
  },
  {
    field: 'free',
    message: 'a free event cannot have a price above zero',
    holds: (v: Values) => v.free !== true || !v.price,
  },
]

/**
 * Acara: an event or festival on one day, several days or repeating (weekly, monthly, yearly, up
 * to a date), at an attraction, a government office or an address of its own. Dates and times are
 * local to the tenant's zone; the slug is fixed (calendar feeds name each event by it).
 */
export const event = defineEntity({
  module: 'tourism',
  name: 'event',
  table: 'tourism_events',
  idPrefix: 'evt',
  title: label('Acara dan festival', 'Events'),
  noun: label('acara', 'events'),
  fields,
  slug: { from: 'name', fixed: true },
  order: { field: 'startDate', direction: 'asc' },
  api: {
    path: '/tourism/events',
    tag: 'Tourism',
    schema: 'TourismEvent',
    // The list (occurrences in a window) and the calendar feeds are written by hand.
    routes: ['get', 'create', 'update', 'delete', 'verify'],
  },
  page: '/acara',
  searchBoost: 1,
  rules,
})
