import { getTableColumns, getTableName, isTable, type Table } from 'drizzle-orm'

/**
 * Drizzle properties named like a foreign key that hold the Indonesian half of a translated text:
 * `titleId` next to `titleEn` reads as "the id of a title". They should say what they hold
 * (`titleIndonesian` / `titleEnglish`, as the entity SDK names them). Reported as `table.property`.
 * @example translatedTextNamedLikeForeignKeys({ positions }) // ['directory_positions.titleId'] before the rename
 */
export function translatedTextNamedLikeForeignKeys(schema: Record<string, unknown>): string[] {
  const found: string[] = []
  for (const table of Object.values(schema)) {
    if (!isTable(table)) continue
    const keys = Object.keys(getTableColumns(table as Table))
    for (const key of keys) {
      if (!key.endsWith('Id')) continue
      const stem = key.slice(0, -2)
      if (keys.some((other) => other === `${stem}En` || other === `${stem}English`)) {
        found.push(`${getTableName(table as Table)}.${key}`)
      }
    }
  }
  return found
}
