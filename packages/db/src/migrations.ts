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
 * Applies the pending migrations of each set, in order. Each migration and its
 * ledger row commit in one transaction, so an interrupted run resumes where it
 * stopped and a re-run applies nothing.
 */
export async function applyMigrations(
  client: Client,
  sets: MigrationSet[],
  onApplied?: (migration: AppliedMigration) => void,
): Promise<AppliedMigration[]> {
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
  return applied
}

/** The latest applied migration id per owner. */
export async function appliedVersions(client: Client): Promise<Record<string, string>> {
  await client.execute(LEDGER)
  const rows = await client.execute('SELECT owner, MAX(id) AS id FROM cerdas_migrations GROUP BY owner')
  return Object.fromEntries(rows.rows.map((r) => [String(r.owner), String(r.id)]))
}
