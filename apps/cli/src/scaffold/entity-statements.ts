import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/**
 * Where the rendered entity file is evaluated: inside apps/cli, so its imports (@cerdas/core,
 * drizzle-orm) resolve through the CLI's own dependencies before the new package is installed.
 * `.cache` is ignored by git.
 */
const EVALUATION_DIR = fileURLToPath(new URL('../../.cache/', import.meta.url))

const createStatementsOf = (value: unknown): (() => string[]) | undefined => {
  const candidate = (value as { createStatements?: unknown } | null)?.createStatements
  return typeof candidate === 'function' ? (candidate as () => string[]) : undefined
}

/**
 * The SQL of an entity's first migration, computed by the entity declaration itself: the rendered
 * entity file is imported and its `createStatements()` called. So the checked-in migration is
 * exactly what the declaration builds, and later edits of the fields show up as drift in the
 * module's contract test.
 */
export async function entityCreateStatements(entitySource: string, exportName: string): Promise<string[]> {
  mkdirSync(EVALUATION_DIR, { recursive: true })
  const dir = mkdtempSync(join(EVALUATION_DIR, 'entity-'))
  try {
    const file = join(dir, 'entity.ts')
    writeFileSync(file, entitySource)
    const loaded = (await import(pathToFileURL(file).href)) as Record<string, unknown>
    const createStatements = createStatementsOf(loaded[exportName])
    if (!createStatements) throw new Error(`the rendered entity file exports no entity "${exportName}"`)
    return createStatements()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Statements as array items of a migrations file, six spaces in: multi-line ones as template literals. */
export function statementsSource(statements: readonly string[]): string {
  return statements
    .map((statement) => {
      if (/[`$\\]/.test(statement)) throw new Error(`cannot quote this statement: ${statement}`)
      if (!statement.includes('\n')) return `      '${statement.replace(/'/g, "\\'")}',`
      return `      \`${statement.split('\n').join('\n      ')}\`,`
    })
    .join('\n')
}
