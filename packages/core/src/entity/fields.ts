import type { ZodType } from 'zod'
import type { AdminField, AdminValue } from '../admin-entity'
import type { LocalizedText } from '../localized-text'
import type { PhotoRef } from '../photo-ref'
import type { TenantContext } from '../tenant'
import { DEFAULT_MAX_PHOTOS } from './photos-field'

/** The kinds of value an entity field holds; each has one storage, one schema and one admin input. */
export type FieldKind =
  | 'text'
  | 'longText'
  | 'url'
  | 'localizedText'
  | 'number'
  | 'money'
  | 'enum'
  | 'date'
  | 'dateTime'
  | 'boolean'
  | 'lines'
  | 'list'
  | 'reference'
  | 'geoPoint'
  | 'photos'
  | 'custom'

/** What the public search index takes from a field. */
export type SearchRole = 'title' | 'body' | 'keywords'

/** A choice of an `enum` or an option of a reference: value and its label. */
export interface FieldOption {
  value: string
  label: LocalizedText
  /** Choices of one group are shown together under it (the office of a unit). */
  group?: LocalizedText | undefined
}

/** A default worked out when creating, from the input as given (the next place in an office's order). */
export type ComputedDefault<T> = (ctx: TenantContext, input: Record<string, unknown>) => Promise<T>

/** Options every field kind takes. */
export interface FieldOptions {
  /** Label in the console, column header of exports. */
  label: LocalizedText
  /** Must be given when creating; never null. */
  required?: boolean
  /** Shown under the console input. */
  help?: LocalizedText
  /** Starts a titled part of the console form with this field. */
  section?: LocalizedText
  /** Kept and editable by the team, never in public output, pages or search. */
  private?: boolean
  /** Whether a verifier vouches for it: a change clears the verification stamp (default true). */
  vouched?: boolean
  /** Goes into the search document as its title, body or keywords. */
  search?: SearchRole
  /** The public list can be filtered by it (`?field=value`): enums, booleans, references, text. */
  filterable?: boolean
  /** The public list can be sorted by it (`?sort=field` or `-field`). */
  sortable?: boolean
  /** SQL column name (default: the field name in snake case). */
  column?: string
  /** A column in the console's record list. */
  listed?: boolean
}

/** Declared field: kind, options and per-kind details. Built with the {@link field} helpers. */
export interface EntityField<TValue = unknown, TRequired extends boolean = boolean> extends FieldOptions {
  kind: FieldKind
  required: TRequired
  /** Longest text per language (text kinds), or list item length (lines). */
  max?: number
  /** Fewest/most items or lowest/highest number. */
  min?: number
  maxValue?: number
  /** Choices of an `enum`. */
  values?: readonly string[]
  labels?: Record<string, LocalizedText>
  /** A `dateTime` left out when creating becomes the time of writing. */
  defaultNow?: boolean
  /** The value when creating leaves it out (so creating may leave it out), or a {@link ComputedDefault}. */
  default?: unknown
  /** A `longText`/`localizedText` edited in a textarea. */
  long?: boolean
  /** A `number` holding whole numbers only (counts, Rupiah). */
  integer?: boolean
  /** A `list`: the fields of one row (one value each, no nested lists). */
  of?: FieldMap
  /** A `list`: what one row is called in the console, numbered (`Persyaratan 3`). */
  rowLabel?: LocalizedText
  /** A `reference`: the module and entity type it points at (`directory.office`). */
  target?: string
  /**
   * A `reference`: choices for the console (another module's option list, through its exports). A
   * `text` or `lines` field with options is chosen from them in the console (one, or several).
   */
  options?: (ctx: TenantContext) => Promise<FieldOption[]>
  /** A `reference` stores the record's id rather than the key its module answers (its slug). */
  stores?: 'key' | 'id'
  /** Replaces the generated input schema of the value (a phone number's pattern, a bounding box). */
  input?: ZodType
  /** A `custom` field: its columns, schemas, mapping and console inputs. */
  custom?: CustomStorage
  /** Phantom: the value type, for inference only. */
  readonly __value?: TValue
}

type Required<O> = O extends { required: true } ? true : false
type Base = Omit<FieldOptions, 'required'> & { required?: boolean }

/**
 * Field builders for {@link defineEntity}.
 * @example fields: { title: field.localizedText({ label, required: true, max: 200, search: 'title' }) }
 */
export const field = {
  /** One line of plain text; `options` make it a choice in the console. */
  text: <const O extends Base & { max?: number; options?: EntityField['options'] }>(o: O) =>
    ({ ...o, kind: 'text', required: (o.required ?? false) as Required<O> }) as EntityField<string, Required<O>>,
  /** Plain text over several lines (a note, an address). */
  longText: <const O extends Base & { max?: number }>(o: O) =>
    ({ ...o, kind: 'longText', long: true, required: (o.required ?? false) as Required<O> }) as EntityField<
      string,
      Required<O>
    >,
  /** An http(s) address. */
  url: <const O extends Base & { max?: number }>(o: O) =>
    ({ max: 2000, ...o, kind: 'url', required: (o.required ?? false) as Required<O> }) as EntityField<
      string,
      Required<O>
    >,
  /** Indonesian text, English optional; `long` for a textarea. */
  localizedText: <const O extends Base & { max: number; long?: boolean }>(o: O) =>
    ({ ...o, kind: 'localizedText', required: (o.required ?? false) as Required<O> }) as EntityField<
      LocalizedText,
      Required<O>
    >,
  /** A number; `integer` for whole numbers. */
  number: <
    const O extends Base & {
      integer?: boolean
      min?: number
      maxValue?: number
      default?: number | ComputedDefault<number>
    },
  >(
    o: O,
  ) => ({ ...o, kind: 'number', required: (o.required ?? false) as Required<O> }) as EntityField<number, Required<O>>,
  /** Whole Rupiah. */
  money: <const O extends Base & { maxValue?: number }>(o: O) =>
    ({ min: 0, ...o, kind: 'money', integer: true, required: (o.required ?? false) as Required<O> }) as EntityField<
      number,
      Required<O>
    >,
  /** One of fixed values, each with its label. */
  enum: <const V extends readonly [string, ...string[]], const O extends Base>(
    values: V,
    labels: Record<V[number], LocalizedText>,
    o: O,
  ) =>
    ({ ...o, kind: 'enum', values, labels, required: (o.required ?? false) as Required<O> }) as EntityField<
      V[number],
      Required<O>
    >,
  /** A calendar date, `YYYY-MM-DD`. */
  date: <const O extends Base>(o: O) =>
    ({ ...o, kind: 'date', required: (o.required ?? false) as Required<O> }) as EntityField<string, Required<O>>,
  /** An instant, given with its offset and stored in UTC; `defaultNow` fills it when left out. */
  dateTime: <const O extends Base & { defaultNow?: boolean }>(o: O) =>
    ({ ...o, kind: 'dateTime', required: o.required ?? o.defaultNow ?? false }) as unknown as EntityField<
      string,
      O extends { defaultNow: true } ? true : Required<O>
    >,
  /** Yes or no; never null (`default` when left out, else false). */
  boolean: <const O extends Omit<Base, 'required'> & { default?: boolean }>(o: O) =>
    ({ default: false, ...o, kind: 'boolean', required: true }) as EntityField<boolean, true>,
  /**
   * A list of short texts (synonyms, legal bases); never null, empty when none. With `values` (and
   * their `labels`) each is one of fixed choices; with `options`, one of those the console offers.
   */
  lines: <
    const O extends Omit<Base, 'required'> & {
      max?: number
      maxValue?: number
      values?: readonly [string, ...string[]]
      labels?: Record<string, LocalizedText>
      options?: EntityField['options']
    },
  >(
    o: O,
  ) =>
    ({ ...o, kind: 'lines', required: true }) as EntityField<
      O extends { values: readonly string[] } ? O['values'][number][] : string[],
      true
    >,
  /**
   * Rows of a few fields each (requirements, procedure steps); never null, empty when none.
   * @example requirements: field.list({ label, rowLabel, maxValue: 50, of: { document: field.localizedText({ label, required: true, max: 300 }) } })
   */
  list: <const O extends Omit<Base, 'required'> & { of: FieldMap; rowLabel?: LocalizedText; maxValue?: number }>(
    o: O,
  ) => ({ ...o, kind: 'list', required: true }) as EntityField<RowOf<O['of']>[], true>,
  /**
   * The key of a record of another entity (`module.entity`), checked through the owning module's
   * `references` and stored as the key it answers (so a sheet may give an id or a slug).
   */
  reference: <const O extends Base & { target: string; options?: EntityField['options']; stores?: 'key' | 'id' }>(
    o: O,
  ) =>
    ({ ...o, kind: 'reference', required: (o.required ?? false) as Required<O> }) as EntityField<string, Required<O>>,
  /**
   * A value the other kinds cannot say (a fee that is free or an amount, a group of contacts kept in
   * columns of their own): its columns, schemas, row mapping and console inputs written by hand.
   */
  custom: <V, const O extends Base & { custom: CustomStorage<V> }>(o: O) =>
    ({ ...o, kind: 'custom', required: (o.required ?? false) as Required<O> }) as unknown as EntityField<
      V,
      Required<O>
    >,
  /**
   * Photos the tenant uploaded (POST /photos), in order, each with its alt text (Indonesian
   * required), credit and licence; never null, empty when none. A write checks every id against
   * the tenant's photos and stores the size of each. Not filterable or sortable.
   * @example photos: field.photos({ label: { id: 'Foto', en: 'Photos' }, max: 8 })
   */
  photos: <const O extends { label: LocalizedText; max?: number; help?: LocalizedText; section?: LocalizedText }>(
    o: O,
  ) =>
    ({
      label: o.label,
      ...(o.help ? { help: o.help } : {}),
      ...(o.section ? { section: o.section } : {}),
      kind: 'photos',
      required: true,
      maxValue: o.max ?? DEFAULT_MAX_PHOTOS,
      default: [],
      // Which photos illustrate a place is not something a verifier vouches for.
      vouched: false,
    }) as EntityField<PhotoRef[], true>,
  /** A place on the map, WGS 84. */
  geoPoint: <const O extends Base>(o: O) =>
    ({ ...o, kind: 'geoPoint', required: (o.required ?? false) as Required<O> }) as EntityField<
      { lat: number; lon: number },
      Required<O>
    >,
}

/** How a `custom` field is stored, checked, read and edited. */
export interface CustomStorage<V = any> {
  /** Its columns: drizzle key, SQL name, type and whether NOT NULL. */
  columns: { key: string; column: string; type: 'TEXT' | 'INTEGER' | 'REAL'; notNull?: boolean }[]
  /** The value as a client gives it. */
  input: ZodType
  /** The value as the API answers it (not null: the framework adds null for an optional field). */
  output: ZodType
  /** The value of a stored row (by drizzle key), null when empty. */
  read(row: Record<string, unknown>): V | null
  /** The columns (by drizzle key) that store a value; null clears them. */
  write(value: V | null): Record<string, unknown>
  /** Console inputs (names start with the field's name) and their current values. */
  admin?: AdminField[]
  values?(value: V | null): Record<string, AdminValue>
}

export type AnyField = EntityField<any, boolean>
export type FieldMap = Record<string, AnyField>

/** The value a field has in a record: null when optional and empty. */
export type FieldValue<F> = F extends EntityField<infer V, infer R> ? (R extends true ? V : V | null) : never

/** One row of a `list` field. */
export type RowOf<M extends FieldMap> = { -readonly [K in keyof M]: FieldValue<M[K]> }

/** camelCase → snake_case, for column names. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
}

/** The SQL column (or base name of the columns) of a field. */
export function columnOf(name: string, f: AnyField): string {
  return f.column ?? snakeCase(name)
}
