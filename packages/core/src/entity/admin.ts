import {
  type AdminEntity,
  type AdminField,
  type AdminSubField,
  type AdminValue,
  linesValue,
  listValue,
} from '../admin-entity'
import { type LocalizedText, pickText } from '../localized-text'
import type { PhotoRef } from '../photo-ref'
import type { AnyField, FieldMap } from './fields'
import { photosValue } from './photos-field'
import { optionalOnCreate } from './schemas'

const LANGUAGE = {
  id: { id: 'Indonesia', en: 'Indonesian' },
  en: { id: 'Inggris', en: 'English' },
} as const

const suffixed = (label: LocalizedText, suffix: LocalizedText): LocalizedText => ({
  id: `${label.id} (${suffix.id})`,
  en: `${label.en ?? label.id} (${suffix.en})`,
})

/** The console inputs of one field: two for translatable text and map points, one otherwise. */
function adminFields(name: string, f: AnyField): AdminField[] {
  const base = {
    label: f.label,
    // Required in the form only where creating needs it: a default or "now" fills an empty input.
    ...(f.required && !optionalOnCreate(f) ? { required: true } : {}),
    ...(f.help ? { help: f.help } : {}),
  }
  const first = (field: AdminField): AdminField => (f.section ? { ...field, section: f.section } : field)
  switch (f.kind) {
    case 'custom':
      return f.custom?.admin ?? []
    case 'photos':
      return [first({ ...base, name, type: 'photos', maxItems: f.maxValue })]
    case 'localizedText': {
      const type = f.long ? 'textarea' : 'text'
      return [
        first({ ...base, name: `${name}.id`, label: suffixed(f.label, LANGUAGE.id), type }),
        { name: `${name}.en`, label: suffixed(f.label, LANGUAGE.en), type },
      ]
    }
    case 'geoPoint':
      return [
        first({
          ...base,
          name: `${name}.lat`,
          label: suffixed(f.label, { id: 'lintang', en: 'latitude' }),
          type: 'number',
        }),
        { ...base, name: `${name}.lon`, label: suffixed(f.label, { id: 'bujur', en: 'longitude' }), type: 'number' },
      ]
    case 'enum':
      return [
        first({
          ...base,
          name,
          type: 'select',
          options: (f.values ?? []).map((value) => ({ value, label: f.labels?.[value] ?? { id: value } })),
        }),
      ]
    case 'reference':
      return [
        first({
          ...base,
          name,
          type: 'reference',
          ...(f.options
            ? {
                optionsFrom: async (ctx) =>
                  (await f.options?.(ctx))?.map((o) => ({
                    value: o.value,
                    label: o.label,
                    ...(o.group ? { group: o.group } : {}),
                  })) ?? [],
              }
            : {}),
        }),
      ]
    case 'list':
      return [
        first({
          ...base,
          name,
          type: 'list',
          ...(f.rowLabel ? { rowLabel: f.rowLabel } : {}),
          fields: Object.entries(f.of ?? {}).flatMap(([sub, subField]) =>
            adminFields(sub, subField),
          ) as AdminSubField[],
        }),
      ]
    case 'number':
    case 'money':
      return [first({ ...base, name, type: 'number', ...(f.integer ? { integer: true } : {}) })]
    case 'text':
    case 'lines': {
      // Chosen from fixed values or offered options: one (a text), or several (lines).
      if (!f.values && !f.options) break
      return [
        first({
          ...base,
          name,
          type: f.kind === 'text' ? 'reference' : 'multiselect',
          options: (f.values ?? []).map((value) => ({ value, label: f.labels?.[value] ?? { id: value } })),
          ...(f.options ? { optionsFrom: f.options } : {}),
        }),
      ]
    }
  }
  const types = {
    text: 'text',
    longText: 'textarea',
    url: 'url',
    date: 'text',
    dateTime: 'datetime',
    boolean: 'checkbox',
    lines: 'lines',
  } as const
  return [first({ ...base, name, type: types[f.kind as keyof typeof types] })]
}

/** One cell per console input, for the edit form and exports; a list's rows as {@link listValue}. */
function valuesOf(fields: FieldMap, record: Record<string, unknown>): Record<string, AdminValue> {
  const out: Record<string, AdminValue> = {}
  for (const [name, f] of Object.entries(fields)) {
    const value = record[name]
    if (f.kind === 'custom') Object.assign(out, f.custom?.values?.(value ?? null) ?? {})
    else if (f.kind === 'photos') out[name] = photosValue((value as PhotoRef[] | null) ?? [])
    else if (f.kind === 'localizedText') {
      const text = value as LocalizedText | null
      out[`${name}.id`] = text?.id ?? null
      out[`${name}.en`] = text?.en ?? null
    } else if (f.kind === 'geoPoint') {
      const point = value as { lat: number; lon: number } | null
      out[`${name}.lat`] = point?.lat ?? null
      out[`${name}.lon`] = point?.lon ?? null
    } else if (f.kind === 'lines') out[name] = linesValue((value as string[]) ?? [])
    else if (f.kind === 'list')
      out[name] = listValue(((value as Record<string, unknown>[]) ?? []).map((row) => valuesOf(f.of ?? {}, row)))
    else out[name] = (value as AdminValue) ?? null
  }
  return out
}

/** The text a console list shows for a field's value. */
function cellOf(f: AnyField, value: unknown, locale: 'id' | 'en'): string {
  if (value === null || value === undefined) return ''
  if (f.kind === 'enum') return pickText(f.labels?.[value as string] ?? { id: String(value) }, locale)
  if (f.kind === 'dateTime') return String(value).slice(0, 16).replace('T', ' ')
  if (f.kind === 'localizedText') return pickText(value as LocalizedText, locale)
  if (f.kind === 'photos') return String((value as unknown[]).length)
  if (f.kind === 'boolean') return value ? (locale === 'en' ? 'Yes' : 'Ya') : locale === 'en' ? 'No' : 'Tidak'
  if (Array.isArray(value))
    return value.map((v) => (f.labels?.[v] ? pickText(f.labels[v] as LocalizedText, locale) : v)).join(', ')
  return String(value)
}

type Functions = Pick<
  AdminEntity,
  'list' | 'get' | 'create' | 'update' | 'remove' | 'verify' | 'createSchema' | 'updateSchema' | 'writeMany'
>

/**
 * The console's list, form, verify, delete, import and export of an entity, from its fields: the
 * writes are the entity's own functions, so the console checks and audits exactly as the API does.
 */
export function entityAdmin(options: {
  name: string
  title: LocalizedText
  fields: FieldMap
  permissions: AdminEntity['permissions']
  page?: string | undefined
  publicUrl?: ((record: Record<string, unknown>) => string) | undefined
  functions: Functions
}): AdminEntity<Record<string, unknown>> {
  const { fields, page } = options
  const entries = Object.entries(fields)
  const labelField =
    entries.find(([, f]) => f.search === 'title') ??
    entries.find(([, f]) => f.kind === 'localizedText' || f.kind === 'text')
  return {
    id: options.name,
    title: options.title,
    fields: entries.flatMap(([name, f]) => adminFields(name, f)),
    columns: entries
      .filter(([, f]) => f.listed)
      .map(([name, f]) => ({ label: f.label, value: (record, locale) => cellOf(f, record[name], locale) })),
    permissions: options.permissions,
    ...options.functions,
    idOf: (record) => record.id as string,
    labelOf: (record, locale) =>
      labelField ? cellOf(labelField[1], record[labelField[0]], locale) : String(record.id),
    valuesOf: (record) => valuesOf(fields, record),
    verificationOf: (record) => {
      const v = record.verification as { verifiedAt: string | null; verifiedBy: string | null }
      return { verifiedAt: v.verifiedAt, verifiedBy: v.verifiedBy }
    },
    ...(options.publicUrl
      ? { publicUrl: options.publicUrl }
      : page
        ? { publicUrl: (record) => `${page}/${(record.slug as string | undefined) ?? record.id}` }
        : {}),
  }
}
