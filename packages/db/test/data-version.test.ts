import { readDataVersion } from '@cerdas/core'
import { describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../src/client'
import { applyMigrations } from '../src/migrations'
import { tenantFrameworkMigrations } from '../src/tenant-framework'
import { withTransaction } from '../src/transactions'
import { useTempDir } from './support'

const tempDir = useTempDir()

describe('data version', () => {
  it('rises with every committed write transaction, not with one rolled back, and shows in another connection', async () => {
    const url = tempDir().url('toba.db')
    const writer = await openDatabase({ url })
    const reader = await openDatabase({ url })
    try {
      await applyMigrations(writer.$client, [tenantFrameworkMigrations])
      await writer.$client.execute('CREATE TABLE t (v TEXT)')
      const start = await readDataVersion(reader.$client)
      expect(start).toBeGreaterThanOrEqual(1)
      await withTransaction(writer, (tx) => tx.$client.execute("INSERT INTO t VALUES ('a')"))
      expect(await readDataVersion(reader.$client)).toBe((start ?? 0) + 1)
      await expect(
        withTransaction(writer, async (tx) => {
          await tx.$client.execute("INSERT INTO t VALUES ('b')")
          throw new Error('refused')
        }),
      ).rejects.toThrow('refused')
      expect(await readDataVersion(reader.$client)).toBe((start ?? 0) + 1)
      await withTransaction(writer, (tx) => tx.$client.execute("INSERT INTO t VALUES ('c')"))
      expect(await readDataVersion(reader.$client)).toBe((start ?? 0) + 2)
    } finally {
      closeDatabase(writer)
      closeDatabase(reader)
    }
  })

  it('is absent from a database without the table, whose transactions still commit', async () => {
    const db = await openDatabase({ url: tempDir().url('control.db') })
    try {
      await db.$client.execute('CREATE TABLE t (v TEXT)')
      expect(await readDataVersion(db.$client)).toBeUndefined()
      await withTransaction(db, (tx) => tx.$client.execute("INSERT INTO t VALUES ('a')"))
      expect((await db.$client.execute('SELECT count(*) AS n FROM t')).rows[0]?.n).toBe(1)
    } finally {
      closeDatabase(db)
    }
  })
})
