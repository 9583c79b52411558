import {
  type AdminEntity,
  type AdminField,
  type AdminOption,
  type AdminSubField,
  type LocalizedText,
  linesValue,
  listAll,
  listValue,
  pickText,
  type TenantContext,
} from '@cerdas/core'
import {
  listCountersForEditing,
  listOfficesForEditing,
  listUnitsForEditing,
  type Office,
  officesByIds,
} from '@cerdas/module-directory'
import {
  createService,
  deleteService,
  getService,
  listServicesForEditing,
  serviceUrl,
  updateService,
  verifyService,
} from './services'
import {
  AUDIENCES,
  createServiceSchema,
  PROCESSING_UNITS,
  SERVICE_CATEGORIES,
  type Service,
  updateServiceSchema,
} from './validation'

export const CATEGORY_LABELS: Record<(typeof SERVICE_CATEGORIES)[number], LocalizedText> = {
  kependudukan: { id: 'Kependudukan', en: 'Civil registration' },
  perizinan: { id: 'Perizinan', en: 'Permits' },
  kesehatan: { id: 'Kesehatan', en: 'Health' },
  pendidikan: { id: 'Pendidikan', en: 'Education' },
  sosial: { id: 'Sosial', en: 'Social welfare' },
  pajak: { id: 'Pajak daerah', en: 'Local taxes' },
  ketenagakerjaan: { id: 'Ketenagakerjaan', en: 'Employment' },
  lingkungan: { id: 'Lingkungan', en: 'Environment' },
  pariwisata: { id: 'Pariwisata', en: 'Tourism' },
  informasi: { id: 'Informasi publik', en: 'Public information' },
  lainnya: { id: 'Lainnya', en: 'Other' },
}

export const AUDIENCE_LABELS: Record<(typeof AUDIENCES)[number], LocalizedText> = {
  residents: { id: 'Warga', en: 'Residents' },
  businesses: { id: 'Pelaku usaha', en: 'Businesses' },
  visitors: { id: 'Wisatawan dan pendatang', en: 'Visitors' },
  civil_servants: { id: 'ASN', en: 'Civil servants' },
  institutions: { id: 'Lembaga dan instansi', en: 'Institutions' },
}

export const PROCESSING_UNIT_LABELS: Record<(typeof PROCESSING_UNITS)[number], LocalizedText> = {
  minutes: { id: 'menit', en: 'minutes' },
  hours: { id: 'jam', en: 'hours' },
  working_days: { id: 'hari kerja', en: 'working days' },
  days: { id: 'hari', en: 'days' },
}

const field = (name: string, id: string, en: string, extra: Partial<AdminField> = {}): AdminField => ({
  name,
  label: { id, en },
  type: 'text',
  ...extra,
})
const sub = (name: string, id: string, en: string, extra: Partial<AdminSubField> = {}): AdminSubField => ({
  name,
  label: { id, en },
  type: 'text',
  ...extra,
})

// ---------------------------------------------------------------------------
// Choices from the directory (through its exported functions) and from this module.

const officeName = (o: Office): LocalizedText => ({
  id: o.shortName ? `${o.name.id} (${o.shortName})` : o.name.id,
  en: o.shortName ? `${o.name.en ?? o.name.id} (${o.shortName})` : (o.name.en ?? o.name.id),
})

async function officeOptions(ctx: TenantContext): Promise<AdminOption[]> {
  return (await listAll(ctx, listOfficesForEditing)).map((o) => ({ value: o.id, label: officeName(o) }))
}

/** Units or counters, grouped under their office (offices by name, then the records' own order). */
async function byOffice<T extends { id: string; officeId: string; sortOrder: number }>(
  ctx: TenantContext,
  records: T[],
  label: (record: T) => LocalizedText,
): Promise<AdminOption[]> {
  const offices = await officesByIds(ctx, [...new Set(records.map((r) => r.officeId))])
  const nameOf = (r: T) => offices.get(r.officeId)?.name.id ?? r.officeId
  return [...records]
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'id') || a.sortOrder - b.sortOrder)
    .map((r) => {
      const office = offices.get(r.officeId)
      return { value: r.id, label: label(r), group: office ? officeName(office) : { id: r.officeId } }
    })
}

async function unitOptions(ctx: TenantContext): Promise<AdminOption[]> {
  return byOffice(ctx, await listAll(ctx, listUnitsForEditing), (u) => u.name)
}

async function counterOptions(ctx: TenantContext): Promise<AdminOption[]> {
  return byOffice(ctx, await listAll(ctx, listCountersForEditing), (c) => ({
    id: `Loket ${c.code} · ${c.name.id}`,
    en: `Counter ${c.code} · ${c.name.en ?? c.name.id}`,
  }))
}

async function serviceOptions(ctx: TenantContext): Promise<AdminOption[]> {
  return (await listAll(ctx, listServicesForEditing)).map((s) => ({ value: s.id, label: s.name }))
}

const rupiah = (amount: number) => `Rp${new Intl.NumberFormat('id-ID').format(amount)}`

/**
 * Services in the admin console: every field of a service, lists included (requirements,
 * procedure, places, synonyms, audience, legal basis, related services), so the governance team
 * keeps the whole record true without the API. Offices, units, counters and related services are
 * chosen from the directory and this module's own list.
 */
export const serviceAdmin: AdminEntity<Service> = {
  id: 'service',
  title: { id: 'Layanan publik', en: 'Public services' },
  fields: [
    field('name.id', 'Nama (Indonesia)', 'Name (Indonesian)', { required: true }),
    field('name.en', 'Nama (Inggris)', 'Name (English)'),
    {
      name: 'category',
      label: { id: 'Kategori', en: 'Category' },
      type: 'select',
      required: true,
      options: SERVICE_CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] })),
    },
    field('summary.id', 'Ringkasan (Indonesia)', 'Summary (Indonesian)', { type: 'textarea' }),
    field('summary.en', 'Ringkasan (Inggris)', 'Summary (English)', { type: 'textarea' }),
    field('synonyms', 'Kata lain yang dicari warga', 'Other words people search for', {
      type: 'lines',
      help: { id: 'Misalnya e-KTP, KTP-el, kartu penduduk.', en: 'E.g. e-KTP, KTP-el, identity card.' },
    }),
    {
      name: 'audience',
      label: { id: 'Untuk siapa', en: 'For whom' },
      type: 'multiselect',
      options: AUDIENCES.map((value) => ({ value, label: AUDIENCE_LABELS[value] })),
    },
    field('product.id', 'Produk layanan (Indonesia)', 'Product (Indonesian)', {
      help: { id: 'Apa yang diterima warga, misalnya "KTP-el".', en: 'What people receive, e.g. "KTP-el".' },
    }),
    field('product.en', 'Produk layanan (Inggris)', 'Product (English)'),
    field('onlineUrl', 'Layanan daring', 'Online service', { type: 'url' }),

    field('officeId', 'Kantor penanggung jawab', 'Responsible office', {
      type: 'reference',
      required: true,
      optionsFrom: officeOptions,
      section: { id: 'Penanggung jawab dan tempat', en: 'Responsibility and places' },
    }),
    field('unitId', 'Bidang penanggung jawab', 'Responsible unit', {
      type: 'reference',
      optionsFrom: unitOptions,
      help: { id: 'Harus bidang dari kantor di atas.', en: 'Must be a unit of the office above.' },
    }),
    {
      name: 'locations',
      label: { id: 'Tempat layanan', en: 'Where it is offered' },
      type: 'list',
      rowLabel: { id: 'Tempat', en: 'Place' },
      help: {
        id: 'Kantor (dan loket) tempat warga dilayani, bila selain kantor penanggung jawab.',
        en: 'Offices (and counters) where people are served, if not only the responsible office.',
      },
      fields: [
        sub('officeId', 'Kantor', 'Office', { type: 'reference', required: true, optionsFrom: officeOptions }),
        sub('counterId', 'Loket', 'Counter', {
          type: 'reference',
          optionsFrom: counterOptions,
          help: { id: 'Loket di kantor tersebut (opsional).', en: 'A counter of that office (optional).' },
        }),
      ],
    },

    {
      name: 'requirements',
      label: { id: 'Persyaratan', en: 'Requirements' },
      type: 'list',
      rowLabel: { id: 'Persyaratan', en: 'Requirement' },
      section: { id: 'Persyaratan dan prosedur', en: 'Requirements and procedure' },
      fields: [
        sub('document.id', 'Dokumen (Indonesia)', 'Document (Indonesian)', { required: true }),
        sub('document.en', 'Dokumen (Inggris)', 'Document (English)'),
        sub('note.id', 'Catatan (Indonesia)', 'Note (Indonesian)'),
        sub('note.en', 'Catatan (Inggris)', 'Note (English)'),
        sub('condition.id', 'Berlaku bila (Indonesia)', 'Applies when (Indonesian)', {
          help: { id: 'Misalnya "bagi WNA". Kosongkan bila berlaku untuk semua.', en: 'E.g. "for foreigners".' },
        }),
        sub('condition.en', 'Berlaku bila (Inggris)', 'Applies when (English)'),
      ],
    },
    {
      name: 'procedure',
      label: { id: 'Prosedur', en: 'Procedure' },
      type: 'list',
      rowLabel: { id: 'Langkah', en: 'Step' },
      fields: [
        sub('id', 'Langkah (Indonesia)', 'Step (Indonesian)', { type: 'textarea', required: true }),
        sub('en', 'Langkah (Inggris)', 'Step (English)', { type: 'textarea' }),
      ],
    },

    field('fee.free', 'Gratis (tidak dipungut biaya)', 'Free of charge', {
      type: 'checkbox',
      section: { id: 'Biaya dan waktu', en: 'Fee and time' },
    }),
    field('fee.amount', 'Biaya (Rupiah)', 'Fee (Rupiah)', {
      type: 'number',
      integer: true,
      help: {
        id: 'Isi bila tidak gratis, misalnya 50.000; kosongkan bila gratis.',
        en: 'When not free, e.g. 50000; leave empty when free.',
      },
    }),
    field('fee.note.id', 'Keterangan biaya (Indonesia)', 'Fee note (Indonesian)'),
    field('fee.note.en', 'Keterangan biaya (Inggris)', 'Fee note (English)'),
    field('fee.legalBasis', 'Dasar hukum biaya', 'Legal basis of the fee', {
      help: { id: 'Misalnya "Perda No. 1 Tahun 2024".', en: 'E.g. "Perda No. 1 Tahun 2024".' },
    }),
    field('processingTime.value', 'Lama proses', 'Processing time', { type: 'number', integer: true }),
    {
      name: 'processingTime.unit',
      label: { id: 'Satuan waktu', en: 'Time unit' },
      type: 'select',
      options: PROCESSING_UNITS.map((value) => ({ value, label: PROCESSING_UNIT_LABELS[value] })),
    },
    field('processingTime.note.id', 'Keterangan waktu (Indonesia)', 'Time note (Indonesian)'),
    field('processingTime.note.en', 'Keterangan waktu (Inggris)', 'Time note (English)'),
    field('legalBasis', 'Dasar hukum layanan', 'Legal basis of the service', {
      type: 'lines',
      help: { id: 'Peraturan yang mengatur layanan ini.', en: 'Regulations governing this service.' },
    }),

    field('complaint.description.id', 'Cara mengadu (Indonesia)', 'How to complain (Indonesian)', {
      type: 'textarea',
      section: { id: 'Pengaduan', en: 'Complaints' },
      help: {
        id: 'Wajib bila salah satu isian pengaduan diisi.',
        en: 'Required when any complaint field is filled in.',
      },
    }),
    field('complaint.description.en', 'Cara mengadu (Inggris)', 'How to complain (English)', { type: 'textarea' }),
    field('complaint.phone', 'Telepon pengaduan', 'Complaint phone'),
    field('complaint.email', 'Email pengaduan', 'Complaint email'),
    field('complaint.url', 'Situs pengaduan', 'Complaint website', { type: 'url' }),

    field('related', 'Layanan terkait', 'Related services', {
      type: 'multiselect',
      optionsFrom: serviceOptions,
      section: { id: 'Terkait', en: 'Related' },
    }),
  ],
  columns: [
    { label: { id: 'Kategori', en: 'Category' }, value: (s, locale) => pickText(CATEGORY_LABELS[s.category], locale) },
    {
      label: { id: 'Biaya', en: 'Fee' },
      value: (s, locale) => (s.fee.free ? (locale === 'en' ? 'Free' : 'Gratis') : rupiah(s.fee.amount ?? 0)),
    },
  ],
  permissions: {
    create: 'services.service:create',
    update: 'services.service:update',
    delete: 'services.service:delete',
    verify: 'services.service:verify',
  },
  createSchema: createServiceSchema,
  updateSchema: updateServiceSchema,
  list: listServicesForEditing,
  get: getService,
  create: createService,
  update: updateService,
  remove: deleteService,
  verify: verifyService,
  idOf: (s) => s.id,
  labelOf: (s, locale) => pickText(s.name, locale),
  valuesOf: (s) => ({
    'name.id': s.name.id,
    'name.en': s.name.en ?? null,
    category: s.category,
    'summary.id': s.summary?.id ?? null,
    'summary.en': s.summary?.en ?? null,
    synonyms: linesValue(s.synonyms),
    audience: linesValue(s.audience),
    'product.id': s.product?.id ?? null,
    'product.en': s.product?.en ?? null,
    onlineUrl: s.onlineUrl,
    officeId: s.officeId,
    unitId: s.unitId,
    locations: listValue(s.locations.map((l) => ({ officeId: l.officeId, counterId: l.counterId }))),
    requirements: listValue(
      s.requirements.map((r) => ({
        'document.id': r.document.id,
        'document.en': r.document.en ?? null,
        'note.id': r.note?.id ?? null,
        'note.en': r.note?.en ?? null,
        'condition.id': r.condition?.id ?? null,
        'condition.en': r.condition?.en ?? null,
      })),
    ),
    procedure: listValue(s.procedure.map((step) => ({ id: step.id, en: step.en ?? null }))),
    'fee.free': s.fee.free,
    'fee.amount': s.fee.amount,
    'fee.note.id': s.fee.note?.id ?? null,
    'fee.note.en': s.fee.note?.en ?? null,
    'fee.legalBasis': s.fee.legalBasis,
    'processingTime.value': s.processingTime?.value ?? null,
    'processingTime.unit': s.processingTime?.unit ?? null,
    'processingTime.note.id': s.processingTime?.note?.id ?? null,
    'processingTime.note.en': s.processingTime?.note?.en ?? null,
    legalBasis: linesValue(s.legalBasis),
    'complaint.description.id': s.complaint?.description.id ?? null,
    'complaint.description.en': s.complaint?.description.en ?? null,
    'complaint.phone': s.complaint?.phone ?? null,
    'complaint.email': s.complaint?.email ?? null,
    'complaint.url': s.complaint?.url ?? null,
    related: linesValue(s.related),
  }),
  verificationOf: (s) => ({ verifiedAt: s.verification.verifiedAt, verifiedBy: s.verification.verifiedBy }),
  publicUrl: serviceUrl,
}
