import { defineEntity, type EntityRecord, field, type LocalizedText } from '@cerdas/core'
import { officeOptions } from '@cerdas/module-directory'
import type { CollectionRule } from '@cerdas/schedules'
import { z } from '@hono/zod-openapi'
import { buildRule, type CollectionRuleInput, collectionRuleStorage, emptyRule } from './collection-rule'

const label = (id: string, en: string): LocalizedText => ({ id, en })

const fields = {
  name: field.localizedText({ label: label('Nama area', 'Area name'), required: true, max: 200, search: 'title' }),
  kecamatan: field.text({
    label: label('Kecamatan', 'District'),
    required: true,
    max: 100,
    search: 'keywords',
    filterable: true,
    listed: true,
  }),
  desa: field.lines({
    label: label('Desa/kelurahan yang dilayani', 'Villages served'),
    max: 100,
    maxValue: 200,
    search: 'keywords',
    filterable: true,
    help: label(
      'Satu desa atau kelurahan per baris, ditulis seperti nama resminya.',
      'One village a line, spelled as officially named.',
    ),
  }),
  route: field.localizedText({
    label: label('Rute pengangkutan', 'Collection route'),
    max: 3000,
    long: true,
    search: 'body',
    help: label('Jalan dan titik yang dilalui truk, dalam urutan.', 'Streets and stops the truck passes, in order.'),
  }),
  rule: field.custom({
    label: label('Jadwal pengangkutan', 'Collection schedule'),
    required: true,
    default: {},
    custom: collectionRuleStorage,
  }),
  // The directory's office, stored by id (like a service's responsible office).
  officeId: field.reference({
    label: label('Kantor penanggung jawab', 'Responsible office'),
    target: 'directory.office',
    stores: 'id',
    input: z.string().trim().min(1).max(64).openapi({ description: 'Responsible office: id or slug (directory)' }),
    options: officeOptions,
    section: label('Penanggung jawab', 'Responsibility'),
  }),
  notes: field.localizedText({ label: label('Catatan', 'Notes'), max: 3000, long: true, search: 'body' }),
  sourceNote: field.longText({
    label: label('Sumber data', 'Data source'),
    max: 2000,
    vouched: false,
    help: label(
      'Dari mana jadwal ini diambil (surat edaran dinas, tautan, tanggal).',
      'Where this schedule comes from (office circular, link, date).',
    ),
  }),
}

export type Area = Omit<EntityRecord<typeof fields>, 'rule'> & { slug: string; rule: CollectionRule }

/**
 * A collection area: the desa/kelurahan a truck round serves, its route and its collection rule
 * (weekdays, window, holiday policy, exceptions), evaluated by the schedules engine against the
 * tenant's holiday calendar (ADR 0113).
 */
export const area = defineEntity({
  module: 'waste',
  name: 'area',
  table: 'waste_areas',
  idPrefix: 'wsa',
  title: label('Area pengangkutan sampah', 'Waste collection areas'),
  noun: label('area', 'areas'),
  fields,
  slug: { from: 'name', fixed: true },
  order: { field: 'name', direction: 'asc' },
  api: { path: '/waste/areas', tag: 'Waste', schema: 'WasteArea' },
  page: '/sampah/area',
  hooks: {
    async resolve(ctx, _values, input, id) {
      if (input.rule === undefined && id !== null) return { values: {}, errors: [] }
      const stored = id === null ? null : ((await area.getForEditing(ctx, id)) as unknown as Area).rule
      const built = buildRule(ctx, (input.rule ?? {}) as CollectionRuleInput, stored)
      if (built.errors.length > 0) return { values: {}, errors: built.errors }
      return { values: { rule: built.value ?? emptyRule(ctx.tenant.timezone) }, errors: [] }
    },
  },
})
