import { type AdminEntity, type AdminField, type LocalizedText, pickText } from '@cerdas/core'
import {
  createService,
  deleteService,
  getService,
  listServicesForEditing,
  serviceUrl,
  updateService,
  verifyService,
} from './services'
import { createServiceSchema, SERVICE_CATEGORIES, type Service, updateServiceSchema } from './validation'

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

const tx = (name: string, id: string, en: string, extra: Partial<AdminField> = {}): AdminField => ({
  name,
  label: { id, en },
  type: 'text',
  ...extra,
})

/**
 * Services in the admin console: the single-value fields. Lists (requirements, procedure, places,
 * synonyms, legal basis) and the fee are edited through the API until a dedicated editor exists.
 */
export const serviceAdmin: AdminEntity<Service> = {
  id: 'service',
  title: { id: 'Layanan publik', en: 'Public services' },
  fields: [
    tx('name.id', 'Nama (Indonesia)', 'Name (Indonesian)', { required: true }),
    tx('name.en', 'Nama (Inggris)', 'Name (English)'),
    {
      name: 'category',
      label: { id: 'Kategori', en: 'Category' },
      type: 'select',
      required: true,
      options: SERVICE_CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] })),
    },
    tx('officeId', 'Kantor penanggung jawab (id atau slug)', 'Responsible office (id or slug)', { required: true }),
    tx('unitId', 'Bidang penanggung jawab (id)', 'Responsible unit (id)'),
    tx('summary.id', 'Ringkasan (Indonesia)', 'Summary (Indonesian)', { type: 'textarea' }),
    tx('summary.en', 'Ringkasan (Inggris)', 'Summary (English)', { type: 'textarea' }),
    tx('product.id', 'Produk layanan (Indonesia)', 'Product (Indonesian)'),
    tx('product.en', 'Produk layanan (Inggris)', 'Product (English)'),
    tx('onlineUrl', 'Layanan daring', 'Online service', { type: 'url' }),
  ],
  columns: [
    { label: { id: 'Kategori', en: 'Category' }, value: (s, locale) => pickText(CATEGORY_LABELS[s.category], locale) },
    { label: { id: 'Biaya', en: 'Fee' }, value: (s) => (s.fee.free ? 'Gratis' : `Rp${s.fee.amount ?? ''}`) },
  ],
  permissions: {
    create: 'services.service:create',
    update: 'services.service:update',
    delete: 'services.service:delete',
    verify: 'services.service:verify',
  },
  // The generic form has no fee input: a service created there starts free; edit the fee through the API.
  createSchema: createServiceSchema.omit({ fee: true }),
  updateSchema: updateServiceSchema,
  list: listServicesForEditing,
  get: getService,
  create: (ctx, input) => createService(ctx, { fee: { free: true }, ...input }),
  update: updateService,
  remove: deleteService,
  verify: verifyService,
  idOf: (s) => s.id,
  labelOf: (s, locale) => pickText(s.name, locale),
  valuesOf: (s) => ({
    'name.id': s.name.id,
    'name.en': s.name.en ?? null,
    category: s.category,
    officeId: s.officeId,
    unitId: s.unitId,
    'summary.id': s.summary?.id ?? null,
    'summary.en': s.summary?.en ?? null,
    'product.id': s.product?.id ?? null,
    'product.en': s.product?.en ?? null,
    onlineUrl: s.onlineUrl,
  }),
  verificationOf: (s) => ({ verifiedAt: s.verification.verifiedAt, verifiedBy: s.verification.verifiedBy }),
  publicUrl: serviceUrl,
}
