import { defineEntity, type EntityRecord, field, type LocalizedText, type TenantContext } from '@cerdas/core'
import { deleteSchedule, listSchedulesForOwner } from '@cerdas/module-schedules'
import { type Contacts, type Coordinates, placeFields, placeOwner } from '@cerdas/places'
import { sql } from 'drizzle-orm'
import { DROP_POINT_KIND_LABELS, DROP_POINT_KINDS, WASTE_TYPE_LABELS, WASTE_TYPES } from './labels'

const label = (id: string, en: string): LocalizedText => ({ id, en })

const fields = {
  name: field.localizedText({ label: label('Nama', 'Name'), required: true, max: 200, search: 'title' }),
  kind: field.enum(DROP_POINT_KINDS, DROP_POINT_KIND_LABELS, {
    label: label('Jenis', 'Kind'),
    required: true,
    filterable: true,
    search: 'keywords',
    listed: true,
  }),
  ...placeFields(),
  accepts: field.lines({
    label: label('Sampah yang diterima', 'Waste accepted'),
    values: WASTE_TYPES,
    labels: WASTE_TYPE_LABELS,
    filterable: true,
    section: label('Penerimaan sampah', 'What it takes'),
  }),
  description: field.localizedText({
    label: label('Keterangan', 'Description'),
    max: 3000,
    long: true,
    search: 'body',
    help: label('Misalnya cara menabung di bank sampah.', 'E.g. how saving at the waste bank works.'),
  }),
  photos: field.photos({ label: label('Foto', 'Photos'), max: 8, section: label('Foto', 'Photos') }),
  sourceNote: field.longText({
    label: label('Sumber data', 'Data source'),
    max: 2000,
    vouched: false,
    help: label(
      'Dari mana data ini diambil (tautan, dokumen, tanggal).',
      'Where this data comes from (link, document, date).',
    ),
  }),
}

export type DropPoint = Omit<EntityRecord<typeof fields>, 'contacts' | 'coordinates'> & {
  slug: string
  contacts: Contacts
  coordinates: Coordinates | null
}

/** The schedules owner reference of a drop point's hours: `waste/droppoint/<slug>`. */
export const dropPointOwner = (p: { slug: string }) => placeOwner('waste', 'droppoint', p)

/** A drop point's hours go with it, so no schedule is left naming a place that is gone. */
async function removeHours(ctx: TenantContext, id: string): Promise<void> {
  const [row] = await ctx.db.all<{ slug: string }>(sql`SELECT slug FROM waste_droppoints WHERE id = ${id}`)
  if (!row) return
  for (const schedule of await listSchedulesForOwner(ctx, dropPointOwner(row))) await deleteSchedule(ctx, schedule.id)
}

/**
 * A drop point (TPS, TPS3R, bank sampah, TPST/TPA) as a place: where it is, what it accepts, and
 * its hours from the schedules module (owner `waste/droppoint/<slug>`), so the slug is fixed.
 */
export const dropPoint = defineEntity({
  module: 'waste',
  name: 'droppoint',
  table: 'waste_droppoints',
  idPrefix: 'wsd',
  title: label('Tempat pembuangan dan bank sampah', 'Drop points and waste banks'),
  noun: label('tempat', 'drop points'),
  fields,
  slug: { from: 'name', fixed: true },
  order: { field: 'name', direction: 'asc' },
  api: {
    path: '/waste/droppoints',
    tag: 'Waste',
    schema: 'WasteDropPoint',
    // The list (open now, by desa) is written by hand.
    routes: ['get', 'create', 'update', 'delete', 'verify'],
  },
  page: '/sampah/tempat',
  hooks: { beforeDelete: removeHours },
})
