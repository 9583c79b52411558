import { defineEntity, type EntityRecord, field, type LocalizedText } from '@cerdas/core'
import { type Contacts, type Coordinates, placeFields } from '@cerdas/places'
import { z } from '@hono/zod-openapi'
import { CERTIFICATE_KIND_LABELS, CERTIFICATE_KINDS, SECTOR_LABELS, SECTORS } from './labels'
import { MODULE_ID, placeExtras, removeHoursOf } from './place-parts'

const label = (id: string, en: string): LocalizedText => ({ id, en })

const legal = label('Legalitas dan sertifikat', 'Registration and certificates')
const online = label('Toko daring', 'Online shops')

/** Nomor Induk Berusaha from OSS: 13 digits. */
const nibInput = z
  .string()
  .trim()
  .regex(/^\d{13}$/, 'an NIB is 13 digits')
  .openapi({ example: '9120301234567' })

const fields = {
  name: field.localizedText({ label: label('Nama usaha', 'Business name'), required: true, max: 200, search: 'title' }),
  sector: field.enum(SECTORS, SECTOR_LABELS, {
    label: label('Sektor', 'Sector'),
    required: true,
    filterable: true,
    search: 'keywords',
    listed: true,
  }),
  ...placeFields(),
  products: field.lines({
    label: label('Produk', 'Products'),
    max: 120,
    maxValue: 40,
    search: 'keywords',
    help: label('Satu produk per baris, misalnya "Ulos Ragi Hotang".', 'One product a line, e.g. "Ulos Ragi Hotang".'),
  }),
  legalName: field.text({
    label: label('Nama badan usaha', 'Registered entity name'),
    max: 200,
    section: legal,
    help: label(
      'Hanya nama badan usaha (PT, CV, koperasi, BUMDes). Jangan isi nama pemilik perorangan: itu data pribadi.',
      "Only a legal entity's name (PT, CV, cooperative, BUMDes). Never a sole owner's name: that is personal data.",
    ),
  }),
  // The NIB is the team's to keep; the public sees it only where the business agreed (publicNib).
  nib: field.text({
    label: label('NIB (Nomor Induk Berusaha)', 'Business registration number (NIB)'),
    max: 13,
    input: nibInput,
    private: true,
  }),
  nibPublic: field.boolean({
    label: label('NIB boleh ditampilkan', 'NIB may be shown'),
    help: label(
      'Centang hanya bila pelaku usaha setuju NIB-nya tampil di portal.',
      'Tick only when the business agreed to show its NIB on the portal.',
    ),
  }),
  publicNib: field.text({
    label: label('NIB yang ditampilkan', 'NIB shown'),
    max: 13,
    // Written by the server from nib and nibPublic; a client may only leave it out.
    input: z.null().openapi({ description: 'Set by the server: the NIB when nibPublic, else null' }),
    vouched: false,
  }),
  certificates: field.list({
    label: label('Sertifikat', 'Certificates'),
    rowLabel: label('Sertifikat', 'Certificate'),
    maxValue: 20,
    of: {
      kind: field.enum(CERTIFICATE_KINDS, CERTIFICATE_KIND_LABELS, { label: label('Jenis', 'Kind'), required: true }),
      number: field.text({ label: label('Nomor', 'Number'), required: true, max: 100 }),
      issuer: field.text({ label: label('Penerbit', 'Issuer'), max: 200 }),
    },
  }),
  marketplaceLinks: field.list({
    label: label('Tautan toko daring', 'Marketplace links'),
    rowLabel: label('Tautan', 'Link'),
    maxValue: 10,
    section: online,
    of: {
      label: field.text({ label: label('Nama toko/platform', 'Shop or platform'), required: true, max: 100 }),
      url: field.url({ label: label('Alamat', 'Address'), required: true }),
    },
  }),
  rumahKreatifUrl: field.url({
    label: label('Halaman di Rumah Kreatif Toba', 'Page on Rumah Kreatif Toba'),
    help: label(
      'Tautan ke toko usaha ini di marketplace Rumah Kreatif Toba, bila ada.',
      "Link to this business's shop on the Rumah Kreatif Toba marketplace, if any.",
    ),
  }),
  ...placeExtras(),
}

export type Business = Omit<EntityRecord<typeof fields>, 'contacts' | 'coordinates'> & {
  slug: string
  contacts: Contacts
  coordinates: Coordinates | null
}

/**
 * UMKM: a micro, small or medium business (ulos weavers, coffee roasters, snack makers) with its
 * products, certificates, marketplace links and, where it agreed, its NIB. The owner's name is
 * never kept; only a legal entity's. The slug is fixed: it is the hours' owner key
 * (`economy/business/<slug>`).
 */
export const business = defineEntity({
  module: MODULE_ID,
  name: 'business',
  table: 'economy_businesses',
  idPrefix: 'umk',
  title: label('UMKM', 'Small businesses (UMKM)'),
  noun: label('UMKM', 'small businesses'),
  fields,
  slug: { from: 'name', fixed: true },
  order: { field: 'name', direction: 'asc' },
  api: {
    path: '/economy/businesses',
    tag: 'Economy',
    schema: 'Business',
    routes: ['get', 'create', 'update', 'delete', 'verify'],
  },
  page: '/umkm',
  hooks: {
    // The shown NIB follows the kept one and the consent on every write, whichever of them changed.
    resolve: async (_ctx, values) => ({
      values: { publicNib: values.nibPublic === true && typeof values.nib === 'string' ? values.nib : null },
      errors: [],
    }),
    beforeDelete: removeHoursOf('business', 'economy_businesses'),
  },
  // The shown NIB is not typed in: the console offers the NIB and the consent only.
  admin: (generated) => ({ ...generated, fields: generated.fields.filter((f) => f.name !== 'publicNib') }),
})
