import {
  defineEntity,
  type EntityRecord,
  type FieldError,
  type FieldOption,
  field,
  problem,
  type TenantContext,
} from '@cerdas/core'
import { z } from '@hono/zod-openapi'
import { eq, inArray, sql } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { UNIT_KIND_LABELS } from './labels'
import { type Office, office, officeName } from './office'
import { checkPart, officeIdField, sortOrderField } from './office-parts'
import { emailSchema, phoneSchema, UNIT_KINDS } from './validation'

const label = (id: string, en: string) => ({ id, en })

/** A reference to a unit of the same office, chosen from the units grouped under their office. */
export function unitIdField(name: { id: string; en: string }) {
  return field.reference({
    label: name,
    target: 'directory.unit',
    stores: 'id',
    options: unitOptions,
    help: label('Harus bidang dari kantor yang sama.', 'Must be a unit of the same office.'),
  })
}

const fields = {
  officeId: officeIdField(),
  kind: field.enum(UNIT_KINDS, UNIT_KIND_LABELS, {
    label: label('Jenis', 'Kind'),
    required: true,
    search: 'keywords',
    listed: true,
  }),
  name: field.localizedText({ label: label('Nama', 'Name'), required: true, max: 300, search: 'title' }),
  parentId: unitIdField(label('Unit induk', 'Parent unit')),
  handles: field.localizedText({ label: label('Menangani', 'Handles'), max: 5000, long: true, search: 'body' }),
  phone: field.text({ label: label('Telepon', 'Phone'), input: phoneSchema }),
  email: field.text({ label: label('Surel', 'Email'), input: emailSchema }),
  sortOrder: sortOrderField((): SQLiteTable => unit.table),
}

type Contacts = { contacts: { phone: string | null; email: string | null } }
export type Unit = EntityRecord<typeof fields, Contacts>

/** Units (bidang, seksi, subbagian, UPTD) of an office, nested through the parent unit; each found on its office's page. */
export const unit = defineEntity({
  module: 'directory',
  name: 'unit',
  table: 'directory_units',
  idPrefix: 'unt',
  title: label('Bidang / seksi', 'Units (bidang/seksi)'),
  noun: label('bidang/seksi', 'units (bidang/seksi)'),
  fields,
  order: { field: 'sortOrder', direction: 'asc' },
  api: {
    path: '/directory/units',
    tag: 'Directory',
    schema: 'Unit',
    routes: ['get', 'create', 'update', 'delete', 'verify'],
  },
  // The API has always answered the unit's phone and email as its contacts too.
  derived: {
    schema: { contacts: z.object({ phone: z.string().nullable(), email: z.string().nullable() }) },
    of: (values) => ({
      contacts: { phone: (values.phone as string | null) ?? null, email: (values.email as string | null) ?? null },
    }),
  },
  // Above announcements, below offices.
  searchBoost: 1,
  searchUrls: unitUrls,
  hooks: {
    check: checkUnit,
    async beforeDelete(ctx, id) {
      if (await unitInUse(ctx, id))
        throw problem('conflict', 'Sub-units, counters or positions still point to this unit.')
    },
  },
})

/** Where each unit is shown: on its office's page. */
async function unitUrls(ctx: TenantContext, records: Record<string, unknown>[]): Promise<Map<string, string>> {
  const c = office.table as unknown as Record<'id' | 'slug', SQLiteColumn>
  const ids = [...new Set(records.map((r) => r.officeId as string))]
  const rows = await ctx.db.select({ id: c.id, slug: c.slug }).from(office.table).where(inArray(c.id, ids))
  const slugs = new Map(rows.map((r) => [r.id as string, r.slug as string]))
  return new Map(
    records.map((r) => [r.id as string, `/direktori/${slugs.get(r.officeId as string) ?? r.officeId}#${r.id}`]),
  )
}

/** The units of an office, in their order. */
export async function listUnitsOfOffice(ctx: TenantContext, officeId: string): Promise<Unit[]> {
  return (await unit.list(ctx, { officeId, limit: 5000 })).items
}

/** Units by id, in one query (for pages that name many). */
export function unitsByIds(ctx: TenantContext, ids: readonly string[]): Promise<Map<string, Unit>> {
  return unit.byKeys(ctx, ids)
}

/** A unit by id, or null: what other modules call to validate a unit reference. */
export async function findUnit(ctx: TenantContext, id: string): Promise<Unit | null> {
  return (await unit.byKeys(ctx, [id])).get(id) ?? null
}

export function listUnitsForEditing(ctx: TenantContext, page: { cursor?: string | undefined; limit: number }) {
  return unit.listForEditing(ctx, page)
}

/** The id of a unit seeded from a template under its key, for other modules' seeds (a service naming a bidang). */
export async function seededUnitId(ctx: TenantContext, unitKey: string): Promise<string | undefined> {
  const c = unit.table as unknown as Record<'id' | 'seedKey', SQLiteColumn>
  const [row] = await ctx.db
    .select({ id: c.id })
    .from(unit.table)
    .where(eq(c.seedKey, `unit:${unitKey}`))
  return row?.id as string | undefined
}

/** The office stays, and the unit it names is one of that office. */
function checkUnit(ctx: TenantContext, values: Record<string, unknown>, id: string | null): Promise<FieldError[]> {
  return checkPart(ctx, unit.table, unit.table, values, id, '/parentId')
}

/** Units as the console's choices, by id, under their office. */
export async function unitOptions(ctx: TenantContext): Promise<FieldOption[]> {
  const { items: units } = await unit.list(ctx, { limit: 5000 })
  const offices = await office.byKeys(ctx, [...new Set(units.map((u) => u.officeId))])
  const nameOf = (officeId: string) => offices.get(officeId)?.name.id ?? officeId
  return units
    .sort((a, b) => nameOf(a.officeId).localeCompare(nameOf(b.officeId), 'id') || a.sortOrder - b.sortOrder)
    .map((u) => {
      const owner = offices.get(u.officeId) as Office | undefined
      return { value: u.id, label: u.name, group: owner ? officeName(owner) : { id: u.officeId } }
    })
}

/** Whether sub-units, counters or positions still name a unit, in one statement. */
async function unitInUse(ctx: TenantContext, unitId: string): Promise<boolean> {
  const rows = await ctx.db.all(sql`SELECT 1 FROM directory_units WHERE parent_id = ${unitId}
    UNION ALL SELECT 1 FROM directory_counters WHERE unit_id = ${unitId}
    UNION ALL SELECT 1 FROM directory_positions WHERE unit_id = ${unitId} LIMIT 1`)
  return rows.length > 0
}
