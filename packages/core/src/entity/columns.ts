import { sql } from 'drizzle-orm'
import { integer, real, type SQLiteColumnBuilderBase, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { type AnyField, columnOf, type FieldMap } from './fields'

/** One stored column: its drizzle key, SQL name and type. */
export interface ColumnSpec {
  key: string
  column: string
  type: 'TEXT' | 'INTEGER' | 'REAL'
  notNull: boolean
  unique?: boolean
  primaryKey?: boolean
  /** SQL default, written as is. */
  defaultSql?: string
  /** How the drizzle column reads and writes. */
  mode?: 'boolean' | 'json'
}

/** The drizzle keys of a field's columns: one, or two for translatable text and map points. */
export function fieldKeys(name: string, f: AnyField): string[] {
  if (f.kind === 'custom') return (f.custom?.columns ?? []).map((c) => c.key)
  if (f.kind === 'localizedText') return [`${name}Indonesian`, `${name}English`]
  if (f.kind === 'geoPoint') return [`${name}Latitude`, `${name}Longitude`]
  return [name]
}

function fieldColumns(name: string, f: AnyField): ColumnSpec[] {
  const column = columnOf(name, f)
  const notNull = f.required === true
  switch (f.kind) {
    case 'custom':
      return (f.custom?.columns ?? []).map((c) => ({ ...c, notNull: c.notNull ?? false }))
    case 'localizedText': {
      const [id, en] = fieldKeys(name, f) as [string, string]
      return [
        { key: id, column: `${column}_id`, type: 'TEXT', notNull },
        { key: en, column: `${column}_en`, type: 'TEXT', notNull: false },
      ]
    }
    case 'geoPoint': {
      const [lat, lon] = fieldKeys(name, f) as [string, string]
      return [
        { key: lat, column: `${column}_lat`, type: 'REAL', notNull },
        { key: lon, column: `${column}_lon`, type: 'REAL', notNull },
      ]
    }
    case 'number':
      return [{ key: name, column, type: f.integer ? 'INTEGER' : 'REAL', notNull }]
    case 'money':
      return [{ key: name, column, type: 'INTEGER', notNull }]
    case 'boolean':
      return [{ key: name, column, type: 'INTEGER', notNull: true, defaultSql: '0', mode: 'boolean' }]
    case 'lines':
    case 'list':
    case 'photos':
      return [{ key: name, column, type: 'TEXT', notNull: true, defaultSql: "'[]'", mode: 'json' }]
    default:
      return [{ key: name, column, type: 'TEXT', notNull }]
  }
}

/** Every column of an entity's table, bookkeeping included, in table order. */
export function entityColumns(fields: FieldMap, options: { slug: boolean }): ColumnSpec[] {
  return [
    { key: 'id', column: 'id', type: 'TEXT', notNull: true, primaryKey: true },
    ...(options.slug ? [{ key: 'slug', column: 'slug', type: 'TEXT', notNull: true, unique: true } as const] : []),
    // Stable key of a template record, so seeding twice inserts nothing new.
    { key: 'seedKey', column: 'seed_key', type: 'TEXT', notNull: false, unique: true },
    ...Object.entries(fields).flatMap(([name, f]) => fieldColumns(name, f)),
    { key: 'verifiedAt', column: 'verified_at', type: 'TEXT', notNull: false },
    { key: 'verifiedBy', column: 'verified_by', type: 'TEXT', notNull: false },
    { key: 'verificationSource', column: 'verification_source', type: 'TEXT', notNull: false },
    { key: 'createdAt', column: 'created_at', type: 'TEXT', notNull: true },
    { key: 'updatedAt', column: 'updated_at', type: 'TEXT', notNull: true },
  ]
}

function drizzleColumn(spec: ColumnSpec): SQLiteColumnBuilderBase {
  let column =
    spec.type === 'TEXT'
      ? spec.mode === 'json'
        ? text(spec.column, { mode: 'json' })
        : text(spec.column)
      : spec.type === 'REAL'
        ? real(spec.column)
        : spec.mode === 'boolean'
          ? integer(spec.column, { mode: 'boolean' })
          : integer(spec.column)
  if (spec.primaryKey) column = column.primaryKey() as typeof column
  if (spec.notNull) column = column.notNull() as typeof column
  if (spec.unique) column = column.unique() as typeof column
  if (spec.defaultSql !== undefined) column = column.default(sql.raw(spec.defaultSql)) as typeof column
  return column
}

/** The drizzle table of an entity, built from its columns. */
export function drizzleTable(name: string, columns: readonly ColumnSpec[]) {
  return sqliteTable(name, Object.fromEntries(columns.map((spec) => [spec.key, drizzleColumn(spec)])))
}

/**
 * The statements that create an entity's table and the indexes its list reads use: the body of its
 * first migration. `cerdas module new` writes them into the module's migrations file.
 */
export function createTableStatements(
  table: string,
  columns: readonly ColumnSpec[],
  indexed: readonly { column: string; descending: boolean }[],
): string[] {
  const lines = columns.map((c) =>
    [
      c.column,
      c.type,
      c.primaryKey ? 'PRIMARY KEY' : '',
      c.notNull && !c.primaryKey ? 'NOT NULL' : '',
      c.unique ? 'UNIQUE' : '',
      c.defaultSql !== undefined ? `DEFAULT ${c.defaultSql}` : '',
    ]
      .filter(Boolean)
      .join(' '),
  )
  const indexes = indexed.map(({ column, descending }) => {
    const direction = descending ? ' DESC' : ''
    return `CREATE INDEX ${table}_${column} ON ${table} (${column}${direction}, id${direction})`
  })
  return [`CREATE TABLE ${table} (\n  ${lines.join(',\n  ')}\n)`, ...indexes]
}
