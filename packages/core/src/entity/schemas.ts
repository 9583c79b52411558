import { z } from '@hono/zod-openapi'
import { cursorQuerySchema, localizedText, localizedTextOutput, verificationOutput } from '../api-kit'
import { BULK_MAX_ITEMS } from './bulk-writes'
import type { AnyField, FieldMap } from './fields'
import { DEFAULT_MAX_PHOTOS, photoRefInput, photoRefOutput } from './photos-field'

/** A rule across fields (expiry after publication): checked on create, update and the merged record. */
export interface EntityRule {
  /** The field the message belongs to. */
  field: string
  message: string
  holds(values: Record<string, unknown>): boolean
}

const isoInstant = z.iso.datetime({ offset: true }).openapi({ example: '2026-12-01T00:00:00+07:00' })

/** The schema of one value as a client gives it. */
function inputValue(f: AnyField): z.ZodType {
  if (f.input) return f.input
  switch (f.kind) {
    case 'custom':
      return f.custom?.input ?? z.never()
    case 'text':
      return z
        .string()
        .trim()
        .min(1)
        .max(f.max ?? 500)
    case 'longText':
      return z
        .string()
        .trim()
        .min(1)
        .max(f.max ?? 10_000)
    case 'url':
      return z.url({ protocol: /^https?$/ }).max(f.max ?? 2000)
    case 'localizedText':
      return localizedText(f.max ?? 500)
    case 'number':
    case 'money': {
      let n = f.integer ? z.number().int() : z.number()
      if (f.min !== undefined) n = n.min(f.min)
      return n.max(f.maxValue ?? Number.MAX_SAFE_INTEGER)
    }
    case 'enum':
      return z.enum(f.values as [string, ...string[]])
    case 'date':
      return z.iso.date()
    case 'dateTime':
      return isoInstant
    case 'boolean':
      return z.boolean()
    case 'lines':
      return z
        .array(
          f.values
            ? z.enum(f.values as [string, ...string[]])
            : z
                .string()
                .trim()
                .min(1)
                .max(f.max ?? 300),
        )
        .max(f.maxValue ?? 100)
    case 'list':
      return z.array(z.strictObject(createShapeOf(f.of ?? {}))).max(f.maxValue ?? 100)
    case 'reference':
      return z.string().trim().min(1).max(200)
    case 'photos':
      return z.array(photoRefInput).max(f.maxValue ?? DEFAULT_MAX_PHOTOS)
    case 'geoPoint':
      return z.strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
  }
}

/** The schema of one value as the API answers it. */
function outputValue(f: AnyField): z.ZodType {
  // Never null: an empty list when none.
  if (f.kind === 'photos') return z.array(photoRefOutput)
  const value =
    f.kind === 'custom'
      ? (f.custom?.output ?? z.never())
      : f.kind === 'localizedText'
        ? localizedTextOutput
        : f.kind === 'geoPoint'
          ? z.object({ lat: z.number(), lon: z.number() })
          : f.kind === 'enum'
            ? z.enum(f.values as [string, ...string[]])
            : f.kind === 'boolean'
              ? z.boolean()
              : f.kind === 'lines'
                ? z.array(f.values ? z.enum(f.values as [string, ...string[]]) : z.string())
                : f.kind === 'list'
                  ? z.array(
                      z.object(Object.fromEntries(Object.entries(f.of ?? {}).map(([k, sub]) => [k, outputValue(sub)]))),
                    )
                  : f.kind === 'number' || f.kind === 'money'
                    ? z.number()
                    : z.string()
  return f.required ? value : value.nullable()
}

/** Given when creating: required fields without a default must be there; optional ones may be null. */
export function optionalOnCreate(f: AnyField): boolean {
  return !f.required || f.defaultNow === true || f.default !== undefined || f.kind === 'lines' || f.kind === 'list'
}

/** What creating takes for each field: required ones as they are, the rest optional (and nullable when optional). */
function createShapeOf(fields: FieldMap): Record<string, z.ZodType> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, f]) => {
      const value = inputValue(f)
      return [key, optionalOnCreate(f) ? (f.required ? value.optional() : value.nullable().optional()) : value]
    }),
  )
}

function refined<T extends z.ZodType>(schema: T, rules: readonly EntityRule[]): T {
  let out: z.ZodType = schema
  for (const rule of rules)
    out = out.refine((v) => rule.holds(v as Record<string, unknown>), { message: rule.message, path: [rule.field] })
  return out as T
}

export interface EntitySchemaOptions {
  name: string
  fields: FieldMap
  /** Whether records have a slug, and whether it is fixed at creation. */
  slug: false | { fixed: boolean }
  rules: readonly EntityRule[]
  /** Computed output fields (`expired`), after the declared ones. */
  derived: Record<string, z.ZodType>
}

/**
 * The output, create, update and verify schemas of an entity, named for the OpenAPI document
 * (`Announcement`, `AnnouncementCreate`, ...). Inputs are strict: an unknown field is refused.
 */
export function entitySchemas({ name, fields, slug, rules, derived }: EntitySchemaOptions) {
  const entries = Object.entries(fields)
  const publicEntries = entries.filter(([, f]) => !f.private)
  const envelope = (shape: Record<string, z.ZodType>) =>
    z.object({
      id: z.string(),
      ...(slug ? { slug: z.string() } : {}),
      ...shape,
      ...derived,
      verification: verificationOutput,
      createdAt: z.string(),
      updatedAt: z.string(),
    })
  const output = envelope(Object.fromEntries(publicEntries.map(([key, f]) => [key, outputValue(f)]))).openapi(name)
  const editorOutput = envelope(Object.fromEntries(entries.map(([key, f]) => [key, outputValue(f)])))
  const slugInput = z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters and digits joined by hyphens')
    .max(64)
  const createShape = createShapeOf(fields)
  const updateShape = Object.fromEntries(
    entries.map(([key, f]) => {
      const value = inputValue(f)
      return [key, f.required ? value.optional() : value.nullable().optional()]
    }),
  )
  const create = refined(
    z.strictObject({ ...(slug ? { slug: slugInput.optional() } : {}), ...createShape }),
    rules,
  ).openapi(`${name}Create`)
  const update = refined(
    z.strictObject({ ...(slug && !slug.fixed ? { slug: slugInput.optional() } : {}), ...updateShape }),
    rules,
  )
    .refine((value) => Object.keys(value).length > 0, { message: 'nothing to update' })
    .openapi(`${name}Update`)
  const verify = z
    .strictObject({
      source: z.string().trim().min(1).max(2000).optional().openapi({ description: 'Where it was checked' }),
    })
    .openapi(`${name}Verify`)
  // Template records: what a create takes, plus a stable key and a stamp where checked against a public source.
  const seedItem = refined(
    z.strictObject({
      key: z.string().regex(/^[a-z0-9-]+$/),
      verification: z
        .strictObject({ at: z.iso.datetime(), by: z.string().min(1), source: z.string().min(1) })
        .optional(),
      ...(slug ? { slug: slugInput.optional() } : {}),
      ...createShape,
    }),
    rules,
  )
  // Bulk writes: what a create takes, plus the id of the record an upsert updates.
  const bulkItem = refined(
    z.strictObject({
      id: z
        .string()
        .max(64)
        .optional()
        .openapi({ description: 'Upsert only: the record this item updates (else its slug names it, if any)' }),
      ...(slug ? { slug: slugInput.optional() } : {}),
      ...createShape,
    }),
    rules,
  ).openapi(`${name}BulkItem`)
  const bulk = z
    .strictObject({
      mode: z.enum(['create', 'upsert']).default('create').openapi({
        description:
          '`create`: every item is a new record. `upsert`: an item naming an existing record (by `id`, else by `slug`) updates it.',
      }),
      items: z.array(bulkItem).min(1).max(BULK_MAX_ITEMS),
    })
    .openapi(`${name}Bulk`)
  const bulkResult = z
    .object({
      created: z.number().int(),
      updated: z.number().int(),
      items: z.array(
        z.object({
          index: z.number().int().openapi({ description: 'Place of the item in the request, from 0' }),
          id: z.string(),
          ...(slug ? { slug: z.string() } : {}),
          action: z.enum(['create', 'update']),
        }),
      ),
    })
    .openapi(`${name}BulkResult`)
  return { output, editorOutput, create, update, verify, seed: z.array(seedItem), bulk, bulkResult }
}

/**
 * The list query of an entity: cursor paging, a filter per filterable field and, when any field is
 * sortable, `sort` (`field` ascending, `-field` descending).
 */
export function listQuerySchema(fields: FieldMap) {
  const filters: Record<string, z.ZodType> = {}
  const sorts: string[] = []
  for (const [key, f] of Object.entries(fields)) {
    if (f.private) continue
    if (f.filterable) {
      filters[key] =
        f.kind === 'enum'
          ? z.enum(f.values as [string, ...string[]]).optional()
          : f.kind === 'boolean'
            ? z
                .enum(['true', 'false'])
                .transform((v) => v === 'true')
                .optional()
            : f.kind === 'lines'
              ? z
                  .string()
                  .max(500)
                  .transform((v) =>
                    v
                      .split(',')
                      .map((item) => item.trim())
                      .filter(Boolean),
                  )
                  .pipe(z.array(f.values ? z.enum(f.values as [string, ...string[]]) : z.string().max(200)).max(10))
                  .optional()
                  .openapi({ description: 'Comma-separated; records holding every one of them' })
              : z.string().max(200).optional()
    }
    if (f.sortable) sorts.push(key, `-${key}`)
  }
  return cursorQuerySchema.extend({
    ...filters,
    ...(sorts.length > 0 ? { sort: z.enum(sorts as [string, ...string[]]).optional() } : {}),
  })
}

/** The `{id}` path parameter: a record's id, or its slug where it has one. */
export const recordKeyParam = z.strictObject({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
})
