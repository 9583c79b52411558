import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { type Client, createClient } from '@libsql/client'
import { afterEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../src/client'
import { applyMigrations, fileSchemaMark, type MigrationSet, schemaIsCurrent, schemaMark } from '../src/migrations'
import { tenantFrameworkMigrations } from '../src/tenant-framework'
import { useTempDir } from './support'

const tempDir = useTempDir()

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
/** libSQL closes a connection for good once its statements are collected: collect, let finalizers run. */
async function collect() {
  for (let i = 0; i < 2; i++) {
    gc()
    await new Promise((resolve) => setImmediate(resolve))
  }
}
const open: { close(): void }[] = []
afterEach(() => {
  for (const c of open.splice(0)) c.close()
})

/** A real database, and every statement sent through it in order. */
async function recorded(name = 'm.db'): Promise<{ client: Client; sent: string[] }> {
  const db = await openDatabase({ url: tempDir().url(name) })
  open.push({ close: () => closeDatabase(db) })
  const real = db.$client
  const sent: string[] = []
  const sqlOf = (s: unknown) => (typeof s === 'string' ? s : String((s as { sql: string }).sql))
  const client = new Proxy(real, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target)
      if (prop === 'execute')
        return (statement: unknown, ...rest: unknown[]) => {
          sent.push(sqlOf(statement))
          return value.call(target, statement, ...rest)
        }
      if (prop === 'batch')
        return (statements: unknown[], ...rest: unknown[]) => {
          sent.push(...statements.map(sqlOf))
          return value.call(target, statements, ...rest)
        }
      return typeof value === 'function' ? value.bind(target) : value
    },
  }) as Client
  return { client, sent }
}

const notes: MigrationSet = {
  owner: 'notes',
  migrations: [
    { id: '0001_create', statements: ['CREATE TABLE notes_items (id TEXT PRIMARY KEY, body TEXT NOT NULL)'] },
    { id: '0002_add_pinned', statements: ['ALTER TABLE notes_items ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0'] },
  ],
}

describe('schema mark: opening a database whose schema is current', () => {
  it('costs one statement once every migration is applied, and no ledger query', async () => {
    const { client, sent } = await recorded()
    const sets = [tenantFrameworkMigrations, notes]
    expect(await schemaIsCurrent(client, sets)).toBe(false)
    await applyMigrations(client, sets)
    expect(await schemaIsCurrent(client, sets)).toBe(true)
    sent.length = 0
    expect(await applyMigrations(client, sets)).toEqual([])
    expect(sent).toHaveLength(1)
    expect(sent.join('\n')).not.toMatch(/CREATE TABLE|FROM cerdas_migrations WHERE|SELECT owner, id/)
  })

  it('checks the ledger again when a migration is added, and applies only that one', async () => {
    const { client } = await recorded()
    const first: MigrationSet = { owner: 'notes', migrations: notes.migrations.slice(0, 1) }
    await applyMigrations(client, [first])
    expect(await schemaIsCurrent(client, [first])).toBe(true)
    expect(await schemaIsCurrent(client, [notes])).toBe(false)
    expect((await applyMigrations(client, [notes])).map((m) => m.id)).toEqual(['0002_add_pinned'])
    expect(await schemaIsCurrent(client, [notes])).toBe(true)
  })

  it('checks the ledger again once the mark is reset, as for a database an older version left', async () => {
    const { client } = await recorded()
    const sets = [
      {
        owner: 'data',
        migrations: [
          {
            id: '0001_seed',
            statements: ['CREATE TABLE IF NOT EXISTS seen (n INTEGER)', 'INSERT INTO seen VALUES (1)'],
          },
        ],
      },
    ]
    await applyMigrations(client, sets)
    await client.batch(["DELETE FROM cerdas_migrations WHERE owner = 'data'"])
    expect(await applyMigrations(client, sets)).toEqual([]) // still marked: the ledger is not read
    await client.execute('PRAGMA user_version = 0')
    expect(await schemaIsCurrent(client, sets)).toBe(false)
    expect((await applyMigrations(client, sets)).map((m) => m.id)).toEqual(['0001_seed'])
    expect((await client.execute('SELECT count(*) AS n FROM seen')).rows[0]?.n).toBe(2)
  })

  it('is not marked current after a run that failed halfway, so the next run resumes', async () => {
    const { client } = await recorded()
    const broken: MigrationSet = {
      owner: 'notes',
      migrations: [
        notes.migrations[0]!,
        { id: '0002_add_pinned', statements: ['ALTER TABLE notes_missing ADD COLUMN x TEXT'] },
      ],
    }
    await expect(applyMigrations(client, [broken])).rejects.toThrow(/notes_missing/)
    expect(await schemaIsCurrent(client, [broken])).toBe(false)
    expect((await applyMigrations(client, [notes])).map((m) => m.id)).toEqual(['0002_add_pinned'])
  })

  it('keeps the mark in the file: a fresh connection sees the schema current', async () => {
    const dir = tempDir()
    const first = await openDatabase({ url: dir.url('t.db') })
    await applyMigrations(first.$client, [notes])
    closeDatabase(first)
    const again = await openDatabase({ url: dir.url('t.db') })
    open.push({ close: () => closeDatabase(again) })
    expect(await schemaIsCurrent(again.$client, [notes])).toBe(true)
    expect(await schemaIsCurrent(again.$client, [tenantFrameworkMigrations, notes])).toBe(false)
  })

  it("reads the mark from a closed file's header, and declines while a WAL holds newer commits", async () => {
    const dir = tempDir()
    const path = join(dir.dir, 'h.db')
    const client = createClient({ url: dir.url('h.db') })
    await client.execute('PRAGMA journal_mode = WAL')
    await applyMigrations(client, [notes])
    // Open, with the mark still in the WAL: the file's own header is not to be trusted.
    expect(existsSync(`${path}-wal`)).toBe(true)
    expect(fileSchemaMark(path)).toBeUndefined()
    client.close()
    await collect() // the last connection checkpoints and removes the WAL as it closes
    expect(existsSync(`${path}-wal`)).toBe(false)
    expect(fileSchemaMark(path)).toBe(schemaMark([notes]))
    expect(fileSchemaMark(path)).not.toBe(schemaMark([tenantFrameworkMigrations, notes]))
    expect(fileSchemaMark(join(dir.dir, 'missing.db'))).toBeUndefined()
  })
})
