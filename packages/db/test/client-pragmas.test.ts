import { describe, expect, it } from 'vitest'
import { closeDatabase, isFileUrl, openDatabase } from '../src/client'
import { useTempDir } from './support'

const tempDir = useTempDir()

async function pragma(db: Awaited<ReturnType<typeof openDatabase>>, name: string) {
  const result = await db.$client.execute(`PRAGMA ${name}`)
  return result.rows[0]?.[0]
}

describe('opening a file database', () => {
  it('uses WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    const db = await openDatabase({ url: tempDir().url('t.db') })
    try {
      expect(String(await pragma(db, 'journal_mode')).toLowerCase()).toBe('wal')
      expect(await pragma(db, 'synchronous')).toBe(2) // 2 = FULL
      expect(await pragma(db, 'foreign_keys')).toBe(1)
      expect(await pragma(db, 'busy_timeout')).toBe(5000)
    } finally {
      closeDatabase(db)
    }
  })

  it('keeps WAL for the next connection to the same file', async () => {
    const { url } = tempDir()
    const first = await openDatabase({ url: url('t.db') })
    await first.$client.execute('CREATE TABLE x (id INTEGER)')
    closeDatabase(first)
    const second = await openDatabase({ url: url('t.db') })
    try {
      expect(String(await pragma(second, 'journal_mode')).toLowerCase()).toBe('wal')
      expect(await pragma(second, 'synchronous')).toBe(2)
    } finally {
      closeDatabase(second)
    }
  })

  it('tells file URLs from server URLs', () => {
    expect(isFileUrl('file:/data/tenants/toba.db')).toBe(true)
    expect(isFileUrl('libsql://toba.example.org')).toBe(false)
    expect(isFileUrl('https://toba.example.org')).toBe(false)
  })
})
