import {
  type AdminEntity,
  type AdminField,
  type AdminSubField,
  type AdminValue,
  isProblemError,
  problem,
  readLinesValue,
  readListValue,
  type TenantContext,
} from '@cerdas/core'
import { fieldAtPath, parseNumber } from './admin-form'
import type { Table } from './sheets'

/** Columns of an entity's sheet: its id, then every form field by name. */
export function sheetColumns(entity: AdminEntity): string[] {
  return ['id', ...entity.fields.map((f) => f.name)]
}

const cellOf = (value: AdminValue | undefined) => (value === null || value === undefined ? '' : String(value))

/** Every record of an entity as a sheet, drafts included, oldest page last. */
export async function exportEntity(ctx: TenantContext, entity: AdminEntity): Promise<Table> {
  const columns = sheetColumns(entity)
  const rows: Table = [columns]
  let cursor: string | undefined
  do {
    const page = await entity.list(ctx, { cursor, limit: 100 })
    for (const item of page.items) {
      const values = entity.valuesOf(item)
      rows.push([entity.idOf(item), ...entity.fields.map((f) => cellOf(values[f.name]))])
    }
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return rows
}

export interface RowError {
  /** Column (field name) the message is about, or `row`. */
  field: string
  /**
   * What is wrong. About one row of a `list` cell it starts with the row (`item 2 (document.id): `),
   * about one item of a `lines` cell with its line (`line 3: `).
   */
  message: string
}

export interface RowPlan {
  /** 1-based line in the sheet, the header being line 1. */
  line: number
  action: 'create' | 'update' | 'unchanged'
  id: string | null
  input: Record<string, unknown>
  errors: RowError[]
}

export interface ImportPlan {
  entity: string
  rows: RowPlan[]
  /** Rows with at least one error; when above zero, applying writes nothing. */
  invalidRows: number
  /** Columns of the sheet that are not fields of the entity (reported, not imported). */
  unknownColumns: string[]
}

/** Local wall-clock `2026-03-01 08:00` in the tenant zone → ISO with the zone's offset. */
function toInstant(text: string, timezone: string): string | undefined {
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(text))
    return Number.isNaN(Date.parse(text)) ? undefined : new Date(text).toISOString()
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text)
  if (!match) return undefined
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = match
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'longOffset' }).formatToParts(
    asUtc,
  )
  const offset = /GMT([+-])(\d{2}):(\d{2})/.exec(parts.find((p) => p.type === 'timeZoneName')?.value ?? '')
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0
  return new Date(asUtc - minutes * 60_000).toISOString()
}

type AnyField = AdminField | AdminSubField

/** A cell or list-row value read for the input: the value (none when empty), or what is wrong. */
type Read = { value?: unknown; error?: string }

/** One cell of a single-value field (or one value of a `list` row) as the input's value. */
function convertScalar(field: AnyField, raw: string, timezone: string): Read {
  const text = raw.trim()
  if (text === '') return {}
  switch (field.type) {
    case 'number': {
      // The form's own reading: `50.000` is fifty thousand for whole numbers, `2,5` a decimal otherwise.
      const n = parseNumber(text, field.integer === true)
      if (n !== undefined) return { value: n }
      return { error: field.integer && parseNumber(text, false) !== undefined ? 'not a whole number' : 'not a number' }
    }
    case 'checkbox': {
      const t = text.toLowerCase()
      if (['true', 'ya', 'yes', '1'].includes(t)) return { value: true }
      if (['false', 'tidak', 'no', '0'].includes(t)) return { value: false }
      return { error: 'use ya/tidak (true/false)' }
    }
    case 'datetime': {
      const instant = toInstant(text, timezone)
      return instant ? { value: instant } : { error: 'not a date and time (e.g. 2026-12-01 08:00)' }
    }
    case 'select':
      return !field.options?.length || field.options.some((o) => o.value === text)
        ? { value: text }
        : { error: `must be one of ${field.options.map((o) => o.value).join(', ')}` }
    default:
      // text, textarea, url and reference (an id or slug the business function checks).
      return { value: text }
  }
}

/** A cell as the input's value, with where each item of a list came from (1-based line or JSON row). */
interface CellValue extends Read {
  positions?: number[]
}

/** A `lines` or `multiselect` cell: one item per line, blank lines ignored (as exported by `linesValue`). */
function convertLines(field: AdminField, raw: string): CellValue {
  const lines = raw.split(/\r?\n/).map((line) => line.trim())
  const positions = lines.flatMap((line, i) => (line ? [i + 1] : []))
  const items = readLinesValue(raw)
  if (field.type === 'multiselect') {
    const fixed = field.optionsFrom ? undefined : field.options
    const unknown = fixed ? items.filter((item) => !fixed.some((o) => o.value === item)) : []
    if (fixed && unknown.length > 0) return { error: `must be one of ${fixed.map((o) => o.value).join(', ')}` }
    const kept = items.flatMap((item, i) => (items.indexOf(item) === i ? [i] : []))
    return items.length ? { value: kept.map((i) => items[i]), positions: kept.map((i) => positions[i]!) } : {}
  }
  return items.length ? { value: items, positions } : {}
}

const isRow = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value)

/** `item 2 (document.id): required`: a problem with one row of a `list` cell (rows counted from 1). */
const itemMessage = (item: number, sub: string | undefined, message: string) =>
  `item ${item}${sub ? ` (${sub})` : ''}: ${message}`

/**
 * A `list` cell: a JSON array of rows by sub-field name (as exported by `listValue`), each row
 * nested by the sub-fields' dotted names. Rows where every value is empty are ignored, as in the form.
 */
function convertList(field: AdminField, raw: string, timezone: string): CellValue {
  const text = raw.trim()
  if (text === '') return {}
  const subs = field.fields ?? []
  const example = `[{"${subs[0]?.name ?? 'name'}": "…"}]`
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { error: `not a list of rows in JSON, e.g. ${example}` }
  }
  if (!Array.isArray(parsed) || !parsed.every(isRow)) return { error: `not a list of rows in JSON, e.g. ${example}` }
  const rows: Record<string, unknown>[] = []
  const positions: number[] = []
  for (const [i, cells] of readListValue(text).entries()) {
    const item = i + 1
    const unknown = Object.keys(cells).find((key) => !subs.some((sub) => sub.name === key))
    if (unknown) {
      return { error: itemMessage(item, undefined, `unknown "${unknown}" (use ${subs.map((s) => s.name).join(', ')})`) }
    }
    const row: Record<string, unknown> = {}
    const missing: string[] = []
    let given = false
    for (const sub of subs) {
      const cell = cells[sub.name]
      if (typeof cell === 'object' && cell !== null) return { error: itemMessage(item, sub.name, 'not a single value') }
      const { value, error } = convertScalar(sub, cell === null || cell === undefined ? '' : String(cell), timezone)
      if (error) return { error: itemMessage(item, sub.name, error) }
      if (sub.type === 'checkbox') {
        given ||= value === true
        setPath(row, sub.name, value === true)
      } else if (value === undefined) {
        if (sub.required) missing.push(sub.name)
      } else {
        given = true
        setPath(row, sub.name, value)
      }
    }
    if (!given) continue
    if (missing.length > 0) return { error: itemMessage(item, missing[0], 'required') }
    rows.push(row)
    positions.push(item)
  }
  return rows.length ? { value: rows, positions } : {}
}

const PHOTOS_EXAMPLE = '[{"id": "pho_…", "alt": {"id": "…"}}]'

/**
 * A `photos` cell: the JSON list the export writes (`photosValue`), each photo by its uploaded id
 * with its alt text, credit and licence; `[]` is no photos. The photos themselves are checked
 * by the write (an id the tenant does not have is that photo's error).
 */
function convertPhotos(raw: string): CellValue {
  const text = raw.trim()
  if (text === '') return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { error: `not a list of photos in JSON, e.g. ${PHOTOS_EXAMPLE}` }
  }
  if (!Array.isArray(parsed)) return { error: `not a list of photos in JSON, e.g. ${PHOTOS_EXAMPLE}` }
  const bad = parsed.findIndex((photo) => !isRow(photo))
  if (bad >= 0) return { error: `photo ${bad + 1}: not an object like {"id": "pho_…", "alt": {"id": "…"}}` }
  return { value: parsed, positions: parsed.map((_, i) => i + 1) }
}

const isList = (field: AdminField) =>
  field.type === 'lines' || field.type === 'multiselect' || field.type === 'list' || field.type === 'photos'

/** One cell as the value of its field in the input (none for an empty cell). */
function convert(field: AdminField, raw: string, timezone: string): CellValue {
  if (field.type === 'photos') return convertPhotos(raw)
  if (field.type === 'list') return convertList(field, raw, timezone)
  if (field.type === 'lines' || field.type === 'multiselect') return convertLines(field, raw)
  return convertScalar(field, raw, timezone)
}

/** Whether a cell holds what the record has: the same value once read, however it is written. */
function sameValue(field: AdminField, stored: AdminValue | undefined, raw: string, timezone: string): boolean {
  const before = convert(field, cellOf(stored), timezone)
  const after = convert(field, raw, timezone)
  if (before.error || after.error) return cellOf(stored) === raw.trim()
  return JSON.stringify(before.value) === JSON.stringify(after.value)
}

/** A schema issue as a row error: on its column, with the list row or line it is about. */
function schemaError(
  fields: readonly AdminField[],
  issue: { path: readonly PropertyKey[]; message: string },
  positions: Record<string, number[]>,
): RowError {
  const at = fieldAtPath(fields, issue.path)
  if (!at) return { field: issue.path.map(String).join('.') || 'row', message: issue.message }
  const { field, index, sub, photoInput } = at
  if (index === undefined) return { field: field.name, message: issue.message }
  const position = positions[field.name]?.[index] ?? index + 1
  const message =
    field.type === 'list'
      ? itemMessage(position, sub?.name, issue.message)
      : field.type === 'photos'
        ? `photo ${position} (${photoInput ?? 'id'}): ${issue.message}`
        : `line ${position}: ${issue.message}`
  return { field: field.name, message }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.')
  let node = target
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {}
    node = node[key] as Record<string, unknown>
  }
  node[keys.at(-1) as string] = value
}

/**
 * Checks every row of a sheet without writing: converts cells by field type,
 * validates each row with the entity's create or update schema, and finds the
 * records that updates name. Row and field of every problem are reported.
 *
 * Cells are read as {@link exportEntity} writes them (`valuesOf`): numbers as
 * the form reads them (`50.000` is fifty thousand in a whole-number field),
 * `lines` and `multiselect` one item per line, `list` as JSON rows by sub-field
 * name (`[{"document.id": "KTP-el"}]`), nested by the dotted names, `photos` as
 * the JSON list of photos the export writes (`[{"id": "pho_…", "alt": {"id": "…"}}]`). A row is
 * unchanged when every cell reads to what the record has, however it is written.
 * On update an emptied list cell clears the list, as does an emptied optional
 * top-level cell its value; a column left out of the sheet is left unchanged.
 */
export async function planImport(ctx: TenantContext, entity: AdminEntity, table: Table): Promise<ImportPlan> {
  const [header = [], ...body] = table
  const columns = header.map((h) => h.trim())
  const known = new Set(sheetColumns(entity))
  const rows: RowPlan[] = []
  for (const [index, cells] of body.entries()) {
    const line = index + 2
    const errors: RowError[] = []
    const input: Record<string, unknown> = {}
    const values: Record<string, string> = {}
    columns.forEach((column, i) => {
      if (known.has(column)) values[column] = cells[i] ?? ''
    })
    const id = values.id?.trim() || null
    let current: Record<string, AdminValue> | undefined
    if (id) {
      try {
        current = entity.valuesOf(await entity.get(ctx, id))
      } catch (error) {
        if (!isProblemError(error)) throw error
        errors.push({ field: 'id', message: `no record ${id}` })
      }
    }
    const positions: Record<string, number[]> = {}
    for (const field of entity.fields) {
      if (!(field.name in values)) continue
      const cell = convert(field, values[field.name] as string, ctx.tenant.timezone)
      if (cell.error) errors.push({ field: field.name, message: cell.error })
      else if (cell.value !== undefined) {
        setPath(input, field.name, cell.value)
        if (cell.positions) positions[field.name] = cell.positions
      }
      // An emptied list clears it on update, as does an emptied optional top-level cell.
      else if (id && isList(field)) setPath(input, field.name, [])
      else if (id && !field.required && !field.name.includes('.')) input[field.name] = null
    }
    const schema = id ? entity.updateSchema : entity.createSchema
    if (!schema)
      errors.push({ field: 'row', message: id ? 'records cannot be updated here' : 'records cannot be created here' })
    else if (errors.length === 0) {
      const parsed = schema.safeParse(input)
      if (!parsed.success) {
        for (const issue of parsed.error.issues) errors.push(schemaError(entity.fields, issue, positions))
      } else Object.assign(input, parsed.data)
    }
    // Rules across records (an owner that must exist) are row errors too, before anything is written.
    if (errors.length === 0 && schema && entity.checkInput) errors.push(...(await entity.checkInput(ctx, input, id)))
    const unchanged =
      current !== undefined &&
      errors.length === 0 &&
      entity.fields.every(
        (f) => !(f.name in values) || sameValue(f, current?.[f.name], values[f.name] as string, ctx.tenant.timezone),
      )
    rows.push({ line, action: id ? (unchanged ? 'unchanged' : 'update') : 'create', id, input, errors })
  }
  return {
    entity: entity.id,
    rows,
    invalidRows: rows.filter((r) => r.errors.length > 0).length,
    unknownColumns: columns.filter((c) => c !== '' && !known.has(c)),
  }
}

/**
 * Writes a plan made by {@link planImport}: nothing at all when any row is
 * invalid or refused; otherwise every create and update through the entity's
 * business functions, so each is validated and audited as a form save would be.
 * An entity with a bulk write takes every row in one call (one transaction,
 * lookups and the search index done once for the batch); a row it refuses is
 * named by its line in the sheet.
 */
export async function applyImport(
  ctx: TenantContext,
  entity: AdminEntity,
  plan: ImportPlan,
): Promise<{ created: number; updated: number; unchanged: number }> {
  if (plan.invalidRows > 0) throw problem('validation', `${plan.invalidRows} row(s) have errors; nothing was imported.`)
  const unchanged = plan.rows.filter((row) => row.action === 'unchanged').length
  if (entity.writeMany) {
    const rows = plan.rows.filter((row) => row.action !== 'unchanged')
    if (rows.length === 0) return { created: 0, updated: 0, unchanged }
    try {
      const written = await entity.writeMany(
        ctx,
        rows.map((row) => ({ id: row.action === 'update' ? row.id : null, input: row.input })),
      )
      return { created: written.created, updated: written.updated, unchanged }
    } catch (error) {
      throw byLine(error, rows)
    }
  }
  // One transaction: a row refused by a business rule (a taken slug, a missing parent) undoes the rows before it.
  return ctx.transaction(async (ctx) => {
    const counts = { created: 0, updated: 0, unchanged }
    for (const row of plan.rows) {
      if (row.action === 'update' && row.id && entity.update) {
        await entity.update(ctx, row.id, row.input)
        counts.updated++
      } else if (row.action === 'create' && entity.create) {
        await entity.create(ctx, row.input)
        counts.created++
      }
    }
    return counts
  })
}

/** A bulk write's refusal with each bad row named by its line in the sheet (`line 3: officeId no office x`). */
function byLine(error: unknown, rows: readonly RowPlan[]): unknown {
  if (!isProblemError(error)) return error
  // The bulk write names each bad item by a pointer into its batch: `/items/<index>/<field>`.
  const bad = (error.problem.errors ?? []).flatMap((e) => {
    const match = /^\/items\/(\d+)(\/.*)?$/.exec(e.pointer)
    return match ? [{ index: Number(match[1]), field: match[2]?.slice(1) ?? '', message: e.message }] : []
  })
  if (bad.length === 0) return error
  const detail = bad
    .map(({ index, field, message }) => `line ${rows[index]?.line ?? index + 2}: ${field || 'row'} ${message}`)
    .join('; ')
  return problem('validation', detail, { errors: error.problem.errors ?? [] })
}
