import { defineEntity, type EntityRecord, type FieldError, field, type LocalizedText } from '@cerdas/core'
import { type Contacts, type Coordinates, placeFields } from '@cerdas/places'
import {
  EATERY_TYPE_LABELS,
  EATERY_TYPES,
  HALAL_STATUS_LABELS,
  HALAL_STATUSES,
  type HalalStatus,
  PORK_STATUS_LABELS,
  PORK_STATUSES,
} from './labels'
import { MODULE_ID, placeExtras, removeHoursOf } from './place-parts'

const label = (id: string, en: string): LocalizedText => ({ id, en })

const food = label('Makanan dan halal', 'Food and halal')

const fields = {
  name: field.localizedText({ label: label('Nama', 'Name'), required: true, max: 200, search: 'title' }),
  type: field.enum(EATERY_TYPES, EATERY_TYPE_LABELS, {
    label: label('Jenis', 'Type'),
    required: true,
    filterable: true,
    search: 'keywords',
    listed: true,
  }),
  ...placeFields(),
  cuisine: field.lines({
    label: label('Masakan', 'Cuisine'),
    max: 60,
    maxValue: 10,
    search: 'keywords',
    section: food,
    help: label('Misalnya: Batak, Padang, Jawa, seafood. Satu per baris.', 'E.g. Batak, Padang, seafood. One a line.'),
  }),
  dishes: field.list({
    label: label('Menu khas', 'Typical dishes'),
    rowLabel: label('Menu', 'Dish'),
    maxValue: 30,
    help: label(
      'Harga hanya bila dilihat sendiri di daftar menu atau dari sumber yang bisa disebut; selain itu kosongkan.',
      'A price only when seen on the menu or in a source you can cite; otherwise leave it empty.',
    ),
    of: {
      name: field.localizedText({ label: label('Nama menu', 'Dish'), required: true, max: 120 }),
      price: field.money({ label: label('Harga (Rp)', 'Price (IDR)'), maxValue: 100_000_000 }),
    },
  }),
  // What visitors ask most around the lake: stated as recorded, never guessed (DOMAIN.md).
  halal: field.enum(HALAL_STATUSES, HALAL_STATUS_LABELS, {
    label: label('Status halal', 'Halal status'),
    required: true,
    default: 'unknown',
    filterable: true,
    listed: true,
    help: label(
      'Hanya yang dinyatakan tempat itu atau sertifikatnya. Bila belum dilihat sendiri: Tidak diketahui.',
      'Only what the place or its certificate states. If nobody has seen it: Unknown.',
    ),
  }),
  halalCertificate: field.text({
    label: label('Sertifikat halal (nomor dan penerbit)', 'Halal certificate (number and issuer)'),
    max: 200,
    help: label(
      'Wajib bila bersertifikat, misalnya "ID12110000123450523, BPJPH".',
      'Required when certified, e.g. "ID12110000123450523, BPJPH".',
    ),
  }),
  servesPork: field.enum(PORK_STATUSES, PORK_STATUS_LABELS, {
    label: label('Menyajikan babi', 'Serves pork'),
    required: true,
    default: 'unknown',
    filterable: true,
  }),
  ...placeExtras(),
}

export type Eatery = Omit<EntityRecord<typeof fields>, 'contacts' | 'coordinates'> & {
  slug: string
  contacts: Contacts
  coordinates: Coordinates | null
}

/**
 * Statements that contradict each other, on the merged record (so a change of one alone is
 * judged with the other as stored): a certificate must be named, and a kitchen that serves pork
 * is neither certified, Muslim-run nor pork-free.
 */
export function eateryStatementProblems(values: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = []
  if (values.halal === 'certified' && !values.halalCertificate)
    errors.push({
      pointer: '/halalCertificate',
      message: 'name the certificate (number and issuer) of a halal certified place',
    })
  if (values.servesPork === 'yes' && PORK_FREE.includes(values.halal as HalalStatus))
    errors.push({ pointer: '/servesPork', message: `a place that serves pork cannot be "${values.halal}"` })
  return errors
}

const PORK_FREE: readonly HalalStatus[] = ['certified', 'muslim_owned', 'no_pork_claimed']

/**
 * A culinary place (rumah makan, lapo, café, warung): its typical dishes, price level and, stated
 * as recorded, its halal status and whether it serves pork. The slug is fixed: it is the hours'
 * owner key (`economy/eatery/<slug>`).
 */
export const eatery = defineEntity({
  module: MODULE_ID,
  name: 'eatery',
  table: 'economy_eateries',
  idPrefix: 'eat',
  title: label('Tempat kuliner', 'Culinary places'),
  noun: label('tempat kuliner', 'culinary places'),
  fields,
  slug: { from: 'name', fixed: true },
  order: { field: 'name', direction: 'asc' },
  api: {
    path: '/economy/eateries',
    tag: 'Economy',
    schema: 'Eatery',
    // The list (open now, halal) is written by hand.
    routes: ['get', 'create', 'update', 'delete', 'verify'],
  },
  page: '/kuliner',
  hooks: {
    check: async (_ctx, values) => eateryStatementProblems(values),
    beforeDelete: removeHoursOf('eatery', 'economy_eateries'),
  },
})
