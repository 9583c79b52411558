import { createHash } from 'node:crypto'
import type { Migration } from '@cerdas/core'
import type { Client } from '@libsql/client'

export interface MigrationSet {
  /** Owner of the migrations: a module id, or `cerdas` for the framework's own tables. */
  owner: string
  migrations: Migration[]
}

export interface AppliedMigration {
  owner: string
  id: string
}

const LEDGER = `CREATE TABLE IF NOT EXISTS cerdas_migrations (
  owner TEXT NOT NULL,
  id TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  PRIMARY KEY (owner, id)
)`

/**
 * A number naming these migrations (owners and ids, in any order) together with the ledger's
 * row count: kept in the database's `PRAGMA user_version` once they are all applied. The count
 * makes a ledger edited by hand (a row deleted to run a migration again) no longer match.
 * Never 0, SQLite's default.
 */
function schemaMark(sets: MigrationSet[], ledgerRows: number): number {
  const keys = sets.flatMap((set) => set.migrations.map((m) => `${set.owner}/${m.id}`)).sort()
  const value =
    createHash('sha256')
      .update(`${keys.join('\n')}\n#${ledgerRows}`)
      .digest()
      .readUInt32BE(0) & 0x7fffffff
  return value === 0 ? 1 : value
}

// One statement: the mark in the header and the ledger's size. Fails while there is no ledger.
const READ_MARK =
  'SELECT (SELECT user_version FROM pragma_user_version) AS mark, (SELECT count(*) FROM cerdas_migrations) AS size'

/**
 * True when the database is marked as having every migration of `sets` applied: one cheap
 * statement, so opening a database whose schema is current runs no migration check.
 * @example if (!(await schemaIsCurrent(db.$client, sets))) await applyMigrations(db.$client, sets)
 */
export async function schemaIsCurrent(client: Pick<Client, 'execute'>, sets: MigrationSet[]): Promise<boolean> {
  const row = await client.execute(READ_MARK).then(
    (result) => result.rows[0],
    () => undefined,
  )
  return row !== undefined && Number(row.mark) === schemaMark(sets, Number(row.size))
}

/**
 * Applies the pending migrations of each set, in order. Each migration and its
 * ledger row commit in one transaction, so an interrupted run resumes where it
 * stopped and a re-run applies nothing. A database already marked current for
 * these sets (see {@link schemaIsCurrent}) is left alone after one cheap statement.
 */
export async function applyMigrations(
  client: Client,
  sets: MigrationSet[],
  onApplied?: (migration: AppliedMigration) => void,
): Promise<AppliedMigration[]> {
  if (await schemaIsCurrent(client, sets)) return []
  await client.execute(LEDGER)
  const rows = await client.execute('SELECT owner, id FROM cerdas_migrations')
  const done = new Set(rows.rows.map((r) => `${r.owner}/${r.id}`))
  const applied: AppliedMigration[] = []
  for (const set of sets) {
    for (const migration of set.migrations) {
      if (done.has(`${set.owner}/${migration.id}`)) continue
      await client.batch(
        [
          ...migration.statements,
          {
            sql: 'INSERT INTO cerdas_migrations (owner, id, applied_at) VALUES (?, ?, ?)',
            args: [set.owner, migration.id, new Date().toISOString()],
          },
        ],
        'write',
      )
      const entry = { owner: set.owner, id: migration.id }
      applied.push(entry)
      onApplied?.(entry)
    }
  }
  // Only once every migration is in: an interrupted run leaves the old mark and checks again.
  // A remote database may refuse the PRAGMA: then every run reads its ledger, as before.
  await client.execute(`PRAGMA user_version = ${schemaMark(sets, done.size + applied.length)}`).catch(() => {})
  return applied
}

/** The latest applied migration id per owner. */
export async function appliedVersions(client: Client): Promise<Record<string, string>> {
  await client.execute(LEDGER)
  const rows = await client.execute('SELECT owner, MAX(id) AS id FROM cerdas_migrations GROUP BY owner')
  return Object.fromEntries(rows.rows.map((r) => [String(r.owner), String(r.id)]))
}
