import { copyFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadConfig, platformFromConfig } from '@cerdas/api'
import { createTenant } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnCli, tempDataDir } from './support/run-cli'
import { openTenantFile } from './support/tenant-db'

const dataDir = tempDataDir()
const env = { CERDAS_DATA_DIR: dataDir }
const cli = (...args: string[]) => spawnCli(args, env)
const gammaFile = join(dataDir, 'tenants', 'gamma.db')

/** Undoes the announcements migration in a tenant database, so it has one pending migration again. */
async function unmigrate(slug: string) {
  const db = openTenantFile(dataDir, slug)
  // As an older version left it: also without the mark of a current schema.
  await db.batch([
    'DROP TABLE announcements_items',
    "DELETE FROM cerdas_migrations WHERE owner = 'announcements'",
    'PRAGMA user_version = 0',
  ])
  // Fold the WAL into the main file, so copying the file below copies everything.
  await db.execute('PRAGMA wal_checkpoint(TRUNCATE)')
  db.close()
}

async function hasTable(slug: string, table: string) {
  const db = openTenantFile(dataDir, slug)
  const rows = await db.execute({
    sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?",
    args: [table],
  })
  db.close()
  return rows.rows.length === 1
}

/** The report row of one tenant: `slug  RESULT  APPLIED  ...`. */
function reportRow(stdout: string, slug: string): string[] {
  const line = stdout.split('\n').find((l) => l.startsWith(`${slug} `))
  expect(line, `report row of ${slug} in:\n${stdout}`).toBeDefined()
  return (line as string).trim().split(/\s+/)
}

describe('cerdas tenant migrate', () => {
  beforeAll(async () => {
    // Set up in-process (faster than three spawns); the commands under test run as real processes.
    const platform = await platformFromConfig(loadConfig(env), modules)
    for (const slug of ['alpha', 'beta', 'gamma']) await createTenant(platform, { slug, template: 'kabupaten' })
    platform.close()
    await unmigrate('beta')
    await unmigrate('gamma')
    // Break gamma: keep a consistent copy of it aside (VACUUM INTO, whatever its WAL holds) and
    // put garbage in its place.
    const gamma = openTenantFile(dataDir, 'gamma')
    await gamma.execute({ sql: 'VACUUM INTO ?', args: [`${gammaFile}.good`] })
    gamma.close()
    writeFileSync(gammaFile, 'this is not a database '.repeat(200))
    for (const suffix of ['-wal', '-shm']) rmSync(`${gammaFile}${suffix}`, { force: true })
  }, 60_000)
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('migrates the other tenants when one is broken, names it and exits non-zero', async () => {
    const res = await cli('tenant', 'migrate', '--all')
    expect(res.code, res.stderr).toBe(1)
    expect(reportRow(res.stdout, 'alpha').slice(0, 3)).toEqual(['alpha', 'ok', '0'])
    expect(reportRow(res.stdout, 'beta').slice(0, 3)).toEqual(['beta', 'ok', '1'])
    expect(reportRow(res.stdout, 'gamma').slice(0, 2)).toEqual(['gamma', 'FAILED'])
    expect(res.stdout).toContain('failed: gamma')
    expect(res.stderr).toMatch(/migrating 3\/3/)
    expect(await hasTable('beta', 'announcements_items')).toBe(true)
  }, 30_000)

  it('reports pending migrations and the unreadable tenant with --status', async () => {
    const res = await cli('tenant', 'migrate', '--status', '--json')
    expect(res.code).toBe(1)
    const statuses = JSON.parse(res.stdout) as { slug: string; upToDate: boolean; pending: string[]; error?: string }[]
    expect(statuses.find((s) => s.slug === 'alpha')).toMatchObject({ upToDate: true, pending: [] })
    expect(statuses.find((s) => s.slug === 'beta')).toMatchObject({ upToDate: true, pending: [] })
    expect(statuses.find((s) => s.slug === 'gamma')?.error).toBeTruthy()
  }, 30_000)

  it('resumes once the broken tenant is fixed, and a further run applies nothing', async () => {
    copyFileSync(`${gammaFile}.good`, gammaFile)
    for (const suffix of ['-wal', '-shm']) rmSync(`${gammaFile}${suffix}`, { force: true })
    const status = await cli('tenant', 'migrate', '--status')
    expect(status.code, status.stderr).toBe(0)
    expect(status.stdout).toMatch(/gamma\s+1 pending\s+announcements\/0001_create_items/)

    const fixed = await cli('tenant', 'migrate', '--all')
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0)
    expect(reportRow(fixed.stdout, 'gamma').slice(0, 3)).toEqual(['gamma', 'ok', '1'])
    expect(reportRow(fixed.stdout, 'beta').slice(0, 3)).toEqual(['beta', 'ok', '0'])
    expect(await hasTable('gamma', 'announcements_items')).toBe(true)

    const again = await cli('tenant', 'migrate')
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('3 of 3 tenant(s) up to date, 0 migration(s) applied')
  }, 60_000)
})
