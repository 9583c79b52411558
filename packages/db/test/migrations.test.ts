import type { Client } from '@libsql/client'
import { afterEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../src/client'
import { appliedVersions, applyMigrations, type MigrationSet } from '../src/migrations'
import { tenantFrameworkMigrations } from '../src/tenant-framework'
import { useTempDir } from './support'

const tempDir = useTempDir()
const open: { close(): void }[] = []
afterEach(() => {
  for (const c of open.splice(0)) c.close()
})

async function client(): Promise<Client> {
  const db = await openDatabase({ url: tempDir().url('m.db') })
  open.push({ close: () => closeDatabase(db) })
  return db.$client
}

async function tables(c: Client): Promise<string[]> {
  const rows = await c.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
  return rows.rows.map((r) => String(r.name))
}

async function ledger(c: Client): Promise<string[]> {
  const rows = await c.execute('SELECT owner, id FROM cerdas_migrations ORDER BY owner, id')
  return rows.rows.map((r) => `${r.owner}/${r.id}`)
}

const notes: MigrationSet = {
  owner: 'notes',
  migrations: [
    { id: '0001_create', statements: ['CREATE TABLE notes_items (id TEXT PRIMARY KEY, body TEXT NOT NULL)'] },
    { id: '0002_add_pinned', statements: ['ALTER TABLE notes_items ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0'] },
    { id: '0003_index', statements: ['CREATE INDEX notes_items_pinned ON notes_items (pinned)'] },
  ],
}

describe('migration runner', () => {
  it('applies every pending migration in order and reports each one', async () => {
    const c = await client()
    const reported: string[] = []
    const applied = await applyMigrations(c, [tenantFrameworkMigrations, notes], (m) =>
      reported.push(`${m.owner}/${m.id}`),
    )
    const expected = [
      'cerdas/0001_audit_log',
      'cerdas/0002_search_index',
      'cerdas/0003_search_vocabulary',
      'cerdas/0004_search_speed',
      'cerdas/0005_audit_mac',
      'cerdas/0006_data_version',
      'cerdas/0007_photos',
      'cerdas/0008_job_runs',
      'notes/0001_create',
      'notes/0002_add_pinned',
      'notes/0003_index',
    ]
    expect(applied.map((m) => `${m.owner}/${m.id}`)).toEqual(expected)
    expect(reported).toEqual(expected)
    expect(await tables(c)).toEqual(expect.arrayContaining(['cerdas_audit_log', 'cerdas_migrations', 'notes_items']))
    expect(await appliedVersions(c)).toEqual({ cerdas: '0008_job_runs', notes: '0003_index' })
  })

  it('is idempotent: a second run applies nothing and changes nothing', async () => {
    const c = await client()
    await applyMigrations(c, [tenantFrameworkMigrations, notes])
    await c.execute("INSERT INTO notes_items (id, body) VALUES ('n1', 'kept')")
    const before = { tables: await tables(c), ledger: await ledger(c) }
    const reported: string[] = []
    expect(await applyMigrations(c, [tenantFrameworkMigrations, notes], (m) => reported.push(m.id))).toEqual([])
    expect(reported).toEqual([])
    expect({ tables: await tables(c), ledger: await ledger(c) }).toEqual(before)
    expect((await c.execute('SELECT body FROM notes_items')).rows.map((r) => r.body)).toEqual(['kept'])
  })

  it('applies only migrations added since the last run', async () => {
    const c = await client()
    await applyMigrations(c, [{ owner: 'notes', migrations: notes.migrations.slice(0, 1) }])
    const applied = await applyMigrations(c, [notes])
    expect(applied.map((m) => m.id)).toEqual(['0002_add_pinned', '0003_index'])
  })

  it('is resumable: when the 2nd migration fails, the 1st stays applied and a fixed re-run applies only the rest', async () => {
    const c = await client()
    const broken: MigrationSet = {
      owner: 'notes',
      migrations: [
        notes.migrations[0]!,
        {
          id: '0002_add_pinned',
          // The first statement would succeed alone: the whole migration must roll back with the second.
          statements: [
            'ALTER TABLE notes_items ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0',
            'ALTER TABLE notes_missing ADD COLUMN x TEXT',
          ],
        },
        notes.migrations[2]!,
      ],
    }
    const reported: string[] = []
    await expect(applyMigrations(c, [broken], (m) => reported.push(m.id))).rejects.toThrow(/notes_missing/)
    expect(reported).toEqual(['0001_create'])
    expect(await ledger(c)).toEqual(['notes/0001_create'])
    const columns = (await c.execute('PRAGMA table_info(notes_items)')).rows.map((r) => String(r.name))
    expect(columns).toEqual(['id', 'body'])
    expect(await appliedVersions(c)).toEqual({ notes: '0001_create' })

    const resumed = await applyMigrations(c, [notes])
    expect(resumed.map((m) => m.id)).toEqual(['0002_add_pinned', '0003_index'])
    expect(await ledger(c)).toEqual(['notes/0001_create', 'notes/0002_add_pinned', 'notes/0003_index'])
    expect(await applyMigrations(c, [notes])).toEqual([])
  })

  it('keeps owners apart: the same migration id under two owners applies twice', async () => {
    const c = await client()
    const other: MigrationSet = {
      owner: 'other',
      migrations: [{ id: '0001_create', statements: ['CREATE TABLE other_items (id TEXT PRIMARY KEY)'] }],
    }
    const applied = await applyMigrations(c, [{ owner: 'notes', migrations: notes.migrations.slice(0, 1) }, other])
    expect(applied).toEqual([
      { owner: 'notes', id: '0001_create' },
      { owner: 'other', id: '0001_create' },
    ])
  })

  it('makes the audit log append-only', async () => {
    const c = await client()
    await applyMigrations(c, [tenantFrameworkMigrations])
    await c.execute(`INSERT INTO cerdas_audit_log (id, at, actor_kind, actor_id, action, entity, entity_id, prev_hash, hash)
      VALUES ('aud_1', '2026-01-01T00:00:00Z', 'system', 'system', 'create', 'x.y', 'y1', '0', '1')`)
    await expect(c.execute("UPDATE cerdas_audit_log SET action = 'forged'")).rejects.toThrow(/append-only/)
    await expect(c.execute('DELETE FROM cerdas_audit_log')).rejects.toThrow(/append-only/)
    expect((await c.execute('SELECT action FROM cerdas_audit_log')).rows.map((r) => r.action)).toEqual(['create'])
  })
})
