import { type VerifiedRow, verificationOf } from '../verification'
import { fieldKeys } from './columns'
import type { AnyField, FieldMap } from './fields'
import { parsePhotos } from './photos-field'

/** A stored row, by drizzle key. */
export type EntityRow = VerifiedRow & {
  id: string
  verificationSource: string | null
  createdAt: string
  updatedAt: string
  [key: string]: unknown
}

function readValue(row: EntityRow, name: string, f: AnyField): unknown {
  const [first, second] = fieldKeys(name, f) as [string, string | undefined]
  const value = row[first]
  switch (f.kind) {
    case 'custom':
      return f.custom?.read(row) ?? null
    case 'localizedText': {
      if (value === null || value === undefined) return null
      const en = second ? row[second] : null
      return { id: value as string, ...(en ? { en: en as string } : {}) }
    }
    case 'geoPoint': {
      const lon = second ? row[second] : null
      return value === null || value === undefined || lon === null ? null : { lat: value, lon }
    }
    case 'boolean':
      return Boolean(value)
    case 'photos':
      return parsePhotos(value)
    case 'lines':
      return Array.isArray(value) ? value : typeof value === 'string' ? (JSON.parse(value) as unknown[]) : []
    case 'list': {
      const rows = Array.isArray(value) ? value : typeof value === 'string' ? (JSON.parse(value) as unknown[]) : []
      // A row's empty optional fields are null, as the output schema says, however it was stored.
      const names = Object.keys(f.of ?? {})
      return rows.map((row) => Object.fromEntries(names.map((n) => [n, (row as Record<string, unknown>)[n] ?? null])))
    }
    default:
      return value ?? null
  }
}

/** The record of a row: every field (private ones only when `editor`), then the envelope. */
export function recordOf(
  row: EntityRow,
  fields: FieldMap,
  options: {
    slug: boolean
    editor: boolean
    derive?: ((record: Record<string, unknown>) => Record<string, unknown>) | undefined
  },
): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  const every: Record<string, unknown> = {}
  for (const [name, f] of Object.entries(fields)) {
    every[name] = readValue(row, name, f)
    if (f.private && !options.editor) continue
    values[name] = every[name]
  }
  return {
    id: row.id,
    ...(options.slug ? { slug: row.slug } : {}),
    ...values,
    // Derived fields see private values too (a name shown only where flagged public): what they show is theirs to decide.
    ...(options.derive ? options.derive(every) : {}),
    verification: verificationOf(row),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

/** Plain values of a row by field name (private ones included), for rules and hooks. */
export function valuesOfRow(row: EntityRow, fields: FieldMap): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, readValue(row, name, f)]))
}

/** Instants are stored in UTC so they sort as text. */
const toUtc = (instant: string) => new Date(instant).toISOString()

/** The columns an input sets, by drizzle key; fields the input leaves out are left out. */
export function columnsOfInput(input: Record<string, unknown>, fields: FieldMap): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, f] of Object.entries(fields)) {
    if (!(name in input) || input[name] === undefined) continue
    const value = input[name]
    const [first, second] = fieldKeys(name, f) as [string, string | undefined]
    if (f.kind === 'custom') {
      Object.assign(out, f.custom?.write(value ?? null))
    } else if (f.kind === 'localizedText' && second) {
      const text = value as { id: string; en?: string } | null
      out[first] = text?.id ?? null
      out[second] = text?.en ?? null
    } else if (f.kind === 'geoPoint' && second) {
      const point = value as { lat: number; lon: number } | null
      out[first] = point?.lat ?? null
      out[second] = point?.lon ?? null
    } else if (f.kind === 'dateTime') {
      out[first] = typeof value === 'string' ? toUtc(value) : null
    } else {
      out[first] = value
    }
  }
  return out
}

/** The drizzle keys a verifier vouches for: every column of a vouched field, and the slug. */
export function vouchedKeys(fields: FieldMap, slug: boolean): string[] {
  return [
    ...(slug ? ['slug'] : []),
    ...Object.entries(fields).flatMap(([name, f]) => (f.vouched === false ? [] : fieldKeys(name, f))),
  ]
}
