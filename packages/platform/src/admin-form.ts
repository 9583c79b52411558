import {
  type AdminEntity,
  type AdminField,
  type AdminSubField,
  type AdminValue,
  isProblemError,
  readListValue,
} from '@cerdas/core'
import { type FieldIssue, isoToLocalInput, localInputToIso } from './admin-console'

/**
 * The admin console's generic entity form, free of any web framework: raw form values in, the
 * input of a module's create or update function and issues by input name out, for every admin
 * field type (lists and list rows included). Pure functions, so routes stay thin and tests need no
 * browser.
 *
 * Form values are strings by input name: scalars by field name, `lines` and `multiselect` one item
 * per line, and each input of a `list` row by `<list>.<row>.<sub-field>` (`requirements.2.document.id`).
 * Issues use the same names, so they show next to the input they are about.
 */

/**
 * What is wrong with one form input, as a code the console translates: the {@link FieldIssue}
 * codes and a few more for numbers, lists and unions.
 */
export interface FormIssue {
  code: FieldIssue['code'] | 'integer' | 'min' | 'max' | 'tooFew' | 'tooMany' | 'emailFormat' | 'notApplicable'
  min?: number
  max?: number
  /** The schema's or business function's own words, for `custom` and `invalid`. */
  message?: string
  /** 1-based line of a `lines` field the issue is about. */
  line?: number
}

type AnyField = AdminField | AdminSubField

/** Row numbers above this are ignored (a form never has that many). */
const MAX_ROW = 500

/** The input name of one input of a list row. */
export const rowInputName = (list: string, row: number, sub: string) => `${list}.${row}.${sub}`

/** The form as an action reads it: `FormData`, or `URLSearchParams` in tests. */
export interface FormSource {
  get(name: string): unknown
  getAll(name: string): unknown[]
  keys(): Iterable<string>
}

const asText = (value: unknown) => (typeof value === 'string' ? value : '')

/** Rows of a list field present in values (or a form), by their row number, in order. */
function rowNumbers(field: AdminField, names: Iterable<string>): number[] {
  const prefix = `${field.name}.`
  const subs = new Set((field.fields ?? []).map((s) => s.name))
  const rows = new Set<number>()
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const m = /^(\d{1,4})\.(.+)$/.exec(name.slice(prefix.length))
    if (m && subs.has(m[2]!) && Number(m[1]) <= MAX_ROW) rows.add(Number(m[1]))
  }
  return [...rows].sort((a, b) => a - b)
}

/**
 * Raw values of a submitted entity form, for checking and for showing again. List rows where every
 * input is empty are dropped and the rest numbered from 0, so the form comes back with what was
 * typed, in order, and issues refer to the rows as shown.
 */
export function readFormValues(fields: readonly AdminField[], form: FormSource): Record<string, string> {
  const values: Record<string, string> = {}
  const names = [...new Set(form.keys())]
  for (const field of fields) {
    if (field.type === 'photos') {
      Object.assign(values, readPhotoValues(field, form, names))
    } else if (field.type === 'multiselect') {
      values[field.name] = form.getAll(field.name).map(asText).filter(Boolean).join('\n')
    } else if (field.type === 'list') {
      let row = 0
      for (const n of rowNumbers(field, names)) {
        const cells = (field.fields ?? []).map((sub) => asText(form.get(rowInputName(field.name, n, sub.name))))
        if (cells.every((c) => c.trim() === '')) continue
        ;(field.fields ?? []).forEach((sub, i) => {
          values[rowInputName(field.name, row, sub.name)] = cells[i]!
        })
        row++
      }
    } else {
      values[field.name] = asText(form.get(field.name))
    }
  }
  return values
}

function scalarFormValue(field: AnyField, value: AdminValue | undefined, timeZone: string): string {
  if (field.type === 'checkbox') return value === true || value === 'true' || value === 'on' ? 'on' : ''
  if (field.type === 'datetime') return isoToLocalInput(typeof value === 'string' ? value : null, timeZone)
  return value === null || value === undefined ? '' : String(value)
}

/** The form values of a stored record (from `valuesOf`; datetimes as the zone's wall clock). */
export function recordFormValues(
  fields: readonly AdminField[],
  stored: Record<string, AdminValue>,
  timeZone: string,
): Record<string, string> {
  const values: Record<string, string> = {}
  for (const field of fields) {
    const value = stored[field.name]
    if (field.type === 'photos') {
      Object.assign(values, photoRowValues(field.name, value))
    } else if (field.type === 'list') {
      readListValue(value).forEach((row, n) => {
        for (const sub of field.fields ?? []) {
          values[rowInputName(field.name, n, sub.name)] = scalarFormValue(sub, row[sub.name], timeZone)
        }
      })
    } else values[field.name] = scalarFormValue(field, value, timeZone)
  }
  return values
}

/** How many list rows the values hold (rows are numbered from 0). */
export function listRowCount(values: Record<string, string>, field: AdminField): number {
  const rows = rowNumbers(field, Object.keys(values))
  return rows.length ? rows.at(-1)! + 1 : 0
}

// ---------------------------------------------------------------------------
// Paths in the input object.

type Key = string | number
type Node = Record<Key, unknown>

const isObject = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value)

function setPath(target: Node, path: string, value: unknown): void {
  const keys = path.split('.')
  let node = target
  for (const key of keys.slice(0, -1)) {
    if (!isObject(node[key])) node[key] = {}
    node = node[key] as Node
  }
  node[keys.at(-1)!] = value
}

function getPath(target: unknown, path: readonly Key[]): unknown {
  let node = target
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Node)[key]
  }
  return node
}

function deletePath(target: Node, path: string): void {
  const keys = path.split('.')
  const parent = getPath(target, keys.slice(0, -1))
  if (isObject(parent)) delete parent[keys.at(-1)!]
}

/** Removes objects left without keys (a group of optional inputs all left empty). */
function pruneEmpty(node: Node): void {
  for (const [key, value] of Object.entries(node)) {
    if (!isObject(value)) continue
    pruneEmpty(value)
    if (Object.keys(value).length === 0) delete node[key]
  }
}

// ---------------------------------------------------------------------------
// Values.

/** A number as typed: `50.000` is fifty thousand for whole numbers, `2,5` is two and a half otherwise. */
export function parseNumber(raw: string, integer: boolean): number | undefined {
  const text = raw.replace(/^rp\.?\s*/i, '').trim()
  if (integer) {
    const grouped = /^-?\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*$/.test(text)
    const plain = grouped ? text.replace(/[.,\s]/g, '') : text
    if (!/^-?\d+$/.test(plain)) return undefined
    return Number(plain)
  }
  if (!/^-?\d+(?:[.,]\d+)?$/.test(text)) return undefined
  return Number(text.replace(',', '.'))
}

/** One input's value for the schema, or what is wrong with it. */
function scalarInput(field: AnyField, raw: string, timeZone: string): { value: unknown } | { issue: FormIssue } {
  switch (field.type) {
    case 'datetime': {
      const iso = localInputToIso(raw, timeZone)
      return iso ? { value: iso } : { issue: { code: 'datetime' } }
    }
    case 'number': {
      const n = parseNumber(raw, field.integer === true)
      if (n !== undefined) return { value: n }
      return { issue: { code: field.integer && parseNumber(raw, false) !== undefined ? 'integer' : 'number' } }
    }
    case 'select':
      return field.options?.length && !field.options.some((o) => o.value === raw)
        ? { issue: { code: 'choice' } }
        : { value: raw }
    case 'url':
      return /^https?:\/\/[^\s/]+/i.test(raw) ? { value: raw } : { issue: { code: 'url' } }
    default:
      return { value: raw }
  }
}

const isChecked = (raw: string) => raw === 'on' || raw === 'true'

/** The inputs of one photo row of a `photos` field, and of the new photo (`<field>.new.*`). */
export const PHOTO_ROW_INPUTS = ['id', 'width', 'alt.id', 'alt.en', 'credit', 'licence', 'position', 'remove'] as const
export const NEW_PHOTO_INPUTS = ['alt.id', 'alt.en', 'credit', 'licence'] as const

/** A photos field's stored JSON list, or undefined when it is not one. */
function parsePhotoList(raw: unknown): Record<string, unknown>[] | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return []
  try {
    const list: unknown = JSON.parse(raw)
    return Array.isArray(list)
      ? (list.filter((p) => typeof p === 'object' && p !== null) as Record<string, unknown>[])
      : undefined
  } catch {
    return undefined
  }
}

/** Form values of stored photos: one row each (`photos.0.alt.id`), positions from 1. */
function photoRowValues(name: string, stored: AdminValue | undefined): Record<string, string> {
  const values: Record<string, string> = {}
  ;(parsePhotoList(stored) ?? []).forEach((photo, n) => {
    const alt = (photo.alt ?? {}) as { id?: string; en?: string }
    values[rowInputName(name, n, 'id')] = String(photo.id ?? '')
    // For the preview only: the write takes the size from the photo itself.
    values[rowInputName(name, n, 'width')] = String(photo.width ?? '')
    values[rowInputName(name, n, 'alt.id')] = alt.id ?? ''
    values[rowInputName(name, n, 'alt.en')] = alt.en ?? ''
    values[rowInputName(name, n, 'credit')] = typeof photo.credit === 'string' ? photo.credit : ''
    values[rowInputName(name, n, 'licence')] = typeof photo.licence === 'string' ? photo.licence : ''
    values[rowInputName(name, n, 'position')] = String(n + 1)
  })
  return values
}

/** Photo rows present in values (or a form): those with an id, by row number. */
function photoRowNumbers(name: string, names: Iterable<string>): number[] {
  const rows = new Set<number>()
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d{1,4})\\.id$`)
  for (const n of names) {
    const m = pattern.exec(n)
    if (m && Number(m[1]) <= MAX_ROW) rows.add(Number(m[1]))
  }
  return [...rows].sort((a, b) => a - b)
}

/** The posted photo rows, numbered from 0 in the order sent, and the new photo's words. */
function readPhotoValues(field: AdminField, form: FormSource, names: string[]): Record<string, string> {
  const values: Record<string, string> = {}
  let row = 0
  for (const n of photoRowNumbers(field.name, names)) {
    if (!asText(form.get(rowInputName(field.name, n, 'id'))).trim()) continue
    for (const sub of PHOTO_ROW_INPUTS)
      values[rowInputName(field.name, row, sub)] = asText(form.get(rowInputName(field.name, n, sub)))
    row++
  }
  for (const sub of NEW_PHOTO_INPUTS) {
    const value = asText(form.get(`${field.name}.new.${sub}`))
    if (value) values[`${field.name}.new.${sub}`] = value
  }
  // A sheet import gives the list as JSON text in one cell.
  const whole = asText(form.get(field.name))
  if (whole && row === 0) values[field.name] = whole
  return values
}

/**
 * The photos of a form: rows not marked to remove, in the order of their positions (a row without
 * a valid position keeps its place), each needing its Indonesian alt text. A form without rows
 * may give the list as JSON text (a sheet import).
 */
function photoInput(
  field: AdminField,
  values: Record<string, string>,
  names: string[],
): { photos?: unknown[]; errors: Record<string, FormIssue>; rows: number[] } {
  const numbers = photoRowNumbers(field.name, names)
  const errors: Record<string, FormIssue> = {}
  if (numbers.length === 0) {
    const list = parsePhotoList(values[field.name] ?? '')
    if (list === undefined) return { errors: { [field.name]: { code: 'invalid' } }, rows: [] }
    return { photos: list, errors, rows: list.map((_, i) => i) }
  }
  const kept: { n: number; at: number; photo: Record<string, unknown> }[] = []
  numbers.forEach((n, order) => {
    const cell = (sub: string) => (values[rowInputName(field.name, n, sub)] ?? '').trim()
    if (isChecked(cell('remove'))) return
    const alt = cell('alt.id')
    if (!alt) errors[rowInputName(field.name, n, 'alt.id')] = { code: 'required' }
    const position = Number(cell('position'))
    kept.push({
      n,
      at: Number.isFinite(position) && cell('position') !== '' ? position : order + 1,
      photo: {
        id: cell('id'),
        alt: { id: alt, ...(cell('alt.en') ? { en: cell('alt.en') } : {}) },
        ...(cell('credit') ? { credit: cell('credit') } : {}),
        ...(cell('licence') ? { licence: cell('licence') } : {}),
      },
    })
  })
  if (field.maxItems !== undefined && kept.length > field.maxItems)
    errors[field.name] = { code: 'tooMany', max: field.maxItems }
  kept.sort((a, b) => a.at - b.at || a.n - b.n)
  return { photos: kept.map((k) => k.photo), errors, rows: kept.map((k) => k.n) }
}

// ---------------------------------------------------------------------------
// Schema issues.

interface SchemaIssue {
  code: string
  path: readonly PropertyKey[]
  message: string
  origin?: string
  format?: string
  expected?: string
  minimum?: number | bigint
  maximum?: number | bigint
  keys?: string[]
}

function issueOf(issue: SchemaIssue, given: unknown): FormIssue {
  const min = Number(issue.minimum)
  const max = Number(issue.maximum)
  switch (issue.code) {
    case 'invalid_type':
      if (given === undefined || given === null) return { code: 'required' }
      return issue.expected === 'int' ? { code: 'integer' } : { code: 'invalid', message: issue.message }
    case 'too_small':
      if (issue.origin === 'string') return min <= 1 ? { code: 'required' } : { code: 'tooShort', min }
      if (issue.origin === 'array') return min <= 1 ? { code: 'required' } : { code: 'tooFew', min }
      if (issue.origin === 'number') return { code: 'min', min }
      return { code: 'invalid' }
    case 'too_big':
      if (issue.origin === 'string') return { code: 'tooLong', max }
      if (issue.origin === 'array') return { code: 'tooMany', max }
      if (issue.origin === 'number') return { code: 'max', max }
      return { code: 'invalid' }
    case 'invalid_format':
      if (issue.format === 'url') return { code: 'url' }
      if (issue.format === 'email') return { code: 'emailFormat' }
      if (issue.format === 'datetime' || issue.format === 'date') return { code: 'datetime' }
      return { code: 'invalid', message: issue.message }
    case 'invalid_value':
      return { code: 'choice' }
    case 'custom':
      return { code: 'custom', message: issue.message }
    default:
      return { code: 'invalid', message: issue.message }
  }
}

/**
 * How input array positions map back to the form: for a list field, the form row of each input
 * row; for a `lines` field, the 1-based line of each item.
 */
export interface InputMap {
  rows: Record<string, number[]>
  lines: Record<string, number[]>
}

const startsWith = (path: readonly string[], prefix: readonly string[]) =>
  prefix.length <= path.length && prefix.every((p, i) => path[i] === p)

/** Where a path in an input object (a schema issue's, a problem pointer's) is among an entity's fields. */
export interface FieldAt {
  field: AdminField
  /** Position in the input array of a `list`, `lines` or `multiselect` field, when the path names one. */
  index?: number
  /** The input of a `list` row the path is about (the row's first when no better one is found). */
  sub?: AdminSubField
  /** The input of a `photos` row the path is about (`alt.id`). */
  photoInput?: string
}

/**
 * The field a path of an input object belongs to: inside a list or lines field, its position (and
 * a list row's input); else the field of that exact name, the nearest one under it, or its parent.
 */
export function fieldAtPath(fields: readonly AdminField[], path: readonly PropertyKey[]): FieldAt | undefined {
  if (path.length === 0) return undefined
  const keys = path.map(String)
  for (const field of fields) {
    if (field.type !== 'list' && field.type !== 'lines' && field.type !== 'multiselect' && field.type !== 'photos')
      continue
    const base = field.name.split('.')
    if (!startsWith(keys, base)) continue
    const rest = keys.slice(base.length)
    const index = Number(rest[0])
    if (rest.length === 0 || !Number.isInteger(index)) return { field }
    if (field.type === 'photos') return { field, index, photoInput: rest.slice(1).join('.') || 'id' }
    if (field.type !== 'list') return { field, index }
    const subPath = rest.slice(1).join('.')
    const subs = field.fields ?? []
    const sub =
      (subPath &&
        (subs.find((s) => s.name === subPath) ??
          subs.find((s) => s.name.startsWith(`${subPath}.`)) ??
          subs.find((s) => subPath.startsWith(`${s.name}.`)))) ||
      subs[0]
    return sub ? { field, index, sub } : { field, index }
  }
  const name = keys.join('.')
  const field =
    fields.find((f) => f.name === name) ??
    fields.find((f) => f.name.startsWith(`${name}.`)) ??
    fields.find((f) => name.startsWith(`${f.name}.`))
  return field ? { field } : undefined
}

/** The input an issue path belongs to, list rows and lines resolved through the map. */
function inputFor(
  fields: readonly AdminField[],
  path: readonly Key[],
  map: InputMap,
): { name: string; line?: number } | undefined {
  const at = fieldAtPath(fields, path)
  if (!at) return undefined
  const { field, index, sub } = at
  if (index === undefined) return { name: field.name }
  if (field.type === 'photos') {
    const input = PHOTO_ROW_INPUTS.includes(at.photoInput as never) ? (at.photoInput as string) : 'id'
    const row = map.rows[field.name]?.[index] ?? index
    // The id of a row is hidden: a problem with it shows at the row's alt text.
    return { name: rowInputName(field.name, row, input === 'id' ? 'alt.id' : input) }
  }
  if (field.type === 'list') {
    return sub
      ? { name: rowInputName(field.name, map.rows[field.name]?.[index] ?? index, sub.name) }
      : { name: field.name }
  }
  const line = field.type === 'lines' ? map.lines[field.name]?.[index] : undefined
  return line ? { name: field.name, line } : { name: field.name }
}

export interface FormCheck {
  /** The input for the module's business function, when everything is valid. */
  input?: Record<string, unknown>
  /** Issues by input name (`name.id`, `requirements.2.document.id`). */
  errors: Record<string, FormIssue>
  /** Issues that belong to no single input. */
  formErrors: FormIssue[]
  /** Where the input's array positions are in the form, for mapping a business function's problem. */
  map: InputMap
}

/**
 * Turns raw form values into the input of a module's create or update function and checks it
 * with the entity's schema:
 * - empty inputs are left out when creating; when updating they clear the value where the update
 *   schema accepts `null`, else are left out (unchanged). A group left empty (all of
 *   `processingTime.*`) is left out, or cleared with `null` when updating where that is accepted;
 * - checkboxes give booleans; `lines` and `multiselect` give string arrays; `list` gives one
 *   object per row that has any input, and when updating always an array (`[]` clears);
 * - issues come back by input name, list rows and lines included.
 */
export function checkEntityForm(
  entity: Pick<AdminEntity, 'fields' | 'createSchema' | 'updateSchema'>,
  mode: 'create' | 'update',
  values: Record<string, string>,
  timeZone: string,
): FormCheck {
  const errors: Record<string, FormIssue> = {}
  const input: Node = {}
  const emptied = new Set<string>()
  const map: InputMap = { rows: {}, lines: {} }
  const valueNames = Object.keys(values)

  for (const field of entity.fields) {
    if (field.type === 'photos') {
      const checked = photoInput(field, values, valueNames)
      Object.assign(errors, checked.errors)
      map.rows[field.name] = checked.rows
      if (checked.photos && (checked.photos.length > 0 || mode === 'update')) setPath(input, field.name, checked.photos)
      continue
    }
    if (field.type === 'lines' || field.type === 'multiselect') {
      const items: string[] = []
      const lines: number[] = []
      ;(values[field.name] ?? '').split(/\r?\n/).forEach((line, i) => {
        const item = line.trim()
        if (!item || (field.type === 'multiselect' && items.includes(item))) return
        items.push(item)
        lines.push(i + 1)
      })
      map.lines[field.name] = lines
      const fixed = field.type === 'multiselect' && !field.optionsFrom ? field.options : undefined
      if (fixed && items.some((item) => !fixed.some((o) => o.value === item))) errors[field.name] = { code: 'choice' }
      if (items.length > 0) setPath(input, field.name, items)
      else if (field.required) errors[field.name] = { code: 'required' }
      else if (mode === 'update') setPath(input, field.name, [])
      continue
    }
    if (field.type === 'list') {
      const rows: Node[] = []
      const formRows: number[] = []
      for (const n of rowNumbers(field, valueNames)) {
        const row: Node = {}
        const rowErrors: Record<string, FormIssue> = {}
        let given = false
        for (const sub of field.fields ?? []) {
          const name = rowInputName(field.name, n, sub.name)
          const raw = (values[name] ?? '').trim()
          if (sub.type === 'checkbox') {
            given ||= isChecked(raw)
            setPath(row, sub.name, isChecked(raw))
            continue
          }
          if (raw === '') {
            if (sub.required) rowErrors[name] = { code: 'required' }
            continue
          }
          given = true
          const converted = scalarInput(sub, raw, timeZone)
          if ('issue' in converted) rowErrors[name] = converted.issue
          else setPath(row, sub.name, converted.value)
        }
        if (!given) continue
        Object.assign(errors, rowErrors)
        pruneEmpty(row)
        rows.push(row)
        formRows.push(n)
      }
      map.rows[field.name] = formRows
      if (rows.length > 0) setPath(input, field.name, rows)
      else if (field.required) errors[field.name] = { code: 'required' }
      else if (mode === 'update') setPath(input, field.name, [])
      continue
    }
    const raw = (values[field.name] ?? '').trim()
    if (field.type === 'checkbox') {
      setPath(input, field.name, isChecked(raw))
      continue
    }
    if (raw === '') {
      if (field.required) errors[field.name] = { code: 'required' }
      else if (mode === 'update') {
        setPath(input, field.name, null)
        emptied.add(field.name)
      }
      continue
    }
    const converted = scalarInput(field, raw, timeZone)
    if ('issue' in converted) errors[field.name] = converted.issue
    else setPath(input, field.name, converted.value)
  }
  pruneEmpty(input)

  const schema = mode === 'create' ? entity.createSchema : entity.updateSchema
  const formErrors: FormIssue[] = []
  if (schema) {
    let issues: SchemaIssue[] = []
    // An emptied input the schema will not clear (null refused) is left out instead; a group left
    // with nothing in it is then tried as null, and left out in turn if that is refused too.
    for (let round = 0; round < 64; round++) {
      const parsed = schema.safeParse(input)
      issues = parsed.success ? [] : (parsed.error.issues as unknown as SchemaIssue[])
      const refused = new Set<string>()
      for (const issue of issues) {
        const path = issue.path.map(String)
        if (issue.code === 'unrecognized_keys') {
          for (const key of issue.keys ?? []) {
            const name = [...path, key].join('.')
            if (emptied.has(name)) refused.add(name)
          }
        } else if (emptied.has(path.join('.')) && getPath(input, path) === null) refused.add(path.join('.'))
      }
      if (refused.size === 0) break
      for (const name of refused) {
        deletePath(input, name)
        emptied.delete(name)
        const parent = name.split('.').slice(0, -1)
        const group = getPath(input, parent)
        if (parent.length > 0 && isObject(group) && Object.keys(group).length === 0) {
          setPath(input, parent.join('.'), null)
          emptied.add(parent.join('.'))
        }
      }
    }
    for (const issue of issues) {
      const path = issue.path as Key[]
      const targets: { path: Key[]; found: FormIssue }[] =
        issue.code === 'unrecognized_keys'
          ? (issue.keys ?? []).map((key) => ({ path: [...path, key], found: { code: 'notApplicable' } }))
          : [{ path, found: issueOf(issue, getPath(input, path)) }]
      for (const { path: at, found } of targets) {
        const target = inputFor(entity.fields, at, map)
        if (target) errors[target.name] ??= target.line ? { ...found, line: target.line } : found
        else formErrors.push(found.message ? found : { ...found, message: issue.message })
      }
    }
  }
  const failed = Object.keys(errors).length > 0 || formErrors.length > 0
  return failed ? { errors, formErrors, map } : { input, errors, formErrors, map }
}

/**
 * Maps a business function's problem (validation pointers such as `/locations/1/counterId`) onto
 * inputs; undefined when the error is not a problem.
 */
export function problemToFormIssues(
  fields: readonly AdminField[],
  error: unknown,
  map: InputMap = { rows: {}, lines: {} },
): { errors: Record<string, FormIssue>; formErrors: FormIssue[]; status: number } | undefined {
  if (!isProblemError(error)) return undefined
  const errors: Record<string, FormIssue> = {}
  const formErrors: FormIssue[] = []
  for (const e of error.problem.errors ?? []) {
    const path = e.pointer
      .split('/')
      .filter(Boolean)
      .map((k) => (/^\d+$/.test(k) ? Number(k) : k))
    const target = inputFor(fields, path, map)
    const issue: FormIssue = { code: 'custom', message: e.message }
    if (target) errors[target.name] ??= target.line ? { ...issue, line: target.line } : issue
    else formErrors.push(issue)
  }
  if (!error.problem.errors?.length) {
    formErrors.push({ code: 'custom', message: error.problem.detail ?? error.problem.title })
  }
  return { errors, formErrors, status: error.problem.status }
}
