import {
  type AdminEntity,
  type AdminField,
  type AdminOption,
  type LocalizedText,
  listAll,
  pickText,
  type TenantContext,
} from '@cerdas/core'
import {
  createCounter,
  deleteCounter,
  getCounter,
  listCountersForEditing,
  updateCounter,
  verifyCounter,
} from './counters'
import {
  createOffice,
  deleteOffice,
  getOffice,
  listOfficesForEditing,
  officesByIds,
  officeUrl,
  updateOffice,
  verifyOffice,
} from './offices'
import {
  createPosition,
  deletePosition,
  getPosition,
  listPositionsForEditing,
  updatePosition,
  verifyPosition,
} from './positions'
import { createUnit, deleteUnit, getUnit, listUnitsForEditing, updateUnit, verifyUnit } from './units'
import {
  type Counter,
  createCounterSchema,
  createOfficeSchema,
  createPositionSchema,
  createUnitSchema,
  OFFICE_TYPES,
  type Office,
  type Position,
  UNIT_KINDS,
  type Unit,
  updateCounterSchema,
  updateOfficeSchema,
  updatePositionSchema,
  updateUnitSchema,
} from './validation'

export const OFFICE_TYPE_LABELS: Record<(typeof OFFICE_TYPES)[number], LocalizedText> = {
  dinas: { id: 'Dinas', en: 'Agency (dinas)' },
  badan: { id: 'Badan', en: 'Board (badan)' },
  kecamatan: { id: 'Kantor camat', en: 'District office' },
  kelurahan: { id: 'Kantor lurah', en: 'Urban village office' },
  desa: { id: 'Kantor desa', en: 'Village office' },
  puskesmas: { id: 'Puskesmas', en: 'Community health centre' },
  rsud: { id: 'RSUD', en: 'Regional hospital' },
  mpp: { id: 'Mal Pelayanan Publik', en: 'Public service mall' },
  sekretariat: { id: 'Sekretariat', en: 'Secretariat' },
  other: { id: 'Lainnya', en: 'Other' },
}

export const UNIT_KIND_LABELS: Record<(typeof UNIT_KINDS)[number], LocalizedText> = {
  bidang: { id: 'Bidang', en: 'Division' },
  seksi: { id: 'Seksi', en: 'Section' },
  subbagian: { id: 'Subbagian', en: 'Sub-division' },
  uptd: { id: 'UPTD', en: 'Technical unit' },
  other: { id: 'Lainnya', en: 'Other' },
}

const tx = (name: string, id: string, en: string, extra: Partial<AdminField> = {}): AdminField => ({
  name,
  label: { id, en },
  type: 'text',
  ...extra,
})

// ---------------------------------------------------------------------------
// Choices for references: offices by name, units grouped under their office.

const officeName = (o: Office): LocalizedText => ({
  id: o.shortName ? `${o.name.id} (${o.shortName})` : o.name.id,
  en: o.shortName ? `${o.name.en ?? o.name.id} (${o.shortName})` : (o.name.en ?? o.name.id),
})

async function officeOptions(ctx: TenantContext): Promise<AdminOption[]> {
  return (await listAll(ctx, listOfficesForEditing)).map((o) => ({ value: o.id, label: officeName(o) }))
}

async function unitOptions(ctx: TenantContext): Promise<AdminOption[]> {
  const units = await listAll(ctx, listUnitsForEditing)
  const offices = await officesByIds(ctx, [...new Set(units.map((u) => u.officeId))])
  const nameOf = (u: Unit) => offices.get(u.officeId)?.name.id ?? u.officeId
  return units
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'id') || a.sortOrder - b.sortOrder)
    .map((u) => {
      const office = offices.get(u.officeId)
      return { value: u.id, label: u.name, group: office ? officeName(office) : { id: u.officeId } }
    })
}

const officeRef = (name: string, id: string, en: string, extra: Partial<AdminField> = {}): AdminField =>
  tx(name, id, en, { type: 'reference', optionsFrom: officeOptions, ...extra })
const unitRef = (name: string, id: string, en: string, extra: Partial<AdminField> = {}): AdminField =>
  tx(name, id, en, {
    type: 'reference',
    optionsFrom: unitOptions,
    help: { id: 'Harus bidang dari kantor yang sama.', en: 'Must be a unit of the same office.' },
    ...extra,
  })

const verificationOf = (r: { verification: { verifiedAt: string | null; verifiedBy: string | null } }) => ({
  verifiedAt: r.verification.verifiedAt,
  verifiedBy: r.verification.verifiedBy,
})

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

const officeField = officeRef('officeId', 'Kantor', 'Office', { required: true })
const sortField = tx('sortOrder', 'Urutan', 'Order', {
  type: 'number',
  integer: true,
  help: { id: 'Urutan tampil di halaman kantor; kecil lebih dulu.', en: 'Order on the office page; smaller first.' },
})

export const unitAdmin: AdminEntity<Unit> = {
  id: 'unit',
  title: { id: 'Bidang / seksi', en: 'Units (bidang/seksi)' },
  fields: [
    officeField,
    {
      name: 'kind',
      label: { id: 'Jenis', en: 'Kind' },
      type: 'select',
      required: true,
      options: UNIT_KINDS.map((value) => ({ value, label: UNIT_KIND_LABELS[value] })),
    },
    tx('name.id', 'Nama (Indonesia)', 'Name (Indonesian)', { required: true }),
    tx('name.en', 'Nama (Inggris)', 'Name (English)'),
    unitRef('parentId', 'Unit induk', 'Parent unit'),
    tx('handles.id', 'Menangani (Indonesia)', 'Handles (Indonesian)', { type: 'textarea' }),
    tx('handles.en', 'Menangani (Inggris)', 'Handles (English)', { type: 'textarea' }),
    tx('phone', 'Telepon', 'Phone'),
    tx('email', 'Surel', 'Email'),
    sortField,
  ],
  columns: [
    { label: { id: 'Jenis', en: 'Kind' }, value: (u, locale) => pickText(UNIT_KIND_LABELS[u.kind], locale) },
    { label: { id: 'Kantor', en: 'Office' }, value: (u) => u.officeId },
  ],
  permissions: {
    create: 'directory.unit:create',
    update: 'directory.unit:update',
    delete: 'directory.unit:delete',
    verify: 'directory.unit:verify',
  },
  createSchema: createUnitSchema,
  updateSchema: updateUnitSchema,
  list: listUnitsForEditing,
  get: getUnit,
  create: createUnit,
  update: updateUnit,
  remove: deleteUnit,
  verify: verifyUnit,
  idOf: (u) => u.id,
  labelOf: (u, locale) => pickText(u.name, locale),
  valuesOf: (u) => ({
    officeId: u.officeId,
    kind: u.kind,
    'name.id': u.name.id,
    'name.en': u.name.en ?? null,
    parentId: u.parentId,
    'handles.id': u.handles?.id ?? null,
    'handles.en': u.handles?.en ?? null,
    phone: u.contacts.phone,
    email: u.contacts.email,
    sortOrder: u.sortOrder,
  }),
  verificationOf,
}

export const counterAdmin: AdminEntity<Counter> = {
  id: 'counter',
  title: { id: 'Loket', en: 'Counters' },
  fields: [
    officeField,
    tx('code', 'Nomor loket', 'Counter number', { required: true }),
    tx('name.id', 'Nama (Indonesia)', 'Name (Indonesian)', { required: true }),
    tx('name.en', 'Nama (Inggris)', 'Name (English)'),
    unitRef('unitId', 'Bidang yang melayani', 'Unit serving it'),
    tx('location.id', 'Letak (Indonesia)', 'Location (Indonesian)'),
    tx('location.en', 'Letak (Inggris)', 'Location (English)'),
    sortField,
  ],
  columns: [
    { label: { id: 'Nomor', en: 'Number' }, value: (c) => c.code },
    { label: { id: 'Kantor', en: 'Office' }, value: (c) => c.officeId },
  ],
  permissions: {
    create: 'directory.counter:create',
    update: 'directory.counter:update',
    delete: 'directory.counter:delete',
    verify: 'directory.counter:verify',
  },
  createSchema: createCounterSchema,
  updateSchema: updateCounterSchema,
  list: listCountersForEditing,
  get: getCounter,
  create: createCounter,
  update: updateCounter,
  remove: deleteCounter,
  verify: verifyCounter,
  idOf: (c) => c.id,
  labelOf: (c, locale) => `${c.code} · ${pickText(c.name, locale)}`,
  valuesOf: (c) => ({
    officeId: c.officeId,
    code: c.code,
    'name.id': c.name.id,
    'name.en': c.name.en ?? null,
    unitId: c.unitId,
    'location.id': c.location?.id ?? null,
    'location.en': c.location?.en ?? null,
    sortOrder: c.sortOrder,
  }),
  verificationOf,
}

export const positionAdmin: AdminEntity<Position> = {
  id: 'position',
  title: { id: 'Jabatan', en: 'Positions' },
  fields: [
    officeField,
    tx('title.id', 'Jabatan (Indonesia)', 'Title (Indonesian)', { required: true }),
    tx('title.en', 'Jabatan (Inggris)', 'Title (English)'),
    unitRef('unitId', 'Bidang', 'Unit'),
    tx('holderName', 'Nama pejabat (hanya jika publik)', 'Holder (only if public)'),
    sortField,
  ],
  columns: [
    { label: { id: 'Pejabat', en: 'Holder' }, value: (p) => p.holderName ?? '' },
    { label: { id: 'Kantor', en: 'Office' }, value: (p) => p.officeId },
  ],
  permissions: {
    create: 'directory.position:create',
    update: 'directory.position:update',
    delete: 'directory.position:delete',
    verify: 'directory.position:verify',
  },
  createSchema: createPositionSchema,
  updateSchema: updatePositionSchema,
  list: listPositionsForEditing,
  get: getPosition,
  create: createPosition,
  update: updatePosition,
  remove: deletePosition,
  verify: verifyPosition,
  idOf: (p) => p.id,
  labelOf: (p, locale) => pickText(p.title, locale),
  valuesOf: (p) => ({
    officeId: p.officeId,
    'title.id': p.title.id,
    'title.en': p.title.en ?? null,
    unitId: p.unitId,
    holderName: p.holderName,
    sortOrder: p.sortOrder,
  }),
  verificationOf,
}
