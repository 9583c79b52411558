import { type AnyField, type LocalizedText, type PhotoRef, photoUrl, photoWidths } from '@cerdas/core'

interface Declared {
  fields: Record<string, AnyField>
  slug?: unknown
}

/**
 * The CSV columns of one field, named as the JSON names it: translated text as `<name>_id` and
 * `<name>_en` (both languages in every file, so one download serves both), a map point as
 * `<name>_lat` and `<name>_lon`, anything else one column. Private fields have none.
 */
function fieldColumns(name: string, f: AnyField): string[] {
  if (f.private) return []
  if (f.kind === 'localizedText') return [`${name}_id`, `${name}_en`]
  if (f.kind === 'geoPoint') return [`${name}_lat`, `${name}_lon`]
  return [name]
}

/** An entity dataset's columns, in a stable order: id, slug, the public fields as declared, the envelope. */
export function entityColumns(d: Declared): string[] {
  return [
    'id',
    ...(d.slug !== undefined ? ['slug'] : []),
    ...Object.entries(d.fields).flatMap(([name, f]) => fieldColumns(name, f)),
    'verified',
    'verified_at',
    'created_at',
    'updated_at',
  ]
}

const plain = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)

/** The cells of one field's columns, for a public record. */
function fieldCells(f: AnyField, value: unknown): string[] {
  switch (f.kind) {
    case 'localizedText': {
      const t = value as LocalizedText | null
      return [t?.id ?? '', t?.en ?? '']
    }
    case 'geoPoint': {
      const p = value as { lat: number; lon: number } | null
      return p ? [String(p.lat), String(p.lon)] : ['', '']
    }
    case 'lines':
      // One item per line, as the console's sheets write them.
      return [Array.isArray(value) ? value.join('\n') : '']
    case 'photos':
      // The largest JPEG of each photo, one per line: a path on the tenant's host.
      return [
        ((value as PhotoRef[] | null) ?? [])
          .map((photo) => photoUrl(photo.id, photoWidths(photo.width).at(-1) as number, 'jpg'))
          .join('\n'),
      ]
    case 'boolean':
      return [value ? 'true' : 'false']
    default:
      return [plain(value)]
  }
}

/** The CSV row of a public record, in {@link entityColumns}' order. */
export function entityRowCells(d: Declared, record: Record<string, unknown>): string[] {
  const verification = record.verification as { verified?: boolean; verifiedAt?: string | null } | undefined
  return [
    plain(record.id),
    ...(d.slug !== undefined ? [plain(record.slug)] : []),
    ...Object.entries(d.fields).flatMap(([name, f]) => (f.private ? [] : fieldCells(f, record[name]))),
    verification?.verified ? 'true' : 'false',
    plain(verification?.verifiedAt),
    plain(record.createdAt),
    plain(record.updatedAt),
  ]
}
