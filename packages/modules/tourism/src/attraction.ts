import { defineEntity, type EntityRecord, field, problem, type TenantContext } from '@cerdas/core'
import { deleteSchedule, listSchedulesForOwner } from '@cerdas/module-schedules'
import { type Contacts, type Coordinates, placeFields, placeOwner } from '@cerdas/places'
import { eq } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { ATTRACTION_CATEGORIES, ATTRACTION_CATEGORY_LABELS, VISITOR_TYPE_LABELS, VISITOR_TYPES } from './labels'

const label = (id: string, en: string) => ({ id, en })

const feeRow = {
  visitorType: field.enum(VISITOR_TYPES, VISITOR_TYPE_LABELS, {
    label: label('Jenis pengunjung', 'Visitor type'),
    required: true,
  }),
  label: field.localizedText({
    label: label('Keterangan', 'Description'),
    max: 100,
    help: label('Misalnya "hari libur" atau "sepeda motor".', 'E.g. "holidays" or "motorcycle".'),
  }),
  amount: field.money({
    label: label('Tarif (Rp)', 'Fee (Rp)'),
    maxValue: 100_000_000,
    help: label('Kosongkan bila belum diketahui.', 'Leave empty when not known.'),
  }),
}

const fields = {
  name: field.localizedText({ label: label('Nama', 'Name'), required: true, max: 200, search: 'title' }),
  category: field.enum(ATTRACTION_CATEGORIES, ATTRACTION_CATEGORY_LABELS, {
    label: label('Kategori', 'Category'),
    required: true,
    filterable: true,
    search: 'keywords',
    listed: true,
  }),
  description: field.localizedText({
    label: label('Deskripsi', 'Description'),
    max: 5000,
    long: true,
    search: 'body',
  }),
  howToGetThere: field.localizedText({
    label: label('Cara menuju ke sana', 'How to get there'),
    max: 3000,
    long: true,
  }),
  ...placeFields(),
  freeEntry: field.boolean({
    label: label('Masuk gratis', 'Free entry'),
    filterable: true,
    help: label(
      'Centang hanya bila pasti gratis; bila belum tahu, biarkan kosong dan isi tarif bila ada.',
      'Tick only when it is certainly free; when unsure, leave it and give the fees you know.',
    ),
  }),
  fees: field.list({
    label: label('Tiket masuk', 'Entrance fees'),
    rowLabel: label('Tarif', 'Fee'),
    maxValue: 20,
    of: feeRow,
  }),
  accessibility: field.localizedText({
    label: label('Aksesibilitas', 'Accessibility'),
    max: 2000,
    long: true,
    help: label('Jalan setapak, tangga, akses kursi roda.', 'Paths, stairs, wheelchair access.'),
  }),
  bestTime: field.localizedText({
    label: label('Waktu terbaik berkunjung', 'Best time to visit'),
    max: 500,
    long: true,
  }),
  photos: field.photos({ label: label('Foto', 'Photos'), max: 12 }),
  sourceNote: field.longText({
    label: label('Sumber data', 'Data source'),
    max: 1000,
    vouched: false,
    help: label(
      'Dari mana data ini diambil (tautan Wikipedia/OSM/dinas pariwisata).',
      'Where this data comes from (Wikipedia/OSM/tourism office link).',
    ),
  }),
}

export type Fee = {
  visitorType: (typeof VISITOR_TYPES)[number]
  label: { id: string; en?: string } | null
  amount: number | null
}

export type Attraction = Omit<EntityRecord<typeof fields>, 'coordinates' | 'contacts'> & {
  slug: string
  coordinates: Coordinates | null
  contacts: Contacts
}

/** The schedules owner reference of an attraction: `tourism/attraction/<slug>`. */
export const attractionOwner = (a: { slug: string }) => placeOwner('tourism', 'attraction', a)

/** Events that take place at an attraction, counted by its slug (what an event stores). */
async function eventsAt(ctx: TenantContext, slug: string): Promise<number> {
  const result = await ctx.db.$client.execute({
    sql: 'SELECT count(*) AS n FROM tourism_events WHERE venue_attraction = ?',
    args: [slug],
  })
  return Number(result.rows[0]?.n ?? 0)
}

/** An attraction goes only once no event names it as its venue; its hours go with it. */
async function beforeAttractionDelete(ctx: TenantContext, id: string): Promise<void> {
  const c = attraction.table as unknown as Record<'id' | 'slug', SQLiteColumn>
  const [row] = await ctx.db.select({ slug: c.slug }).from(attraction.table).where(eq(c.id, id))
  const slug = row?.slug as string | undefined
  if (!slug) return
  if ((await eventsAt(ctx, slug)) > 0)
    throw problem('conflict', 'Events take place here: move them to another venue or delete them first.')
  for (const schedule of await listSchedulesForOwner(ctx, attractionOwner({ slug })))
    await deleteSchedule(ctx, schedule.id)
}

/** A fee with an amount above zero contradicts free entry. */
const feesAgreeWithFreeEntry = (values: Record<string, unknown>) =>
  values.freeEntry !== true ||
  !Array.isArray(values.fees) ||
  (values.fees as { amount?: number | null }[]).every((f) => !f.amount)

/**
 * Tempat wisata: an attraction (nature, culture, history, a desa wisata ...) with how to get there,
 * entrance fees by visitor type, facilities and contacts. Hours come from the schedules module
 * (owner `tourism/attraction/<slug>`), so the slug is fixed at creation.
 */
export const attraction = defineEntity({
  module: 'tourism',
  name: 'attraction',
  table: 'tourism_attractions',
  idPrefix: 'atr',
  title: label('Tempat wisata', 'Attractions'),
  noun: label('tempat wisata', 'attractions'),
  fields,
  slug: { from: 'name', fixed: true },
  order: { field: 'name', direction: 'asc' },
  api: {
    path: '/tourism/attractions',
    tag: 'Tourism',
    schema: 'Attraction',
    // The list (open now, at an instant) is written by hand.
    routes: ['get', 'create', 'update', 'delete', 'verify'],
  },
  page: '/wisata',
  searchBoost: 1,
  rules: [{ field: 'freeEntry', message: 'free entry cannot have a fee above zero', holds: feesAgreeWithFreeEntry }],
  hooks: { beforeDelete: beforeAttractionDelete },
})
