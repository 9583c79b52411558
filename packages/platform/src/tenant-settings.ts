import {
  type Actor,
  type AnyModule,
  hasPermission,
  type LocalizedText,
  localeSchema,
  PLATFORM_PERMISSIONS,
  problem,
  type TenantContext,
} from '@cerdas/core'
import { findTenantBySlug, recordLifecycleEvent, type TenantRecord } from '@cerdas/db'
import { z } from 'zod'
import { writeAudited } from './control-plane-audit'
import { mapTileUrlSchema } from './map-tiles'
import { setModuleEnabled } from './module-enablement'
import { dataLicenceSchema } from './open-data/licence'
import type { Platform } from './platform'

/**
 * Tenant settings as a regency's admin changes them from the console: name,
 * branding and languages in the control plane, module enablement and each
 * module's settings. Every change is checked against the caller's grants
 * (`cerdas.settings:update`), validated by zod, written to the tenant's audit
 * log and the control plane's lifecycle history, and the platform's caches of
 * the tenant are dropped so the next request sees it.
 */

export const SETTINGS_PERMISSION = 'cerdas.settings:update'

/** What is wrong with one settings field, as a code the console translates. */
export interface SettingsIssue {
  code:
    | 'required'
    | 'tooShort'
    | 'tooLong'
    | 'tooSmall'
    | 'tooBig'
    | 'number'
    | 'integer'
    | 'colour'
    | 'url'
    | 'tileUrl'
    | 'choice'
    | 'defaultLocale'
    | 'unknown'
    | 'invalid'
  min?: number
  max?: number
  /** The schema's own words, for `invalid`. */
  message?: string
}

export type SettingsCheck<T> = { ok: true; value: T } | { ok: false; errors: Record<string, SettingsIssue> }

const hexColour = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'colour')

/** A logo at an https:// address or a path on this site (`/logo.svg`). */
const logoUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => /^https:\/\/[^\s/$.?#][^\s]*$/i.test(v) || /^\/[^/\\\s][^\s]*$/.test(v), 'url')

export const tenantProfileSchema = z
  .strictObject({
    name: z.string().trim().min(3).max(120),
    tagline: z
      .strictObject({ id: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200).optional() })
      .optional(),
    primaryColor: hexColour,
    accentColor: hexColour,
    logoUrl: logoUrl.optional(),
    mapTileUrl: mapTileUrlSchema.optional(),
    mapAttribution: z.string().trim().min(1).max(300).optional(),
    dataLicence: dataLicenceSchema.optional(),
    locales: z.array(localeSchema).min(1),
    defaultLocale: localeSchema,
  })
  .refine((p) => p.locales.includes(p.defaultLocale), { message: 'defaultLocale', path: ['defaultLocale'] })

export type TenantProfileInput = z.input<typeof tenantProfileSchema>
export type TenantProfile = z.output<typeof tenantProfileSchema>

/** Field path (`tagline.id`) → issue, from zod's issues; the first issue of a field wins. */
export function settingsIssues(error: z.ZodError): Record<string, SettingsIssue> {
  const errors: Record<string, SettingsIssue> = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || 'form'
    if (errors[key]) continue
    errors[key] = issueOf(issue)
  }
  return errors
}

function issueOf(issue: z.core.$ZodIssue): SettingsIssue {
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum)
      if (issue.origin === 'string') return min <= 1 ? { code: 'required' } : { code: 'tooShort', min }
      if (issue.origin === 'array') return { code: 'required' }
      return { code: 'tooSmall', min }
    }
    case 'too_big': {
      const max = Number(issue.maximum)
      return issue.origin === 'string' ? { code: 'tooLong', max } : { code: 'tooBig', max }
    }
    case 'invalid_type':
      if (issue.expected === 'int') return { code: 'integer' }
      if (issue.expected === 'number') return { code: 'number' }
      return issue.input === undefined ? { code: 'required' } : { code: 'invalid', message: issue.message }
    case 'invalid_value':
      return { code: 'choice' }
    case 'unrecognized_keys':
      return { code: 'unknown', message: issue.keys.join(', ') }
    case 'invalid_format':
      if (issue.message === 'colour') return { code: 'colour' }
      return { code: 'invalid', message: issue.message }
    case 'custom':
      if (issue.message === 'url') return { code: 'url' }
      if (issue.message === 'tileUrl') return { code: 'tileUrl' }
      if (issue.message === 'defaultLocale') return { code: 'defaultLocale' }
      return { code: 'invalid', message: issue.message }
    default:
      return { code: 'invalid', message: issue.message }
  }
}

export function checkTenantProfile(input: unknown): SettingsCheck<TenantProfile> {
  const parsed = tenantProfileSchema.safeParse(input)
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: settingsIssues(parsed.error) }
}

function validationProblem(what: string, errors: Record<string, SettingsIssue>) {
  return problem('validation', `${what} is not valid`, {
    errors: Object.entries(errors).map(([path, issue]) => ({
      pointer: `/${path.replaceAll('.', '/')}`,
      message: issue.message ?? issue.code,
    })),
  })
}

/** Refuses (403) unless the actor may change tenant settings; the CLI, operators and the system may. */
export function requireSettingsPermission(actor: Actor | null): void {
  if (!actor) throw problem('unauthorized')
  if (actor.kind === 'user' || actor.kind === 'token') {
    const entry = {
      key: SETTINGS_PERMISSION,
      ...PLATFORM_PERMISSIONS[SETTINGS_PERMISSION]!,
      module: 'cerdas',
      dimension: null,
    }
    if (!hasPermission(actor.grants ?? [], entry)) throw problem('forbidden', 'changing tenant settings needs an admin')
  }
}

const actorLabel = (actor: Actor | null) => (actor ? `${actor.kind}:${actor.id}` : 'system')

async function recordOf(platform: Platform, ctx: TenantContext): Promise<TenantRecord> {
  const record = await findTenantBySlug(platform.controlPlane, ctx.tenant.slug)
  if (!record || record.id !== ctx.tenant.id) throw problem('notFound', `no tenant "${ctx.tenant.slug}"`)
  return record
}

async function reloaded(platform: Platform, record: TenantRecord): Promise<TenantRecord> {
  const updated = (await findTenantBySlug(platform.controlPlane, record.slug)) as TenantRecord
  platform.forget(updated)
  return updated
}

/** The profile part of a tenant record, as the settings form shows it. */
export function tenantProfileOf(record: TenantRecord): TenantProfile {
  const b = record.branding as {
    primaryColor?: string
    accentColor?: string
    logoUrl?: string
    tagline?: LocalizedText
    mapTileUrl?: string
    mapAttribution?: string
    dataLicence?: string
  }
  return {
    name: record.name,
    ...(b.tagline ? { tagline: b.tagline } : {}),
    primaryColor: b.primaryColor ?? '#0b5d7a',
    accentColor: b.accentColor ?? '#f2a900',
    ...(b.logoUrl ? { logoUrl: b.logoUrl } : {}),
    ...(b.mapTileUrl ? { mapTileUrl: b.mapTileUrl } : {}),
    ...(b.mapAttribution ? { mapAttribution: b.mapAttribution } : {}),
    ...(b.dataLicence ? { dataLicence: b.dataLicence } : {}),
    locales: record.locales,
    defaultLocale: record.defaultLocale,
  }
}

/** Changes a tenant's name, branding (colours, logo, tagline) and languages. */
export async function updateTenantProfile(
  platform: Platform,
  ctx: TenantContext,
  input: TenantProfileInput,
): Promise<TenantRecord> {
  requireSettingsPermission(ctx.actor)
  const checked = checkTenantProfile(input)
  if (!checked.ok) throw validationProblem('tenant profile', checked.errors)
  const profile = checked.value
  const record = await recordOf(platform, ctx)
  const before = tenantProfileOf(record)
  // Other branding keys (set by templates or later features) are kept.
  const branding: Record<string, unknown> = { ...record.branding }
  branding.primaryColor = profile.primaryColor
  branding.accentColor = profile.accentColor
  if (profile.logoUrl) branding.logoUrl = profile.logoUrl
  else delete branding.logoUrl
  if (profile.tagline) branding.tagline = profile.tagline
  else delete branding.tagline
  for (const key of ['mapTileUrl', 'mapAttribution', 'dataLicence'] as const) {
    if (profile[key]) branding[key] = profile[key]
    else delete branding[key]
  }
  await writeAudited(
    platform,
    record,
    [
      {
        sql: 'UPDATE tenants SET name = ?, branding = ?, locales = ?, default_locale = ?, updated_at = ? WHERE id = ?',
        args: [
          profile.name,
          JSON.stringify(branding),
          JSON.stringify(profile.locales),
          profile.defaultLocale,
          new Date().toISOString(),
          record.id,
        ],
      },
    ],
    ctx.actor,
    { action: 'update', entity: 'cerdas.tenant', entityId: record.id, before, after: profile },
  )
  const updated = await reloaded(platform, record)
  await recordLifecycleEvent(platform.controlPlane, {
    tenantId: record.id,
    tenantSlug: record.slug,
    kind: 'profile-updated',
    detail: { fields: changedKeys(before, profile) },
    actor: actorLabel(ctx.actor),
  })
  return updated
}

function changedKeys(before: object, after: object): string[] {
  const a = before as Record<string, unknown>
  const b = after as Record<string, unknown>
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]),
  )
}

function moduleOf(platform: Platform, moduleId: string): AnyModule {
  const mod = platform.modules.find((m) => m.id === moduleId)
  if (!mod) throw problem('notFound', `no module "${moduleId}" is registered`)
  return mod
}

/** A module's settings schema, refusing keys it does not declare. */
function strictSettings(mod: AnyModule): z.ZodObject | undefined {
  const schema = mod.settings as unknown as z.ZodObject | undefined
  return schema && typeof schema.strict === 'function' ? schema.strict() : schema
}

export function checkModuleSettings(mod: AnyModule, values: unknown): SettingsCheck<Record<string, unknown>> {
  const schema = strictSettings(mod)
  if (!schema) return { ok: false, errors: { form: { code: 'invalid', message: `${mod.id} has no settings` } } }
  const parsed = schema.safeParse(values)
  return parsed.success
    ? { ok: true, value: parsed.data as Record<string, unknown> }
    : { ok: false, errors: settingsIssues(parsed.error) }
}

/** Replaces an enabled module's settings for the tenant, validated by the module's settings schema. */
export async function updateModuleSettings(
  platform: Platform,
  ctx: TenantContext,
  moduleId: string,
  values: Record<string, unknown>,
): Promise<TenantRecord> {
  requireSettingsPermission(ctx.actor)
  const mod = moduleOf(platform, moduleId)
  const record = await recordOf(platform, ctx)
  const row = record.modules.find((m) => m.moduleId === moduleId)
  if (!row?.enabled) throw problem('conflict', `${moduleId} is not enabled for ${record.slug}`)
  const checked = checkModuleSettings(mod, values)
  if (!checked.ok) throw validationProblem(`settings of ${moduleId}`, checked.errors)
  const before = mod.settings?.safeParse(row.settings)
  await writeAudited(
    platform,
    record,
    [
      {
        sql: 'UPDATE tenant_modules SET settings = ? WHERE tenant_id = ? AND module_id = ?',
        args: [JSON.stringify(checked.value), record.id, moduleId],
      },
      { sql: 'UPDATE tenants SET updated_at = ? WHERE id = ?', args: [new Date().toISOString(), record.id] },
    ],
    ctx.actor,
    {
      action: 'update',
      entity: 'cerdas.module_settings',
      entityId: moduleId,
      before: before?.success ? before.data : row.settings,
      after: checked.value,
    },
  )
  const updated = await reloaded(platform, record)
  await recordLifecycleEvent(platform.controlPlane, {
    tenantId: record.id,
    tenantSlug: record.slug,
    kind: 'module-settings-updated',
    detail: { module: moduleId },
    actor: actorLabel(ctx.actor),
  })
  return updated
}

/**
 * Enables or disables a module for the tenant of a request (requirements
 * checked, schema migrated and audited by {@link setModuleEnabled}).
 * Nothing happens, and nothing is recorded, when the module already is in that state.
 */
export async function setTenantModuleEnabled(
  platform: Platform,
  ctx: TenantContext,
  moduleId: string,
  enabled: boolean,
): Promise<TenantRecord> {
  requireSettingsPermission(ctx.actor)
  moduleOf(platform, moduleId)
  const record = await recordOf(platform, ctx)
  const wasEnabled = record.modules.some((m) => m.moduleId === moduleId && m.enabled)
  if (wasEnabled === enabled) return record
  // Audited by setModuleEnabled, in the same control-plane batch as the change.
  return setModuleEnabled(platform, record.slug, moduleId, enabled, ctx.actor ?? { kind: 'system', id: 'system' })
}

/**
 * Applies a whole set of enabled modules: enables first (in dependency order,
 * so a module and what it requires can be ticked together), then disables
 * (dependants first). Stops at the first refusal, which names the module.
 */
export async function setTenantModules(
  platform: Platform,
  ctx: TenantContext,
  wanted: ReadonlySet<string>,
): Promise<{ enabled: string[]; disabled: string[] }> {
  requireSettingsPermission(ctx.actor)
  const record = await recordOf(platform, ctx)
  const active = new Set(record.modules.filter((m) => m.enabled).map((m) => m.moduleId))
  const toEnable = platform.modules.filter((m) => wanted.has(m.id) && !active.has(m.id)).map((m) => m.id)
  const toDisable = platform.modules
    .filter((m) => !wanted.has(m.id) && active.has(m.id))
    .map((m) => m.id)
    .reverse()
  const done = { enabled: [] as string[], disabled: [] as string[] }
  for (const id of toEnable) {
    await setTenantModuleEnabled(platform, ctx, id, true)
    done.enabled.push(id)
  }
  for (const id of toDisable) {
    await setTenantModuleEnabled(platform, ctx, id, false)
    done.disabled.push(id)
  }
  return done
}

// ---------------------------------------------------------------------------
// A form generated from a module's settings schema.

export interface SettingsField {
  /** Key in the settings object. */
  name: string
  /** The schema's description (`.describe()` or `.meta({ description })`), else the key. */
  label: string | LocalizedText
  type: 'number' | 'checkbox' | 'select' | 'multiselect' | 'text'
  min?: number
  max?: number
  integer?: boolean
  maxLength?: number
  options?: string[]
  default?: unknown
}

interface ZodLike {
  def: { type: string; innerType?: ZodLike; element?: ZodLike; defaultValue?: unknown }
  description?: string
  meta?: () => Record<string, unknown> | undefined
  minValue?: number | null
  maxValue?: number | null
  isInt?: boolean
  maxLength?: number | null
  options?: readonly unknown[]
}

/** The form fields of a settings schema; keys of kinds a form cannot edit (objects, records) are left out. */
export function settingsFields(schema: unknown): SettingsField[] {
  const shape = (schema as { shape?: Record<string, ZodLike> } | undefined)?.shape
  if (!shape) return []
  const fields: SettingsField[] = []
  for (const [name, outer] of Object.entries(shape)) {
    let node: ZodLike = outer
    let label: string | LocalizedText | undefined
    let fallback: unknown
    for (;;) {
      const meta = typeof node.meta === 'function' ? node.meta() : undefined
      label ??= (meta?.label as LocalizedText | undefined) ?? node.description ?? undefined
      if (node.def.type === 'default' || node.def.type === 'prefault') {
        const value = node.def.defaultValue
        fallback ??= typeof value === 'function' ? (value as () => unknown)() : value
      }
      if (['default', 'prefault', 'optional', 'nullable', 'readonly'].includes(node.def.type) && node.def.innerType) {
        node = node.def.innerType
      } else break
    }
    const base = { name, label: label ?? name, ...(fallback !== undefined ? { default: fallback } : {}) }
    switch (node.def.type) {
      case 'number':
        fields.push({
          ...base,
          type: 'number',
          ...(Number.isFinite(node.minValue) ? { min: node.minValue as number } : {}),
          ...(Number.isFinite(node.maxValue) ? { max: node.maxValue as number } : {}),
          ...(node.isInt ? { integer: true } : {}),
        })
        break
      case 'boolean':
        fields.push({ ...base, type: 'checkbox' })
        break
      case 'enum':
        fields.push({ ...base, type: 'select', options: (node.options ?? []).map(String) })
        break
      case 'string':
        fields.push({ ...base, type: 'text', ...(node.maxLength ? { maxLength: node.maxLength } : {}) })
        break
      case 'array': {
        const element = node.def.element
        if (element?.def.type === 'enum') {
          fields.push({ ...base, type: 'multiselect', options: (element.options ?? []).map(String) })
        }
        break
      }
    }
  }
  return fields
}

/**
 * Values for a settings schema from a submitted form: numbers parsed (decimal
 * comma accepted; an empty or non-numeric entry is left for the schema to
 * refuse), unticked checkboxes false, multi-selects as arrays.
 */
export function readSettingsForm(
  fields: readonly SettingsField[],
  get: (name: string) => unknown,
  getAll: (name: string) => unknown[],
): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const field of fields) {
    const raw = get(field.name)
    const text = typeof raw === 'string' ? raw.trim() : ''
    switch (field.type) {
      case 'number': {
        const n = Number(text.replace(',', '.'))
        values[field.name] = text === '' ? undefined : Number.isFinite(n) ? n : text
        break
      }
      case 'checkbox':
        values[field.name] = raw === 'on' || raw === 'true'
        break
      case 'multiselect':
        values[field.name] = getAll(field.name).filter((v): v is string => typeof v === 'string')
        break
      default:
        values[field.name] = text
    }
  }
  return values
}
