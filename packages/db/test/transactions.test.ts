import { describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../src/client'
import { inTransaction, withTransaction } from '../src/transactions'
import { useTempDir } from './support'

const tempDir = useTempDir()
const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

async function table(url: string) {
  const db = await openDatabase({ url })
  await db.$client.execute('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)')
  return db
}

const values = async (db: Awaited<ReturnType<typeof openDatabase>>) =>
  (await db.$client.execute('SELECT v FROM t ORDER BY id')).rows.map((r) => r.v)

describe('write transactions', () => {
  it('commit everything written through the handle, or nothing when the work throws', async () => {
    const db = await table(tempDir().url('a.db'))
    try {
      await withTransaction(db, async (tx) => {
        expect(inTransaction(tx)).toBe(true)
        await tx.$client.execute("INSERT INTO t (v) VALUES ('one')")
        await tx.$client.execute("INSERT INTO t (v) VALUES ('two')")
      })
      await expect(
        withTransaction(db, async (tx) => {
          await tx.$client.execute("INSERT INTO t (v) VALUES ('three')")
          throw new Error('changed my mind')
        }),
      ).rejects.toThrow('changed my mind')
      expect(await values(db)).toEqual(['one', 'two'])
    } finally {
      closeDatabase(db)
    }
  })

  it('hold back other writes of the process while open, instead of stalling the event loop on the lock', async () => {
    const { url } = tempDir()
    const db = await table(url('b.db'))
    // A second client on the same file in the same process, as the CLI or a second platform has.
    const other = await openDatabase({ url: url('b.db') })
    try {
      const order: string[] = []
      let opened = () => {}
      const isOpen = new Promise<void>((resolve) => {
        opened = resolve
      })
      const inside = withTransaction(db, async (tx) => {
        await tx.$client.execute("INSERT INTO t (v) VALUES ('in transaction')")
        opened()
        for (let i = 0; i < 5; i++) await tick()
        order.push('commit')
      })
      await isOpen
      // Other requests of the process write while the transaction waits, through both clients.
      const plain = db.$client.execute("INSERT INTO t (v) VALUES ('plain')").then(() => order.push('plain'))
      const elsewhere = other.$client
        .execute("INSERT INTO t (v) VALUES ('other client')")
        .then(() => order.push('other client'))
      await Promise.all([inside, plain, elsewhere])
      expect(order[0]).toBe('commit')
      expect(await values(db)).toEqual(['in transaction', 'plain', 'other client'])
    } finally {
      closeDatabase(other)
      closeDatabase(db)
    }
  })

  it('let reads through while open: they answer at once, without the uncommitted rows', async () => {
    const db = await table(tempDir().url('r.db'))
    try {
      await db.$client.execute("INSERT INTO t (v) VALUES ('committed')")
      let readDuring: unknown[] = []
      let opened = () => {}
      const isOpen = new Promise<void>((resolve) => {
        opened = resolve
      })
      let committed = false
      const inside = withTransaction(db, async (tx) => {
        await tx.$client.execute("INSERT INTO t (v) VALUES ('pending')")
        opened()
        for (let i = 0; i < 5; i++) await tick()
        committed = true
      })
      await isOpen
      readDuring = await values(db)
      expect(committed).toBe(false)
      expect(readDuring).toEqual(['committed'])
      await inside
      expect(await values(db)).toEqual(['committed', 'pending'])
    } finally {
      closeDatabase(db)
    }
  })

  it('run one at a time per database, each seeing what the one before committed', async () => {
    const db = await table(tempDir().url('c.db'))
    try {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          withTransaction(db, async (tx) => {
            const rows = await tx.$client.execute('SELECT COUNT(*) AS n FROM t')
            await tick()
            await tx.$client.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: [`${i}:${rows.rows[0]?.n}`] })
          }),
        ),
      )
      const seen = (await values(db)).map((v) => Number(String(v).split(':')[1]))
      expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i))
    } finally {
      closeDatabase(db)
    }
  })

  it('refuse a nested transaction instead of waiting for themselves', async () => {
    const db = await table(tempDir().url('d.db'))
    try {
      await expect(withTransaction(db, (tx) => withTransaction(tx, async () => {}))).rejects.toThrow(/already inside/)
      await expect(withTransaction(db, () => db.$client.transaction('write'))).rejects.toThrow(/already open/)
      // And the gate is free again afterwards.
      await withTransaction(db, (tx) => tx.$client.execute("INSERT INTO t (v) VALUES ('after')"))
      expect(await values(db)).toEqual(['after'])
    } finally {
      closeDatabase(db)
    }
  })
})
