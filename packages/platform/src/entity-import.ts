import { type AdminEntity, type AdminField, isProblemError, problem, type TenantContext } from '@cerdas/core'
import type { Table } from './sheets'

/** Columns of an entity's sheet: its id, then every form field by name. */
export function sheetColumns(entity: AdminEntity): string[] {
  return ['id', ...entity.fields.map((f) => f.name)]
}

const cellOf = (value: string | number | boolean | null | undefined) =>
  value === null || value === undefined ? '' : String(value)

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

function convert(field: AdminField, raw: string, timezone: string): { value?: unknown; error?: string } {
  const text = raw.trim()
  if (text === '') return {}
  switch (field.type) {
    case 'number': {
      const n = Number(text.replace(',', '.'))
      return Number.isFinite(n) ? { value: n } : { error: 'not a number' }
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
      return field.options?.some((o) => o.value === text)
        ? { value: text }
        : { error: `must be one of ${field.options?.map((o) => o.value).join(', ')}` }
    default:
      return { value: text }
  }
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
    let current: Record<string, unknown> | undefined
    if (id) {
      try {
        current = entity.valuesOf(await entity.get(ctx, id))
      } catch (error) {
        if (!isProblemError(error)) throw error
        errors.push({ field: 'id', message: `no record ${id}` })
      }
    }
    for (const field of entity.fields) {
      if (!(field.name in values)) continue
      const { value, error } = convert(field, values[field.name] as string, ctx.tenant.timezone)
      if (error) errors.push({ field: field.name, message: error })
      else if (value !== undefined) setPath(input, field.name, value)
      // An emptied optional top-level cell clears the value on update.
      else if (id && !field.required && !field.name.includes('.')) input[field.name] = null
    }
    const schema = id ? entity.updateSchema : entity.createSchema
    if (!schema)
      errors.push({ field: 'row', message: id ? 'records cannot be updated here' : 'records cannot be created here' })
    else if (errors.length === 0) {
      const parsed = schema.safeParse(input)
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          errors.push({ field: issue.path.join('.') || 'row', message: issue.message })
      } else Object.assign(input, parsed.data)
    }
    const unchanged =
      current !== undefined &&
      errors.length === 0 &&
      entity.fields.every(
        (f) => !(f.name in values) || cellOf(current?.[f.name] as never) === (values[f.name] ?? '').trim(),
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
 * invalid; otherwise every create and update through the entity's business
 * functions, so each is validated and audited as a form save would be.
 */
export async function applyImport(
  ctx: TenantContext,
  entity: AdminEntity,
  plan: ImportPlan,
): Promise<{ created: number; updated: number; unchanged: number }> {
  if (plan.invalidRows > 0) throw problem('validation', `${plan.invalidRows} row(s) have errors; nothing was imported.`)
  const counts = { created: 0, updated: 0, unchanged: 0 }
  for (const row of plan.rows) {
    if (row.action === 'unchanged') counts.unchanged++
    else if (row.action === 'update' && row.id && entity.update) {
      await entity.update(ctx, row.id, row.input)
      counts.updated++
    } else if (row.action === 'create' && entity.create) {
      await entity.create(ctx, row.input)
      counts.created++
    }
  }
  return counts
}
