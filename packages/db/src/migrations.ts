import { createHash } from 'node:crypto'
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import type { Migration } from '@cerdas/core'
import type { Client } from '@libsql/client'
import { bumpDataVersion } from './data-version'

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
 * A number naming exactly these migrations (owners and ids, in any order): kept in the database's
 * `PRAGMA user_version` once they are all applied. Never 0, SQLite's default.
 * @example schemaMark([tenantFrameworkMigrations]) // 1843265017
 */
export function schemaMark(sets: MigrationSet[]): number {
  const keys = sets.flatMap((set) => set.migrations.map((m) => `${set.owner}/${m.id}`)).sort()
  const value = createHash('sha256').update(keys.join('\n')).digest().readUInt32BE(0) & 0x7fffffff
  return value === 0 ? 1 : value
}

/**
 * True when the database is marked as having every migration of `sets` applied: a read of its
 * header, so opening a database whose schema is current runs no migration check. A database
 * whose ledger was edited by hand keeps its mark: set `PRAGMA user_version = 0` to check it again.
 * @example if (!(await schemaIsCurrent(db.$client, sets))) await applyMigrations(db.$client, sets)
 */
export async function schemaIsCurrent(client: Pick<Client, 'execute'>, sets: MigrationSet[]): Promise<boolean> {
  const result = await client.execute('PRAGMA user_version')
  return Number(result.rows[0]?.[0] ?? 0) === schemaMark(sets)
}

/**
 * The mark of a database file read from its header without opening it (no connection, no WAL or
 * shared-memory file created), or undefined when the header may be out of date: a non-empty WAL
 * beside it holds commits not yet in the file. Used to skip opening hundreds of tenants at start.
 * @example fileSchemaMark('/srv/cerdas/tenants/toba.db') === schemaMark(sets)
 */
export function fileSchemaMark(path: string): number | undefined {
  try {
    if (existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0) return undefined
    const header = Buffer.alloc(100)
    const fd = openSync(path, 'r')
    try {
      if (readSync(fd, header, 0, 100, 0) < 100) return undefined
    } finally {
      closeSync(fd)
    }
    if (header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return undefined
    // The user version: a big-endian integer at byte 60 of the header.
    return header.readUInt32BE(60)
  } catch {
    return undefined
  }
}

/**
 * Applies the pending migrations of each set, in order. Each migration and its
 * ledger row commit in one transaction, so an interrupted run resumes where it
 * stopped and a re-run applies nothing. A database already marked current for
 * these sets (see {@link schemaIsCurrent}) is left alone after one read of its header.
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
  // A migration may change what reads return (backfills, new columns): read caches start over.
  if (applied.length > 0) await bumpDataVersion(client)
  // Only once every migration is in: an interrupted run leaves the old mark and checks again.
  // A remote database may refuse the PRAGMA: then every run reads its ledger, as before.
  await client.execute(`PRAGMA user_version = ${schemaMark(sets)}`).catch(() => {})
  return applied
}

/** The latest applied migration id per owner. */
export async function appliedVersions(client: Client): Promise<Record<string, string>> {
  await client.execute(LEDGER)
  const rows = await client.execute('SELECT owner, MAX(id) AS id FROM cerdas_migrations GROUP BY owner')
  return Object.fromEntries(rows.rows.map((r) => [String(r.owner), String(r.id)]))
}
