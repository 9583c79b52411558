import { defineEntity, type EntityField, type EntityRecord, field, type LocalizedText } from '@cerdas/core'
import { officeOptions, unitOptions } from '@cerdas/module-directory'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { counterOptions, serviceOptions } from './choices'
import { AUDIENCE_LABELS, AUDIENCES, CATEGORY_LABELS, SERVICE_CATEGORIES } from './labels'
import {
  type Complaint,
  complaintStorage,
  type Fee,
  feeStorage,
  type ProcessingTime,
  procedureStorage,
  processingTimeStorage,
  type Requirement,
  requirementsStorage,
} from './service-fields'
import { checkService, deleteOwnSchedules, resolveReferences } from './service-hooks'
import { recordRef } from './validation'

const label = (id: string, en: string): LocalizedText => ({ id, en })

const fields = {
  name: field.localizedText({ label: label('Nama', 'Name'), required: true, max: 300, search: 'title' }),
  category: field.enum(SERVICE_CATEGORIES, CATEGORY_LABELS, {
    label: label('Kategori', 'Category'),
    required: true,
    filterable: true,
    listed: true,
    search: 'keywords',
  }),
  summary: field.localizedText({ label: label('Ringkasan', 'Summary'), max: 2000, long: true, search: 'body' }),
  synonyms: field.lines({
    label: label('Kata lain yang dicari warga', 'Other words people search for'),
    max: 100,
    maxValue: 50,
    search: 'keywords',
    help: label('Misalnya e-KTP, KTP-el, kartu penduduk.', 'E.g. e-KTP, KTP-el, identity card.'),
  }),
  audience: field.lines({
    label: label('Untuk siapa', 'For whom'),
    values: AUDIENCES,
    labels: AUDIENCE_LABELS,
    maxValue: AUDIENCES.length,
  }),
  product: field.localizedText({
    label: label('Produk layanan', 'Product'),
    max: 500,
    help: label('Apa yang diterima warga, misalnya "KTP-el".', 'What people receive, e.g. "KTP-el".'),
  }),
  onlineUrl: field.url({ label: label('Layanan daring', 'Online service') }),
  // Offices, units and counters are the directory's, stored by id; the hooks check the unit and places.
  officeId: field.reference({
    label: label('Kantor penanggung jawab', 'Responsible office'),
    required: true,
    target: 'directory.office',
    stores: 'id',
    input: recordRef.openapi({ description: 'Responsible office: id or slug (directory)' }),
    options: officeOptions,
    section: label('Penanggung jawab dan tempat', 'Responsibility and places'),
  }),
  unitId: field.text({
    label: label('Bidang penanggung jawab', 'Responsible unit'),
    input: recordRef.openapi({ description: 'Responsible unit (bidang) of that office' }),
    options: unitOptions,
    help: label('Harus bidang dari kantor di atas.', 'Must be a unit of the office above.'),
  }),
  locations: field.list({
    label: label('Tempat layanan', 'Where it is offered'),
    rowLabel: label('Tempat', 'Place'),
    maxValue: 50,
    help: label(
      'Kantor (dan loket) tempat warga dilayani, bila selain kantor penanggung jawab.',
      'Offices (and counters) where people are served, if not only the responsible office.',
    ),
    of: {
      officeId: field.text({
        label: label('Kantor', 'Office'),
        required: true,
        input: recordRef.openapi({ description: 'Office id or slug' }),
        options: officeOptions,
      }),
      counterId: field.text({
        label: label('Loket', 'Counter'),
        input: recordRef,
        options: counterOptions,
        help: label('Loket di kantor tersebut (opsional).', 'A counter of that office (optional).'),
      }),
    },
  }),
  requirements: field.custom({
    label: label('Persyaratan', 'Requirements'),
    required: true,
    default: [],
    custom: requirementsStorage,
  }) as EntityField<Requirement[], true>,
  procedure: field.custom({
    label: label('Prosedur', 'Procedure'),
    required: true,
    default: [],
    custom: procedureStorage,
  }) as EntityField<LocalizedText[], true>,
  fee: field.custom({ label: label('Biaya', 'Fee'), required: true, custom: feeStorage }) as EntityField<Fee, true>,
  processingTime: field.custom({
    label: label('Waktu proses', 'Processing time'),
    custom: processingTimeStorage,
  }) as EntityField<ProcessingTime, false>,
  legalBasis: field.lines({
    label: label('Dasar hukum layanan', 'Legal basis of the service'),
    max: 500,
    maxValue: 50,
    help: label('Peraturan yang mengatur layanan ini.', 'Regulations governing this service.'),
  }),
  complaint: field.custom({
    label: label('Pengaduan', 'Complaints'),
    custom: complaintStorage,
  }) as EntityField<Complaint, false>,
  related: field.lines({
    label: label('Layanan terkait', 'Related services'),
    input: recordRef.array().max(20).openapi({ description: 'Related service ids or slugs' }),
    options: serviceOptions,
    section: label('Terkait', 'Related'),
  }),
}

/** Search rank of services: the highest, so "ktp" answers with the service before its office or news. */
export const SERVICE_SEARCH_BOOST = 5

/**
 * A public service after the Standar Pelayanan of Law 25/2009: requirements, procedure, fee,
 * processing time, product, legal basis and complaints, with the responsible office and bidang
 * and the places it is offered from the directory. Its slug is fixed at creation: presence
 * schedules and other services name it.
 */
export const service = defineEntity({
  module: 'services',
  name: 'service',
  table: 'services_services',
  idPrefix: 'svc',
  title: label('Layanan publik', 'Public services'),
  fields,
  slug: { from: 'name', fixed: true },
  order: { field: 'name', direction: 'asc' },
  // The list (words, the office by slug) and the detail (office, open now, presence) are written by hand.
  api: { path: '/services', tag: 'Services', schema: 'Service', routes: ['create', 'update', 'delete', 'verify'] },
  page: '/layanan',
  searchBoost: SERVICE_SEARCH_BOOST,
  hooks: { resolve: resolveReferences, check: checkService, beforeDelete: deleteOwnSchedules },
})

export type Service = EntityRecord<typeof fields> & { slug: string }

/** The columns the hand-written queries read (lists by words and office, HSDS pages, seeds). */
export const serviceColumns = service.table as unknown as Record<
  'id' | 'seedKey' | 'nameIndonesian' | 'nameEnglish' | 'synonyms' | 'category' | 'officeId' | 'locations',
  SQLiteColumn
>
