import {
  defineEntity,
  type EntityField,
  type EntityRecord,
  field,
  pickText,
  type TenantContext,
  visibleOwners,
} from '@cerdas/core'
import { type ScheduleDefinition, scheduleSchema } from '@cerdas/schedules'
import { z } from '@hono/zod-openapi'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { SCHEDULE_KIND_LABELS, SCHEDULE_KINDS } from './kinds'
import { canonicalOwner, ownerIssues } from './owners'
import { openingHoursOf, parsedDefinition } from './schedule-definitions'
import {
  buildDefinition,
  type DefinitionInput,
  definitionInputSchema,
  type OwnerRef,
  ownerRefSchema,
  servicesInputSchema,
} from './schedule-input'

const fields = {
  label: field.localizedText({ label: { id: 'Nama jadwal', en: 'Label' }, required: true, max: 200 }),
  kind: field.enum(SCHEDULE_KINDS, SCHEDULE_KIND_LABELS, { label: { id: 'Jenis', en: 'Kind' }, required: true }),
  /** Any record of any module, by reference (no foreign key), stored as the key its module answers. */
  owner: field.custom({
    label: { id: 'Pemilik', en: 'Owner' },
    required: true,
    custom: {
      columns: [
        { key: 'ownerModule', column: 'owner_module', type: 'TEXT', notNull: true },
        { key: 'ownerType', column: 'owner_type', type: 'TEXT', notNull: true },
        { key: 'ownerId', column: 'owner_id', type: 'TEXT', notNull: true },
      ],
      input: ownerRefSchema,
      output: z.object({ module: z.string(), type: z.string(), id: z.string() }),
      read: (row) =>
        row.ownerModule === null || row.ownerModule === undefined
          ? null
          : { module: row.ownerModule as string, type: row.ownerType as string, id: row.ownerId as string },
      write: (owner: OwnerRef | null) => ({
        ownerModule: owner?.module ?? null,
        ownerType: owner?.type ?? null,
        ownerId: owner?.id ?? null,
      }),
      admin: [
        {
          name: 'owner.module',
          label: { id: 'Pemilik: modul', en: 'Owner: module' },
          type: 'text',
          required: true,
          help: { id: 'Misalnya directory', en: 'For example directory' },
        },
        {
          name: 'owner.type',
          label: { id: 'Pemilik: jenis data', en: 'Owner: record type' },
          type: 'text',
          required: true,
          help: { id: 'Misalnya office (kantor)', en: 'For example office' },
        },
        {
          name: 'owner.id',
          label: { id: 'Pemilik: ID', en: 'Owner: id' },
          type: 'text',
          required: true,
          help: { id: 'ID kantor, layanan, atau tempat', en: 'Id of the office, service or place' },
        },
      ],
      values: (owner: OwnerRef | null) => ({
        'owner.module': owner?.module ?? null,
        'owner.type': owner?.type ?? null,
        'owner.id': owner?.id ?? null,
      }),
    },
  }) as EntityField<OwnerRef, true>,
  /** Presence only: the role or desk (e.g. "Petugas perekaman KTP-el"). */
  role: field.localizedText({
    label: { id: 'Peran petugas', en: 'Officer role' },
    max: 200,
    help: { id: 'Untuk jadwal kehadiran petugas', en: 'For officer presence schedules' },
  }),
  services: field.lines({ label: { id: 'Layanan', en: 'Services' }, input: servicesInputSchema }),
  /**
   * The engine's definition as given, completed with the tenant zone and holiday default when
   * written; `closed_on_holidays` mirrors it for queries.
   */
  definition: field.custom({
    label: { id: 'Jam', en: 'Hours' },
    required: true,
    custom: {
      columns: [
        { key: 'definition', column: 'definition', type: 'TEXT', notNull: true },
        { key: 'closedOnHolidays', column: 'closed_on_holidays', type: 'INTEGER', notNull: true },
      ],
      input: definitionInputSchema,
      output: scheduleSchema,
      read: (row) => (typeof row.definition === 'string' ? parsedDefinition(row.definition) : null),
      write: (definition: ScheduleDefinition | null) => ({
        definition: definition === null ? null : JSON.stringify(definition),
        closedOnHolidays: definition === null ? null : definition.closedOnHolidays ? 1 : 0,
      }),
      // Hours are edited in the schedule editor (`/admin/jadwal/:id`), not in the generic form.
      admin: [],
    },
  }) as EntityField<ScheduleDefinition, true>,
}

/** A role form left empty (`role: { id: null }` or `{}`) means "no role". */
function normalizeRole(value: unknown): unknown {
  if (!value || typeof value !== 'object' || !('role' in value)) return value
  const role = (value as { role: unknown }).role
  if (role && typeof role === 'object' && !(role as { id?: unknown }).id) return { ...value, role: null }
  return value
}

/** A write the generated console entity always has. */
function written<T>(write: T | undefined): T {
  if (!write) throw new Error('the generated console entity has no write')
  return write
}

/**
 * Opening hours or officer presence of any record of any module (by owner reference). The
 * console's generic form covers who and what; the hours themselves are edited in the dedicated
 * schedule editor (`/admin/jadwal/:id`).
 */
export const schedule = defineEntity({
  module: 'schedules',
  name: 'schedule',
  table: 'schedules_schedules',
  idPrefix: 'sch',
  title: { id: 'Jadwal', en: 'Schedules' },
  fields,
  // Oldest first: the first hours schedule of an owner is the one that counts.
  order: { field: 'createdAt', direction: 'asc' },
  api: {
    path: '/schedules',
    tag: 'Schedules',
    schema: 'Schedule',
    // The list takes owner filters, and the detail sits beside `/schedules/import`: both by hand.
    routes: ['create', 'update', 'delete', 'verify'],
    summaries: {
      create: 'Create a schedule (opening hours or officer presence) for an owner',
      update: 'Change a schedule (a new definition replaces the old one and clears its verification)',
      delete: 'Delete a schedule',
      verify: 'Mark a schedule as checked now by the caller',
    },
  },
  publicUrl: (s) => `/jadwal/${s.id}`,
  // The team of the owner keeps its hours: an attraction's are branding's, an office's governance's (ADR 0110).
  ownerField: 'owner',
  derived: {
    schema: { openingHours: z.string().openapi({ description: 'The definition as an OSM opening_hours value' }) },
    of: (values) => ({ openingHours: openingHoursOf(values.definition as ScheduleDefinition) }),
  },
  hooks: {
    async resolve(ctx, _values, input, _id, write) {
      const values: Record<string, unknown> = {}
      if (input.definition) values.definition = buildDefinition(ctx, input.definition as DefinitionInput)
      // Seeds run before the owning modules' seeds (dependency order) and name owners by key already.
      if (input.owner && write.seedKey === null) values.owner = await canonicalOwner(ctx, input.owner as OwnerRef)
      return { values, errors: [] }
    },
  },
  admin: ({ create, update, updateSchema, ...generated }) => ({
    ...generated,
    fields: generated.fields.filter((f) => f.name !== 'services'),
    columns: [
      {
        label: { id: 'Pemilik', en: 'Owner' },
        value: (s) => {
          const owner = s.owner as OwnerRef
          return `${owner.module}/${owner.type}/${owner.id}`
        },
      },
      {
        label: { id: 'Jenis', en: 'Kind' },
        value: (s, locale) => pickText(SCHEDULE_KIND_LABELS[s.kind as keyof typeof SCHEDULE_KIND_LABELS], locale),
      },
      { label: { id: 'Jam (OSM)', en: 'Hours (OSM)' }, value: (s) => s.openingHours as string },
    ],
    createSchema: (generated.createSchema as z.ZodObject).omit({ definition: true, services: true }),
    updateSchema: z.preprocess(normalizeRole, updateSchema as z.ZodType),
    // A schedule created from the generic form starts closed every day; its hours are set in the editor.
    create: (ctx, input) => written(create)(ctx, { ...(normalizeRole(input) as object), definition: { weekly: {} } }),
    update: (ctx, id, input) => written(update)(ctx, id, normalizeRole(input)),
    checkInput: (ctx, input: { owner?: OwnerRef }, id) => ownerRowIssues(ctx, input, id),
    // A dimension team sees the schedules of its own modules' records only (ADR 0110).
    list: (ctx, page) => listVisible(ctx, page),
    valuesOf: (s) => {
      const { services: _services, ...values } = generated.valuesOf(s)
      return values
    },
    editUrl: (s) => `/admin/jadwal/${s.id}`,
    createUrl: '/admin/jadwal/baru',
  }),
})

export type Schedule = EntityRecord<typeof fields, { openingHours: string }>

/**
 * An import row's owner problems by field: an owner that does not exist, or one of another team's
 * module (ADR 0110), reported before anything is written.
 */
async function ownerRowIssues(
  ctx: TenantContext,
  input: { owner?: OwnerRef },
  id: string | null,
): Promise<{ field: string; message: string }[]> {
  if (!input.owner) return []
  const issues = await ownerIssues(ctx, input.owner)
  if (issues.length > 0 || schedule.permits(ctx, id ? 'update' : 'create', { owner: input.owner })) return issues
  return [{ field: 'owner.module', message: `a schedule of a ${input.owner.module} record is its team's to write` }]
}

/** The schedules of owners the caller sees in the console, oldest first, one page at a time. */
function listVisible(
  ctx: TenantContext,
  page: { cursor?: string | undefined; limit: number },
): Promise<{ items: Record<string, unknown>[]; nextCursor: string | null }> {
  return schedule.listForEditing(ctx, page, visibleOwners(ctx, scheduleColumns.ownerModule))
}

/** The columns hand-written reads of schedules narrow and order by. */
export const scheduleColumns = schedule.table as unknown as Record<
  'id' | 'seedKey' | 'ownerModule' | 'ownerType' | 'ownerId' | 'kind',
  SQLiteColumn
>
