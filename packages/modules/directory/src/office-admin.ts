import { type AdminEntity, pickText } from '@cerdas/core'
import { officeRef, tx, verificationOf } from './admin-fields'
import { OFFICE_TYPE_LABELS } from './labels'
import {
  createOffice,
  deleteOffice,
  getOffice,
  listOfficesForEditing,
  officeUrl,
  updateOffice,
  verifyOffice,
} from './offices'
import { createOfficeSchema, OFFICE_TYPES, type Office, updateOfficeSchema } from './validation'

/** Offices in the admin console. Coordinates and contacts are edited here; the slug is set on creation. */
export const officeAdmin: AdminEntity<Office> = {
  id: 'office',
  title: { id: 'Kantor (OPD)', en: 'Offices' },
  fields: [
    tx('name.id', 'Nama (Indonesia)', 'Name (Indonesian)', { required: true }),
    tx('name.en', 'Nama (Inggris)', 'Name (English)'),
    tx('shortName', 'Singkatan', 'Short name'),
    {
      name: 'type',
      label: { id: 'Jenis', en: 'Type' },
      type: 'select',
      required: true,
      options: OFFICE_TYPES.map((value) => ({ value, label: OFFICE_TYPE_LABELS[value] })),
    },
    officeRef('parentId', 'Kantor induk', 'Parent office', {
      help: { id: 'Misalnya dinas yang membawahi UPTD ini.', en: 'E.g. the agency above this technical unit.' },
    }),
    tx('address', 'Alamat', 'Address', {
      type: 'textarea',
      section: { id: 'Lokasi', en: 'Location' },
    }),
    tx('kecamatan', 'Kecamatan', 'District'),
    tx('coordinates.lat', 'Lintang', 'Latitude', {
      type: 'number',
      help: {
        id: 'Desimal, misalnya 2,3333 (di selatan khatulistiwa diawali minus). Kosongkan keduanya bila tidak tahu.',
        en: 'Decimal, e.g. 2.3333 (negative south of the equator). Leave both empty if unknown.',
      },
    }),
    tx('coordinates.lon', 'Bujur', 'Longitude', {
      type: 'number',
      help: { id: 'Desimal, misalnya 99,0667.', en: 'Decimal, e.g. 99.0667.' },
    }),
    tx('contacts.phone', 'Telepon', 'Phone', { section: { id: 'Kontak', en: 'Contacts' } }),
    tx('contacts.whatsapp', 'WhatsApp', 'WhatsApp'),
    tx('contacts.email', 'Surel', 'Email'),
    tx('contacts.website', 'Situs web', 'Website', { type: 'url' }),
    tx('description.id', 'Deskripsi (Indonesia)', 'Description (Indonesian)', {
      type: 'textarea',
      section: { id: 'Keterangan', en: 'Description' },
    }),
    tx('description.en', 'Deskripsi (Inggris)', 'Description (English)', { type: 'textarea' }),
  ],
  columns: [
    { label: { id: 'Jenis', en: 'Type' }, value: (o, locale) => pickText(OFFICE_TYPE_LABELS[o.type], locale) },
    { label: { id: 'Kecamatan', en: 'District' }, value: (o) => o.kecamatan ?? '' },
    { label: { id: 'Slug', en: 'Slug' }, value: (o) => o.slug },
  ],
  permissions: {
    create: 'directory.office:create',
    update: 'directory.office:update',
    delete: 'directory.office:delete',
    verify: 'directory.office:verify',
  },
  createSchema: createOfficeSchema,
  updateSchema: updateOfficeSchema,
  list: listOfficesForEditing,
  get: getOffice,
  create: createOffice,
  update: updateOffice,
  remove: deleteOffice,
  verify: verifyOffice,
  idOf: (o) => o.id,
  labelOf: (o, locale) => pickText(o.name, locale),
  valuesOf: (o) => ({
    'name.id': o.name.id,
    'name.en': o.name.en ?? null,
    shortName: o.shortName,
    type: o.type,
    parentId: o.parentId,
    address: o.address,
    kecamatan: o.kecamatan,
    'coordinates.lat': o.coordinates?.lat ?? null,
    'coordinates.lon': o.coordinates?.lon ?? null,
    'contacts.phone': o.contacts.phone,
    'contacts.whatsapp': o.contacts.whatsapp,
    'contacts.email': o.contacts.email,
    'contacts.website': o.contacts.website,
    'description.id': o.description?.id ?? null,
    'description.en': o.description?.en ?? null,
  }),
  verificationOf,
  publicUrl: officeUrl,
}
