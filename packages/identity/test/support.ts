import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TenantDb } from '@cerdas/core'
import { applyMigrations, openDatabase } from '@cerdas/db'
import { afterAll } from 'vitest'
import { identityMigrations } from '../src/migrations'

/** A fresh database with the identity tables, closed and removed after the file's tests. */
export async function identityDb(): Promise<TenantDb> {
  const dir = mkdtempSync(join(tmpdir(), 'cerdas-identity-'))
  const db = await openDatabase({ url: `file:${join(dir, 'tenant.db')}` })
  await applyMigrations(db.$client, [identityMigrations])
  afterAll(() => {
    db.$client.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return db
}

/** Every row of every identity table, as one string, to look for leaked secrets in. */
export async function dumpIdentityTables(db: TenantDb): Promise<string> {
  const tables = await db.$client.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'identity_%'",
  )
  const out: Record<string, unknown[]> = {}
  for (const { name } of tables.rows) {
    out[String(name)] = (await db.$client.execute(`SELECT * FROM "${String(name)}"`)).rows.map((r) => ({ ...r }))
  }
  return JSON.stringify(out)
}
