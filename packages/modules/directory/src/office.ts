import {
  defineEntity,
  type EntityRecord,
  type FieldError,
  type FieldOption,
  field,
  type LocalizedText,
  problem,
  type TenantContext,
} from '@cerdas/core'
import { deleteSchedule, listSchedulesForOwner } from '@cerdas/module-schedules'
import { type Contacts, type Coordinates, contactsStorage, coordinatesStorage } from '@cerdas/places'
import { eq, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { OFFICE_TYPE_LABELS } from './labels'
import { OFFICE_TYPES, RESERVED_OFFICE_SLUGS } from './validation'

const label = (id: string, en: string) => ({ id, en })

export type { Contacts, Coordinates } from '@cerdas/places'

const fields = {
  name: field.localizedText({ label: label('Nama', 'Name'), required: true, max: 300, search: 'title' }),
  shortName: field.text({ label: label('Singkatan', 'Short name'), max: 60, search: 'keywords' }),
  type: field.enum(OFFICE_TYPES, OFFICE_TYPE_LABELS, {
    label: label('Jenis', 'Type'),
    required: true,
    filterable: true,
    search: 'keywords',
    listed: true,
  }),
  parentId: field.reference({
    label: label('Kantor induk', 'Parent office'),
    target: 'directory.office',
    stores: 'id',
    filterable: true,
    options: officeOptions,
    help: label('Misalnya dinas yang membawahi UPTD ini.', 'E.g. the agency above this technical unit.'),
  }),
  address: field.longText({ label: label('Alamat', 'Address'), max: 500, section: label('Lokasi', 'Location') }),
  kecamatan: field.text({ label: label('Kecamatan', 'District'), max: 100, search: 'keywords', listed: true }),
  coordinates: field.custom({ label: label('Koordinat', 'Coordinates'), custom: coordinatesStorage }),
  contacts: field.custom({ label: label('Kontak', 'Contacts'), required: true, default: {}, custom: contactsStorage }),
  description: field.localizedText({
    label: label('Deskripsi', 'Description'),
    max: 5000,
    long: true,
    search: 'body',
    section: label('Keterangan', 'Description'),
  }),
}

export type Office = Omit<EntityRecord<typeof fields>, 'coordinates' | 'contacts'> & {
  slug: string
  coordinates: Coordinates | null
  contacts: Contacts
}

/** The columns hand-written reads of offices filter on. */
export const officeColumns = (): Record<
  'id' | 'slug' | 'type' | 'nameIndonesian' | 'nameEnglish' | 'shortName' | 'kecamatan' | 'parentId' | 'seedKey',
  SQLiteColumn
> => office.table as never

/** A given slug already taken is a conflict, as it always was; a parent may not be the office or below it. */
async function checkOffice(
  ctx: TenantContext,
  values: Record<string, unknown>,
  id: string | null,
): Promise<FieldError[]> {
  if (id === null && typeof values.slug === 'string' && (await office.resolveId(ctx, values.slug)))
    throw problem('conflict', `The slug ${values.slug} is taken`)
  const c = officeColumns()
  let current = (values.parentId as string | null) ?? null
  for (let depth = 0; current && id && depth < 50; depth++) {
    if (current === id) return [{ pointer: '/parentId', message: 'an office cannot be inside itself' }]
    const [row] = await ctx.db.select({ parentId: c.parentId }).from(office.table).where(eq(c.id, current))
    current = (row?.parentId as string | null) ?? null
  }
  return []
}

/** How many units, counters and positions an office still has, in one statement. */
async function partsOfOffice(ctx: TenantContext, officeId: string): Promise<number> {
  const [row] = await ctx.db.all<{ n: number }>(sql`SELECT
    (SELECT count(*) FROM directory_units WHERE office_id = ${officeId})
    + (SELECT count(*) FROM directory_counters WHERE office_id = ${officeId})
    + (SELECT count(*) FROM directory_positions WHERE office_id = ${officeId}) AS n`)
  return Number(row?.n ?? 0)
}

/** An office as a choice reads: its name with its short name. */
export function officeName(o: Office): LocalizedText {
  return {
    id: o.shortName ? `${o.name.id} (${o.shortName})` : o.name.id,
    en: o.shortName ? `${o.name.en ?? o.name.id} (${o.shortName})` : (o.name.en ?? o.name.id),
  }
}

/** Offices by name as the console's choices, by id (what parts and child offices store). */
export async function officeOptions(ctx: TenantContext): Promise<FieldOption[]> {
  const { items } = await office.list(ctx, { limit: 5000 })
  return items.map((o) => ({ value: o.id, label: officeName(o as Office) }))
}

/** An office goes only once its parts and child offices are gone; its schedules go with it. */
async function beforeOfficeDelete(ctx: TenantContext, id: string): Promise<void> {
  const c = officeColumns()
  const [child] = await ctx.db.select({ id: c.id }).from(office.table).where(eq(c.parentId, id)).limit(1)
  if (child || (await partsOfOffice(ctx, id)) > 0)
    throw problem('conflict', 'Delete or move the units, counters, positions and child offices of this office first.')
  const [row] = await ctx.db.select({ slug: c.slug }).from(office.table).where(eq(c.id, id))
  for (const schedule of await listSchedulesForOwner(ctx, officeOwner({ slug: row?.slug as string })))
    await deleteSchedule(ctx, schedule.id)
}

/** The schedules owner reference of an office: `directory` / `office` / its slug. */
export function officeOwner(office: { slug: string }) {
  return { module: 'directory', type: 'office', id: office.slug }
}

export function officeUrl(office: { slug: string }) {
  return `/direktori/${office.slug}`
}

/**
 * Offices (OPD): dinas, badan, kecamatan, puskesmas, RSUD, MPP. The slug is fixed at creation: it is
 * also the schedules owner id (`directory/office/<slug>`) and other modules link to it.
 */
export const office = defineEntity({
  module: 'directory',
  name: 'office',
  table: 'directory_offices',
  idPrefix: 'off',
  title: label('Kantor (OPD)', 'Offices'),
  noun: label('kantor (OPD)', 'offices'),
  fields,
  slug: { from: ['shortName', 'name'], fixed: true, reserved: RESERVED_OFFICE_SLUGS },
  order: { field: 'name', direction: 'asc' },
  api: {
    path: '/directory/offices',
    tag: 'Directory',
    schema: 'Office',
    // The list (words, a case-blind kecamatan) and the detail (parts, hours) are written by hand.
    routes: ['create', 'update', 'delete', 'verify'],
  },
  page: '/direktori',
  // Above announcements (0), below services.
  searchBoost: 2,
  hooks: { check: checkOffice, beforeDelete: beforeOfficeDelete },
})
