import { loadConfig, platformFromConfig } from '@cerdas/api'
import { type AnyModule, type Locale, pickText } from '@cerdas/core'
import { findTenantBySlug, type TenantRecord } from '@cerdas/db'
import type { Platform, SettingsField, SettingsIssue } from '@cerdas/platform'
import { settingsFields, tenantProfileOf } from '@cerdas/platform'
import type { Console } from './guard.server'

let fallback: Promise<Platform> | undefined

/**
 * The platform the settings page writes through. The server's own instance
 * when the load context carries it (then its caches are dropped at once);
 * otherwise one opened from the same configuration, which writes to the same
 * control plane, and the serving instance sees the change when its host cache
 * entry expires (5 s), as every other app node does.
 */
export function consolePlatform(console: Console): Promise<Platform> {
  const given = (console.web as { platform?: Platform }).platform
  if (given && typeof given.forget === 'function') return Promise.resolve(given)
  fallback ??= platformFromConfig(loadConfig(), console.definitions)
  return fallback
}

/** The tenant's control-plane record, read fresh (not from any cache). */
export async function freshRecord(platform: Platform, console: Console): Promise<TenantRecord> {
  const record = await findTenantBySlug(platform.controlPlane, console.ctx.tenant.slug)
  if (!record) throw new Response('Not found', { status: 404 })
  return record
}

/** A settings field as the page renders it: label in the page's language, value as form text. */
export interface SettingsFormField extends Omit<SettingsField, 'label' | 'default'> {
  label: string
  defaultText?: string
}

/** Current value of a settings key as form text (checkboxes `on`, multi-selects joined by commas). */
export function settingText(field: Pick<SettingsField, 'type'>, value: unknown): string {
  if (field.type === 'checkbox') return value ? 'on' : ''
  if (Array.isArray(value)) return value.join(',')
  return value === undefined || value === null ? '' : String(value)
}

export interface ModuleSettingsForm {
  id: string
  title: string
  fields: SettingsFormField[]
  values: Record<string, string>
}

export function moduleSettingsForm(mod: AnyModule, record: TenantRecord, locale: Locale): ModuleSettingsForm {
  const stored = record.modules.find((m) => m.moduleId === mod.id)?.settings ?? {}
  const parsed = mod.settings?.safeParse(stored)
  const current = (parsed?.success ? parsed.data : (mod.settings?.parse({}) ?? {})) as Record<string, unknown>
  const fields = settingsFields(mod.settings).map(({ label, default: byDefault, ...field }) => ({
    ...field,
    label: typeof label === 'string' ? label : pickText(label, locale),
    ...(byDefault !== undefined ? { defaultText: settingText({ type: 'text' }, byDefault) } : {}),
  }))
  return {
    id: mod.id,
    title: pickText(mod.title, locale),
    fields,
    values: Object.fromEntries(fields.map((f) => [f.name, settingText(f, current[f.name])])),
  }
}

export interface ModuleChoice {
  id: string
  title: string
  enabled: boolean
  requires: string[]
}

export function moduleChoices(platform: Platform, record: TenantRecord, locale: Locale): ModuleChoice[] {
  const enabled = new Set(record.modules.filter((m) => m.enabled).map((m) => m.moduleId))
  return platform.modules.map((m) => ({
    id: m.id,
    title: pickText(m.title, locale),
    enabled: enabled.has(m.id),
    requires: (m.requires ?? []).map((id) => titleOf(platform, id, locale)),
  }))
}

export function titleOf(platform: Platform, moduleId: string, locale: Locale): string {
  const mod = platform.modules.find((m) => m.id === moduleId)
  return mod ? pickText(mod.title, locale) : moduleId
}

/**
 * Requirement problems of a wanted set of modules, in words, before anything
 * is written: a ticked module whose requirement is not ticked, keyed by module.
 */
export function requirementErrors(
  platform: Platform,
  wanted: ReadonlySet<string>,
  locale: Locale,
  t: (key: 'moduleRequires', vars: Record<string, string>) => string,
): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const mod of platform.modules) {
    if (!wanted.has(mod.id)) continue
    const missing = (mod.requires ?? []).filter((id) => !wanted.has(id))
    if (missing.length > 0) {
      errors[mod.id] = t('moduleRequires', {
        module: pickText(mod.title, locale),
        required: missing.map((id) => titleOf(platform, id, locale)).join(', '),
      })
    }
  }
  return errors
}

export interface ProfileValues {
  name: string
  'tagline.id': string
  'tagline.en': string
  primaryColor: string
  accentColor: string
  logoUrl: string
  mapTileUrl: string
  mapAttribution: string
  dataLicence: string
  /** Comma-separated locales. */
  locales: string
  defaultLocale: string
}

export const profileValues = (record: TenantRecord): ProfileValues => {
  const p = tenantProfileOf(record)
  return {
    name: p.name,
    'tagline.id': p.tagline?.id ?? '',
    'tagline.en': p.tagline?.en ?? '',
    primaryColor: p.primaryColor,
    accentColor: p.accentColor,
    logoUrl: p.logoUrl ?? '',
    mapTileUrl: p.mapTileUrl ?? '',
    mapAttribution: p.mapAttribution ?? '',
    dataLicence: p.dataLicence ?? '',
    locales: p.locales.join(','),
    defaultLocale: p.defaultLocale,
  }
}

/** The profile form as the platform function takes it: empty optional entries left out. */
export function profileInput(values: ProfileValues) {
  const taglineId = values['tagline.id'].trim()
  const taglineEn = values['tagline.en'].trim()
  return {
    name: values.name,
    ...(taglineId || taglineEn ? { tagline: { id: taglineId, ...(taglineEn ? { en: taglineEn } : {}) } } : {}),
    primaryColor: values.primaryColor,
    accentColor: values.accentColor,
    ...(values.logoUrl.trim() ? { logoUrl: values.logoUrl } : {}),
    ...(values.mapTileUrl.trim() ? { mapTileUrl: values.mapTileUrl } : {}),
    ...(values.mapAttribution.trim() ? { mapAttribution: values.mapAttribution } : {}),
    ...(values.dataLicence.trim() ? { dataLicence: values.dataLicence } : {}),
    locales: values.locales.split(',').filter(Boolean),
    defaultLocale: values.defaultLocale,
  }
}

export type { SettingsIssue }

/** A settings issue in the page's language, as a field issue the console's components show. */
export function issueText(
  issue: SettingsIssue,
  t: (key: import('./messages').AdminMessageKey, vars?: Record<string, string | number>) => string,
): { code: 'custom'; message: string } {
  const text = (() => {
    switch (issue.code) {
      case 'required':
        return t('required')
      case 'tooShort':
        return t('tooShort', { min: issue.min ?? 1 })
      case 'tooLong':
        return t('tooLong', { max: issue.max ?? 0 })
      case 'tooSmall':
        return t('settingsTooSmall', { min: issue.min ?? 0 })
      case 'tooBig':
        return t('settingsTooBig', { max: issue.max ?? 0 })
      case 'number':
        return t('number')
      case 'integer':
        return t('settingsInteger')
      case 'colour':
        return t('settingsColour')
      case 'url':
        return t('settingsLogoUrl')
      case 'tileUrl':
        return t('settingsTileUrl')
      case 'choice':
        return t('choice')
      case 'defaultLocale':
        return t('settingsDefaultLocale')
      case 'unknown':
        return t('settingsUnknown', { keys: issue.message ?? '' })
      default:
        return issue.message ? `${t('invalid')} (${issue.message})` : t('invalid')
    }
  })()
  return { code: 'custom', message: text }
}
