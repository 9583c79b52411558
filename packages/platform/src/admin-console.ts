import {
  type AdminEntity,
  type AnyModule,
  type DimensionId,
  type Grant,
  hasPermission,
  isDimensionId,
  type PermissionEntry,
  PLATFORM_PERMISSIONS,
  type TenantContext,
  type TenantInfo,
} from '@cerdas/core'

/**
 * The admin console's generic logic, free of any web framework: which module
 * entities a person may see and change, time zone conversion for datetime
 * inputs, role inputs, audit diffs and record health for the dashboard. How
 * entity form values become a module's input (and its issues map back to the
 * inputs) is in admin-form.ts. The Remix routes only render and redirect.
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
  /**
   * For an entity whose records follow their owner's team (`followsOwner`, ADR 0110): the
   * dimensions of the modules that may own them, whose teams open the entity.
   */
  ownerDimensions?: DimensionId[] | undefined
}

const METHOD = { create: 'create', update: 'update', delete: 'remove', verify: 'verify' } as const

/** Every admin entity of the modules the tenant has enabled, in module order. */
export function consoleEntities(modules: readonly AnyModule[], tenant: Pick<TenantInfo, 'modules'>): ConsoleEntity[] {
  const enabled = modules.filter((m) => tenant.modules[m.id])
  const ownerDimensions = [...new Set(enabled.map((m) => m.dimension))]
  return enabled.flatMap((m) =>
    (m.admin?.entities ?? []).map((entity) => ({
      module: m,
      entity,
      name: `${m.id}.${entity.id}`,
      path: `/admin/data/${m.id}/${entity.id}`,
      ...(entity.followsOwner
        ? { ownerDimensions: entity.ownerDimensions ? [...entity.ownerDimensions] : ownerDimensions }
        : {}),
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
 * limited to the dimension of the entity's module for dimension-limited grants,
 * or, for records that follow their owner's team, to the dimensions of the
 * modules that own them (the entity then shows each team only its owners' records). Records only
 * unlimited grants write are opened only by those that may write them.
 */
export function mayView(grants: readonly Grant[], ce: ConsoleEntity): boolean {
  if (ce.entity.unlimitedOnly) {
    const writers = ce.module.permissions?.[ce.entity.permissions.update ?? '']?.roles ?? ['admin']
    return grants.some((g) => g.dimension === null && (g.role === 'admin' || writers.includes(g.role)))
  }
  const consoleRead = PLATFORM_PERMISSIONS['cerdas.console:read']!
  return hasPermission(grants, {
    key: 'cerdas.console:read',
    ...consoleRead,
    module: ce.module.id,
    dimension: ce.module.dimension,
    ...(ce.ownerDimensions ? { followsOwner: true, ownerDimensions: ce.ownerDimensions } : {}),
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
// Field issues (entity forms are in admin-form.ts).

/** What is wrong with one field, as a code the console translates. */
export interface FieldIssue {
  code: 'required' | 'tooShort' | 'tooLong' | 'url' | 'datetime' | 'number' | 'choice' | 'invalid' | 'custom'
  min?: number
  max?: number
  /** The schema's or business function's own words, for `custom` and `invalid`. */
  message?: string
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
  /** When the most recently verified record was verified; null when none is or the entity does not track it. */
  lastVerifiedAt: string | null
  expiringSoon: { id: string; label: string; expiresAt: string }[]
  /** More records than were read; counts cover the newest ones only. */
  truncated: boolean
}

/** Days after which a verification counts as stale on the dashboard and in the operators' view. */
export const DEFAULT_STALE_DAYS = 180

/** Reads an entity's records page by page (up to a bound) and counts what needs attention. */
export async function entityHealth(
  ctx: TenantContext,
  entity: AdminEntity,
  options: { staleDays?: number; expiringDays?: number; maxRecords?: number } = {},
): Promise<EntityHealth> {
  const now = ctx.now().getTime()
  const staleBefore = now - (options.staleDays ?? DEFAULT_STALE_DAYS) * 86_400_000
  const expiringBefore = now + (options.expiringDays ?? 14) * 86_400_000
  const max = options.maxRecords ?? 2000
  const health: EntityHealth = {
    total: 0,
    neverVerified: entity.verificationOf ? 0 : null,
    stale: entity.verificationOf ? 0 : null,
    lastVerifiedAt: null,
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
        const at = verification.verifiedAt
        // Compared as instants: seeded stamps may carry an offset rather than Z.
        if (at && (!health.lastVerifiedAt || Date.parse(at) > Date.parse(health.lastVerifiedAt))) {
          health.lastVerifiedAt = at
        }
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
