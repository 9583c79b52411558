import type { z } from 'zod'
import type { DimensionId } from './dimensions'
import type { Locale, LocalizedText } from './localized-text'
import type { TenantContext } from './tenant'

/**
 * The kinds of admin form inputs.
 *
 * Single values: `text`, `textarea`, `select` (one of `options`), `datetime` (wall clock in the
 * tenant's zone), `url`, `number`, `checkbox` (a boolean), and `reference`: the id of another
 * record, shown as a select of `optionsFrom` when given (else a text input). A reference is
 * submitted as text and checked by the module's business function, so a sheet may give an id or a
 * slug, and a stored value missing from the options is still shown and kept.
 *
 * Lists (the input is a `string[]`, empty when nothing is given):
 * - `lines`: a textarea, one item per line; blank lines are ignored (synonyms, legal basis).
 * - `multiselect`: checkboxes of `options` or `optionsFrom` (audience, related records).
 * - `list`: a repeatable group of sub-fields (`fields`), one object per row (requirements,
 *   procedure steps, places). Rows where every input is empty are ignored. Without JavaScript
 *   the form shows the stored rows plus `blankRows` empty ones; with it, rows can also be added,
 *   removed and moved.
 * - `photos`: the record's photos (`field.photos`): each shown with its alt text, credit and
 *   licence to edit, an order and a remove box, and one file input to upload another, with its
 *   alt text; the form is sent as multipart/form-data when it has one. Its value is a JSON list
 *   of photo references ({@link AdminEntity.valuesOf}).
 */
export type AdminFieldType =
  | 'text'
  | 'textarea'
  | 'select'
  | 'datetime'
  | 'url'
  | 'number'
  | 'checkbox'
  | 'reference'
  | 'lines'
  | 'multiselect'
  | 'list'
  | 'photos'

/** Field types that hold one value, the only ones a `list` field's rows may contain. */
export type AdminScalarFieldType = Exclude<AdminFieldType, 'lines' | 'multiselect' | 'list' | 'photos'>

/** One choice of a `select`, `reference` or `multiselect` field. */
export interface AdminOption {
  value: string
  label: LocalizedText
  /** Choices with the same group are shown together under it (e.g. the office of a unit). */
  group?: LocalizedText | undefined
}

/**
 * One input of an admin form. `name` is a dotted path into the input object, e.g. `title.en`,
 * `fee.amount`; the console builds nested objects from the dots. What the form gives the create
 * and update schemas:
 * - an empty optional input is left out when creating; when updating it clears the value where
 *   the update schema accepts `null` (else it is left out, i.e. unchanged);
 * - a group of dotted inputs that are all empty (e.g. `processingTime.*`) is left out when
 *   creating, and when updating becomes `null` where the schema accepts it, else is left out;
 * - a `checkbox` always gives `true` or `false` (so it can be the discriminator of a union, e.g.
 *   `fee.free`);
 * - a list field always gives an array when updating (`[]` clears it).
 * Schema issues come back next to their input, list rows included (`requirements.2.document.id`).
 */
export interface AdminField {
  name: string
  label: LocalizedText
  type: AdminFieldType
  /** Must be given; in a `list` row: must be given when any input of the row is. */
  required?: boolean
  /** Fixed choices of a `select` or `multiselect`. */
  options?: AdminOption[]
  /**
   * Choices read when the form is shown, for a `reference` or `multiselect` (e.g. the tenant's
   * offices). Call other modules through their exported functions, never their tables.
   * @example optionsFrom: async (ctx) => (await listAll(ctx, listOfficesForEditing)).map(officeOption)
   */
  optionsFrom?: (ctx: TenantContext) => Promise<AdminOption[]>
  help?: LocalizedText
  /**
   * A `number` that is a whole number (Rupiah, days): thousands separators are read as such
   * (`50.000`, `50,000` and `50 000` are fifty thousand), anything after a decimal mark is refused.
   * Other numbers read `,` as the decimal mark (`2,3333`).
   */
  integer?: boolean
  /** Starts a titled part of the form with this field (long forms: fee, complaints, ...). */
  section?: LocalizedText
  /** A `list` field's inputs of one row; names are relative to the row (`document.id`). */
  fields?: AdminSubField[]
  /** What one row of a `list` is called, numbered in the form: `Persyaratan 3`. */
  rowLabel?: LocalizedText
  /** Empty rows a `list` shows below the filled ones (default 2). */
  blankRows?: number
  /** Most photos a `photos` field holds. */
  maxItems?: number | undefined
}

/** An input of a `list` row: one value, no nesting of lists. */
export interface AdminSubField extends Omit<AdminField, 'type' | 'fields' | 'rowLabel' | 'blankRows' | 'section'> {
  type: AdminScalarFieldType
}

/** One cell of {@link AdminEntity.valuesOf}: scalars as they are, lists as text (see there). */
export type AdminValue = string | number | boolean | null

/** One row of a `list` field for {@link listValue}: values by sub-field name. */
export type AdminRow = Record<string, AdminValue | undefined>

/** The value of a `lines` or `multiselect` field for {@link AdminEntity.valuesOf}: one item per line. */
export function linesValue(items: readonly string[]): string {
  return items.join('\n')
}

/** Items of a `lines` or `multiselect` value (blank lines dropped). */
export function readLinesValue(value: AdminValue | undefined): string[] {
  if (typeof value !== 'string') return []
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
}

/**
 * The value of a `list` field for {@link AdminEntity.valuesOf}: its rows, each by sub-field name
 * (`{ 'document.id': 'KTP asli', 'note.id': null }`), as JSON text.
 */
export function listValue(rows: readonly AdminRow[]): string {
  return JSON.stringify(rows)
}

/** Rows of a `list` value; an empty list for anything that is not a JSON array of objects. */
export function readListValue(value: AdminValue | undefined): AdminRow[] {
  if (typeof value !== 'string' || value === '') return []
  try {
    const rows: unknown = JSON.parse(value)
    return Array.isArray(rows) ? rows.filter((r): r is AdminRow => typeof r === 'object' && r !== null) : []
  } catch {
    return []
  }
}

/**
 * Every record of a paged list function, up to `max` (for `optionsFrom`).
 * @example const offices = await listAll(ctx, listOfficesForEditing)
 */
export async function listAll<T>(
  ctx: TenantContext,
  list: (
    ctx: TenantContext,
    page: { cursor?: string | undefined; limit: number },
  ) => Promise<{ items: T[]; nextCursor: string | null }>,
  max = 2000,
): Promise<T[]> {
  const items: T[] = []
  let cursor: string | undefined
  do {
    const page = await list(ctx, { limit: 100, ...(cursor ? { cursor } : {}) })
    items.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor && items.length < max)
  return items.slice(0, max)
}

export interface AdminColumn<T> {
  label: LocalizedText
  value: (item: T, locale: Locale) => string
}

/**
 * How the admin console shows and edits one kind of record of a module.
 * The console builds list, form, verify, delete and CSV/XLSX screens from
 * this; the functions are the module's own business functions, so every
 * write is validated and audited exactly as through the API.
 */
export interface AdminEntity<T = any> {
  /** Entity id within the module, e.g. `announcement`. */
  id: string
  title: LocalizedText
  /** Every input of the form, in order; together they should cover every field people keep true. */
  fields: AdminField[]
  columns: AdminColumn<T>[]
  /** Permission per action; an action without one is not offered. */
  permissions: { create?: string; update?: string; delete?: string; verify?: string }
  /** Input schemas the form values are checked against (field errors are mapped back by path). */
  createSchema?: z.ZodType
  updateSchema?: z.ZodType
  /** Every record, drafts and expired ones included, newest first. */
  list(
    ctx: TenantContext,
    page: { cursor?: string | undefined; limit: number },
  ): Promise<{ items: T[]; nextCursor: string | null }>
  get(ctx: TenantContext, id: string): Promise<T>
  create?(ctx: TenantContext, input: any): Promise<T>
  update?(ctx: TenantContext, id: string, input: any): Promise<T>
  /**
   * Creates (`id` null) and updates many records in one transaction, each checked and audited as
   * `create` and `update` are; one refused row writes nothing (a 422 problem whose `rows` name
   * each bad row by its index). Imports write through it when the entity has it.
   */
  writeMany?(
    ctx: TenantContext,
    rows: readonly { id: string | null; input: any }[],
  ): Promise<{ created: number; updated: number }>
  /**
   * Checks a valid input against other records before an import writes anything (a schedule's
   * owner must exist): problems by field name, empty when the row can be written.
   */
  checkInput?(ctx: TenantContext, input: any, id: string | null): Promise<{ field: string; message: string }[]>
  remove?(ctx: TenantContext, id: string): Promise<void>
  verify?(ctx: TenantContext, id: string, input: { source?: string | undefined }): Promise<T>
  idOf(item: T): string
  labelOf(item: T, locale: Locale): string
  /**
   * Current values by field name, for the edit form and exports: one cell per field. Scalars as
   * they are (`null` when empty); `lines` and `multiselect` as {@link linesValue} (one item per
   * line); `list` as {@link listValue} (rows by sub-field name).
   */
  valuesOf(item: T): Record<string, AdminValue>
  verificationOf?(item: T): { verifiedAt: string | null; verifiedBy: string | null }
  /** Public page of the record, if any. */
  publicUrl?(item: T): string
  /**
   * A dedicated console page that edits the record (e.g. the schedule editor), if the generic
   * form does not cover everything; the generic list links the record there.
   */
  editUrl?(item: T): string
  /** A dedicated console page that creates records, instead of the generic form. */
  createUrl?: string
  /**
   * Further console pages of a record besides its form (a KPI's values by period): the record's
   * page and its row in the list link each.
   */
  links?(item: T): { label: LocalizedText; url: string }[]
  /**
   * The records belong to other modules' records (a schedule's owner), and who opens and writes
   * them follows the owner's team (ADR 0110): a dimension team opens the entity, sees the records
   * of its own modules' owners, and `get` answers 404 for the others.
   */
  followsOwner?: boolean
  /** With `followsOwner`, for records that name their team (ADR 0117): every dimension's team opens the entity. */
  ownerDimensions?: readonly DimensionId[]
  /**
   * Only grants unlimited by dimension write the records (`unlimitedOnly` in the declaration), and
   * only those that may write them open them in the console: a team membership's form lists the
   * tenant's accounts, which a dimension team or a viewer has no reason to read.
   */
  unlimitedOnly?: boolean
}

/** A module's section on the admin dashboard, e.g. holidays and special hours coming up. */
export interface AdminDashboardSection {
  title: LocalizedText
  /** Said when there are no items. */
  empty: LocalizedText
  items: { label: string; detail?: string | undefined; url?: string | undefined }[]
}
