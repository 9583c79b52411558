import { cpSync, existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TenantSummary } from '../src/commands/tenant-list'
import { runInProcess, tempDataDir } from './support/run-cli'
import { openTenantFile, tableRows } from './support/tenant-db'

// A data directory copied as a whole is a separate installation: commands on the copy touch only the copy.
const root = tempDataDir()
const a = join(root, 'a')
const b = join(root, 'b')
const cli = (dataDir: string, ...args: string[]) => runInProcess(args, { CERDAS_DATA_DIR: dataDir, PORT: '3000' })

async function accounts(dataDir: string): Promise<string[]> {
  const db = openTenantFile(dataDir, 'toba')
  try {
    return (await tableRows(db, 'identity_users')).map((r) => String(r.email))
  } finally {
    db.close()
  }
}

beforeAll(async () => {
  const created = await cli(a, 'tenant', 'create', 'toba', '--template', 'toba')
  expect(created.code, created.stderr).toBe(0)
  expect(created.stdout).toContain(`database: ${pathToFileURL(join(a, 'tenants', 'toba.db')).href}`)
  cpSync(a, b, { recursive: true })
}, 60_000)
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('cerdas on a copied data directory', () => {
  it('lists the tenant with its database resolved inside the copy', async () => {
    const res = await cli(b, 'tenant', 'list', '--json')
    expect(res.code, res.stderr).toBe(0)
    const [toba] = JSON.parse(res.stdout) as TenantSummary[]
    expect(toba?.database).toBe(pathToFileURL(join(b, 'tenants', 'toba.db')).href)
  })

  it('writes, backs up, restores and removes in the copy only', async () => {
    const before = await accounts(a)
    const invited = await cli(
      b,
      'user',
      'invite',
      'toba',
      '--email',
      'salinan@toba.go.id',
      '--name',
      'Salinan',
      '--role',
      'admin',
    )
    expect(invited.code, invited.stderr).toBe(0)
    expect(await accounts(b)).toContain('salinan@toba.go.id')
    expect(await accounts(a)).toEqual(before)

    const backup = await cli(b, 'tenant', 'backup', 'toba')
    expect(backup.code, backup.stderr).toBe(0)
    expect(backup.stdout.startsWith(join(b, 'backups'))).toBe(true)
    const restored = await cli(b, 'tenant', 'restore', 'toba', backup.stdout.trim(), '--yes')
    expect(restored.code, restored.stderr).toBe(0)
    expect(await accounts(b)).toContain('salinan@toba.go.id')

    const removed = await cli(b, 'tenant', 'remove', 'toba', '--yes')
    expect(removed.code, removed.stderr).toBe(0)
    expect(existsSync(join(b, 'tenants', 'toba.db'))).toBe(false)
    expect(existsSync(join(a, 'tenants', 'toba.db'))).toBe(true)
    expect(await accounts(a)).toEqual(before)
    expect(JSON.parse((await cli(a, 'tenant', 'list', '--json')).stdout)).toHaveLength(1)
  }, 60_000)
})
