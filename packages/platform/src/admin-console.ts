import {
  type AdminEntity,
  type AdminField,
  type AnyModule,
  type Grant,
  hasPermission,
  isDimensionId,
  isProblemError,
  type PermissionEntry,
  PLATFORM_PERMISSIONS,
  type TenantContext,
  type TenantInfo,
} from '@cerdas/core'

/**
 * The admin console's generic logic, free of any web framework: which module
 * entities a person may see and change, how form fields become the input a
 * module's schema checks (and how its issues map back to fields), time zone
 * conversion for datetime inputs, audit diffs and record health for the
 * dashboard. The Remix routes only render and redirect.
 */

export type AdminAction = 'create' | 'update' | 'delete' | 'verify'

/** One module entity as the console addresses it. */
export interface ConsoleEntity {
  module: AnyModule
  entity: AdminEntity
  /** Entity name as the audit log records it, e.g. `announcements.announcement`. */
  name: string
  /** Console path of the list, e.g. `/admin/data/announcements/announcement`. */
  path: string
}

const METHOD = { create: 'create', update: 'update', delete: 'remove', verify: 'verify' } as const

/** Every admin entity of the modules the tenant has enabled, in module order. */
export function consoleEntities(modules: readonly AnyModule[], tenant: Pick<TenantInfo, 'modules'>): ConsoleEntity[] {
  return modules
    .filter((m) => tenant.modules[m.id])
    .flatMap((m) =>
      (m.admin?.entities ?? []).map((entity) => ({
        module: m,
        entity,
        name: `${m.id}.${entity.id}`,
        path: `/admin/data/${m.id}/${entity.id}`,
      })),
    )
}

export function findConsoleEntity(
  modules: readonly AnyModule[],
  tenant: Pick<TenantInfo, 'modules'>,
  moduleId: string,
  entityId: string,
): ConsoleEntity | undefined {
  return consoleEntities(modules, tenant).find((e) => e.module.id === moduleId && e.entity.id === entityId)
}

/**
 * Whether grants let a person open an entity's records: the console permission,
 * limited to the dimension of the entity's module for dimension-limited grants.
 */
export function mayView(grants: readonly Grant[], ce: ConsoleEntity): boolean {
  const consoleRead = PLATFORM_PERMISSIONS['cerdas.console:read']!
  return hasPermission(grants, {
    key: 'cerdas.console:read',
    ...consoleRead,
    module: ce.module.id,
    dimension: ce.module.dimension,
  })
}

/** Whether an action is offered (declared, implemented) and allowed by the grants. */
export function mayAct(
  grants: readonly Grant[],
  catalog: ReadonlyMap<string, PermissionEntry>,
  ce: ConsoleEntity,
  action: AdminAction,
): boolean {
  const key = ce.entity.permissions[action]
  if (!key || typeof ce.entity[METHOD[action]] !== 'function') return false
  return hasPermission(grants, catalog.get(key))
}

// ---------------------------------------------------------------------------
// Dates: datetime-local inputs are wall-clock times in the tenant's zone.

/** Offset of a zone from UTC at an instant, in minutes (Asia/Jakarta: 420). */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  const m = /GMT([+-])(\d{1,2})(?::?(\d{2}))?/.exec(name)
  if (!m) return 0
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0)
  return m[1] === '-' ? -minutes : minutes
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0')

/**
 * A datetime-local value (`2026-12-01T08:00`) read in a zone, as an ISO
 * instant with that zone's offset (`2026-12-01T08:00:00+07:00`); undefined
 * when it is not a real date and time.
 */
export function localInputToIso(value: string, timeZone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim())
  if (!m) return undefined
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '00'].map(Number) as number[]
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!)
  const check = new Date(wall)
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== d || h! > 23) {
    return undefined
  }
  // Two passes settle the offset even around a transition (Indonesia has none).
  let offset = zoneOffsetMinutes(timeZone, new Date(wall))
  offset = zoneOffsetMinutes(timeZone, new Date(wall - offset * 60_000))
  const sign = offset < 0 ? '-' : '+'
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${pad(s!)}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
}

/** An instant as the datetime-local value of the zone's wall clock; empty when not a date. */
export function isoToLocalInput(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return ''
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return ''
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`
}

// ---------------------------------------------------------------------------
// Forms: raw values in, schema input and field issues out.

/** What is wrong with one field, as a code the console translates. */
export interface FieldIssue {
  code: 'required' | 'tooShort' | 'tooLong' | 'url' | 'datetime' | 'number' | 'choice' | 'invalid' | 'custom'
  min?: number
  max?: number
  /** The schema's or business function's own words, for `custom` and `invalid`. */
  message?: string
}

export interface FormCheck {
  /** The input for the module's business function, when everything is valid. */
  input?: Record<string, unknown>
  /** Issues by field name (the dotted `AdminField.name`). */
  errors: Record<string, FieldIssue>
  /** Issues that belong to no single field. */
  formErrors: FieldIssue[]
}

/** Raw form values by field name (checkboxes: `on` or empty), for reading and re-rendering. */
export function readFormValues(fields: readonly AdminField[], get: (name: string) => unknown): Record<string, string> {
  const values: Record<string, string> = {}
  for (const field of fields) {
    const raw = get(field.name)
    values[field.name] = typeof raw === 'string' ? raw : ''
  }
  return values
}

/** The form values of a stored record (datetimes as the zone's wall clock). */
export function recordFormValues(
  fields: readonly AdminField[],
  stored: Record<string, string | number | boolean | null>,
  timeZone: string,
): Record<string, string> {
  const values: Record<string, string> = {}
  for (const field of fields) {
    const value = stored[field.name]
    if (field.type === 'checkbox') values[field.name] = value ? 'on' : ''
    else if (field.type === 'datetime') values[field.name] = isoToLocalInput(value as string | null, timeZone)
    else values[field.name] = value === null || value === undefined ? '' : String(value)
  }
  return values
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.')
  let node = target
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {}
    node = node[key] as Record<string, unknown>
  }
  node[keys.at(-1)!] = value
}

function deletePath(target: Record<string, unknown>, path: string): void {
  const keys = path.split('.')
  let node: unknown = target
  for (const key of keys.slice(0, -1)) {
    node = (node as Record<string, unknown> | undefined)?.[key]
    if (typeof node !== 'object' || node === null) return
  }
  delete (node as Record<string, unknown>)[keys.at(-1)!]
}

function getPath(target: unknown, path: readonly PropertyKey[]): unknown {
  let node = target
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<PropertyKey, unknown>)[key]
  }
  return node
}

interface SchemaIssue {
  code: string
  path: readonly PropertyKey[]
  message: string
  origin?: string
  format?: string
  minimum?: number | bigint
  maximum?: number | bigint
}

function issueOf(issue: SchemaIssue, given: unknown): FieldIssue {
  switch (issue.code) {
    case 'invalid_type':
      return given === undefined || given === null ? { code: 'required' } : { code: 'invalid', message: issue.message }
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { code: 'required' }
      return issue.origin === 'string' ? { code: 'tooShort', min: Number(issue.minimum) } : { code: 'invalid' }
    case 'too_big':
      return issue.origin === 'string' ? { code: 'tooLong', max: Number(issue.maximum) } : { code: 'invalid' }
    case 'invalid_format':
      if (issue.format === 'url') return { code: 'url' }
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

/** The field an issue path belongs to: the exact name, else the nearest field under it. */
function fieldFor(fields: readonly AdminField[], path: readonly PropertyKey[]): string | undefined {
  const name = path.map(String).join('.')
  if (!name) return undefined
  return (
    fields.find((f) => f.name === name)?.name ??
    fields.find((f) => f.name.startsWith(`${name}.`))?.name ??
    fields.find((f) => name.startsWith(`${f.name}.`))?.name
  )
}

/**
 * Turns raw form values into the input of a module's create or update
 * function and checks it with the entity's schema. Empty fields are left out
 * when creating; when updating they clear the value if the schema allows it
 * (null), otherwise they are left out (unchanged). Issues come back by field.
 */
export function checkEntityForm(
  entity: Pick<AdminEntity, 'fields' | 'createSchema' | 'updateSchema'>,
  mode: 'create' | 'update',
  values: Record<string, string>,
  timeZone: string,
): FormCheck {
  const errors: Record<string, FieldIssue> = {}
  const input: Record<string, unknown> = {}
  const emptied: string[] = []
  for (const field of entity.fields) {
    const raw = (values[field.name] ?? '').trim()
    if (field.type === 'checkbox') {
      setPath(input, field.name, raw === 'on' || raw === 'true')
      continue
    }
    if (raw === '') {
      if (field.required) errors[field.name] = { code: 'required' }
      else if (mode === 'update') {
        setPath(input, field.name, null)
        emptied.push(field.name)
      }
      continue
    }
    if (field.type === 'datetime') {
      const iso = localInputToIso(raw, timeZone)
      if (iso) setPath(input, field.name, iso)
      else errors[field.name] = { code: 'datetime' }
    } else if (field.type === 'number') {
      const n = Number(raw.replace(',', '.'))
      if (Number.isFinite(n)) setPath(input, field.name, n)
      else errors[field.name] = { code: 'number' }
    } else if (field.type === 'select' && field.options && !field.options.some((o) => o.value === raw)) {
      errors[field.name] = { code: 'choice' }
    } else if (field.type === 'url' && !/^https?:\/\/[^\s/]+/i.test(raw)) {
      errors[field.name] = { code: 'url' }
    } else {
      setPath(input, field.name, raw)
    }
  }
  const schema = mode === 'create' ? entity.createSchema : entity.updateSchema
  const formErrors: FieldIssue[] = []
  if (schema) {
    let issues: SchemaIssue[] = []
    // Up to one retry per emptied field: a field the schema will not clear is left unchanged instead.
    for (let round = 0; round <= emptied.length; round++) {
      const parsed = schema.safeParse(input)
      issues = parsed.success ? [] : (parsed.error.issues as unknown as SchemaIssue[])
      const refused = emptied.filter((name) =>
        issues.some((i) => i.path.map(String).join('.') === name && getPath(input, i.path) === null),
      )
      if (refused.length === 0) break
      for (const name of refused) {
        deletePath(input, name)
        emptied.splice(emptied.indexOf(name), 1)
      }
    }
    for (const issue of issues) {
      const field = fieldFor(entity.fields, issue.path)
      const mapped = issueOf(issue, getPath(input, issue.path))
      if (field) errors[field] ??= mapped
      else formErrors.push(mapped)
    }
  }
  // Parent objects left empty by a cleared optional field (e.g. `title: {}`) are the schema's to judge.
  return Object.keys(errors).length || formErrors.length ? { errors, formErrors } : { input, errors, formErrors }
}

/** Maps a business function's problem (validation pointers such as `/title/id`) onto fields. */
export function problemToFormIssues(
  fields: readonly AdminField[],
  error: unknown,
): { errors: Record<string, FieldIssue>; formErrors: FieldIssue[]; status: number } | undefined {
  if (!isProblemError(error)) return undefined
  const errors: Record<string, FieldIssue> = {}
  const formErrors: FieldIssue[] = []
  for (const e of error.problem.errors ?? []) {
    const field = fieldFor(fields, e.pointer.split('/').filter(Boolean))
    if (field) errors[field] ??= { code: 'custom', message: e.message }
    else formErrors.push({ code: 'custom', message: e.message })
  }
  if (!error.problem.errors?.length) {
    formErrors.push({ code: 'custom', message: error.problem.detail ?? error.problem.title })
  }
  return { errors, formErrors, status: error.problem.status }
}

// ---------------------------------------------------------------------------
// Roles from form inputs.

/**
 * Grants from role checkboxes (admin, verifier, viewer) and an editor team
 * (a dimension id, `all`, or empty for none); undefined when a value is unknown.
 */
export function grantsFromForm(roles: readonly string[], editorTeam: string): Grant[] | undefined {
  const grants: Grant[] = []
  for (const role of roles) {
    if (role !== 'admin' && role !== 'verifier' && role !== 'viewer') return undefined
    if (!grants.some((g) => g.role === role)) grants.push({ role, dimension: null })
  }
  if (editorTeam === 'all') grants.push({ role: 'editor', dimension: null })
  else if (editorTeam && isDimensionId(editorTeam)) grants.push({ role: 'editor', dimension: editorTeam })
  else if (editorTeam) return undefined
  return grants
}

/** The editor team of grants as the form's select shows it. */
export function editorTeamOf(grants: readonly Grant[]): string {
  const editor = grants.find((g) => g.role === 'editor')
  return editor ? (editor.dimension ?? 'all') : ''
}

// ---------------------------------------------------------------------------
// Audit diffs.

export interface DiffRow {
  key: string
  before: string | null
  after: string | null
  changed: boolean
}

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>)
    if (entries.length === 0 && prefix) out.set(prefix, '{}')
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out)
    return
  }
  if (value === undefined) return
  out.set(prefix || '(value)', typeof value === 'string' ? value : JSON.stringify(value))
}

/** Field-by-field comparison of an audit entry's before and after (nested keys dotted). */
export function auditDiff(before: unknown, after: unknown): DiffRow[] {
  const a = new Map<string, string>()
  const b = new Map<string, string>()
  flatten(before ?? undefined, '', a)
  flatten(after ?? undefined, '', b)
  const keys = [...a.keys(), ...[...b.keys()].filter((k) => !a.has(k))]
  return keys.map((key) => {
    const x = a.get(key) ?? null
    const y = b.get(key) ?? null
    return { key, before: x, after: y, changed: x !== y }
  })
}

// ---------------------------------------------------------------------------
// Dashboard: how current an entity's records are.

export interface EntityHealth {
  total: number
  /** Null when the entity does not track verification. */
  neverVerified: number | null
  /** Verified, but longer ago than the stale limit. */
  stale: number | null
  expiringSoon: { id: string; label: string; expiresAt: string }[]
  /** More records than were read; counts cover the newest ones only. */
  truncated: boolean
}

/** Reads an entity's records page by page (up to a bound) and counts what needs attention. */
export async function entityHealth(
  ctx: TenantContext,
  entity: AdminEntity,
  options: { staleDays?: number; expiringDays?: number; maxRecords?: number } = {},
): Promise<EntityHealth> {
  const now = ctx.now().getTime()
  const staleBefore = now - (options.staleDays ?? 180) * 86_400_000
  const expiringBefore = now + (options.expiringDays ?? 14) * 86_400_000
  const max = options.maxRecords ?? 2000
  const health: EntityHealth = {
    total: 0,
    neverVerified: entity.verificationOf ? 0 : null,
    stale: entity.verificationOf ? 0 : null,
    expiringSoon: [],
    truncated: false,
  }
  let cursor: string | undefined
  do {
    const page = await entity.list(ctx, { cursor, limit: 100 })
    for (const item of page.items) {
      health.total++
      const verification = entity.verificationOf?.(item)
      if (verification && health.neverVerified !== null && health.stale !== null) {
        if (!verification.verifiedAt) health.neverVerified++
        else if (Date.parse(verification.verifiedAt) < staleBefore) health.stale++
      }
      const expiresAt = entity.valuesOf(item).expiresAt
      if (typeof expiresAt === 'string') {
        const at = Date.parse(expiresAt)
        if (at > now && at <= expiringBefore) {
          health.expiringSoon.push({ id: entity.idOf(item), label: entity.labelOf(item, ctx.locale), expiresAt })
        }
      }
    }
    cursor = page.nextCursor ?? undefined
    if (cursor && health.total >= max) {
      health.truncated = true
      break
    }
  } while (cursor)
  health.expiringSoon.sort((x, y) => x.expiresAt.localeCompare(y.expiresAt))
  return health
}
