import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { loadConfig, platformFromConfig } from '@cerdas/api'
import { createTenant, type PlatformOverview } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runInProcess, spawnCli, tempDataDir } from './support/run-cli'

const dataDir = tempDataDir()
const env = { CERDAS_DATA_DIR: dataDir }

/** The row of a module in a tenant's section of the table: `module  dimension  version  records ...`. */
function moduleRow(stdout: string, slug: string, moduleId: string): string[] {
  const section = stdout.split('\n\n').find((s) => s.startsWith(`${slug} `))
  expect(section, `section of ${slug} in:\n${stdout}`).toBeDefined()
  const line = (section as string).split('\n').find((l) => l.trim().startsWith(`${moduleId} `))
  expect(line, `row of ${moduleId} in:\n${section}`).toBeDefined()
  return (line as string).trim().split(/\s{2,}/)
}

beforeAll(async () => {
  // Set up in-process; the command under test runs as a real process too.
  const platform = await platformFromConfig(loadConfig(env), modules)
  await createTenant(platform, { slug: 'alpha', template: 'kabupaten', seed: false })
  await createTenant(platform, { slug: 'beta', template: 'kabupaten' })
  await createTenant(platform, { slug: 'gamma', template: 'kabupaten', seed: false })
  const alpha = await platform.tenantBySlug('alpha')
  if (!alpha) throw new Error('no alpha')
  const ctx = platform.context(alpha, await platform.tenantDb(alpha.record), {
    actor: { kind: 'cli', id: 'cli', name: 'Penguji' },
  })
  // Through the console's entity, as the CLI package does not depend on the module itself.
  const announcement = modules.find((m) => m.id === 'announcements')?.admin?.entities?.[0]
  if (!announcement?.create || !announcement.verify) throw new Error('no announcement entity')
  const input = (title: string) => ({ title: { id: title }, body: { id: `Isi ${title}` }, category: 'general' })
  const checked = await announcement.create(ctx, input('Sudah diperiksa'))
  await announcement.create(ctx, input('Belum diperiksa'))
  await announcement.verify(ctx, announcement.idOf(checked), {})
  // gamma's database is a directory, which libSQL cannot open.
  mkdirSync(join(dataDir, 'not-a-database'))
  await platform.controlPlane.$client.execute({
    sql: 'UPDATE tenants SET db_url = ? WHERE slug = ?',
    args: [`file:${join(dataDir, 'not-a-database')}`, 'gamma'],
  })
  platform.close()
}, 120_000)
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('cerdas tenant overview', () => {
  it('prints a table per tenant, reports the unreadable one, shows progress on stderr and exits 1', async () => {
    const res = await spawnCli(['tenant', 'overview'], env)
    expect(res.code, res.stderr).toBe(1)
    const [name, dimension, version, records, unverified, stale, lastWrite, lastVerified] = moduleRow(
      res.stdout,
      'alpha',
      'announcements',
    )
    expect([name, dimension, records, unverified, stale]).toEqual(['announcements', 'governance', '2', '1', '0'])
    expect(version).toMatch(/^\d{4}_/)
    expect(lastWrite).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}Z$/)
    expect(lastVerified).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}Z$/)
    expect(moduleRow(res.stdout, 'beta', 'schedules')[0]).toBe('schedules')
    expect(res.stdout).toMatch(/^gamma .*\n {2}FAILED: /m)
    expect(res.stdout).toContain('2 of 3 tenant(s) read')
    expect(res.stdout).toContain('not read: gamma')
    // One progress line per tenant, none on stdout.
    const progress = res.stderr.split('\n').filter((l) => l.startsWith('reading '))
    expect(progress).toHaveLength(3)
    expect(progress.map((l) => l.split(' ')[1])).toEqual(['1/3', '2/3', '3/3'])
    expect(res.stdout).not.toContain('reading ')
  }, 60_000)

  it('gives JSON with --json, at the concurrency asked for', async () => {
    const res = await runInProcess(['tenant', 'overview', '--json', '--concurrency', '2'], env)
    expect(res.code, res.stderr).toBe(1)
    const view = JSON.parse(res.stdout) as PlatformOverview
    expect(view.concurrency).toBe(2)
    expect(view.tenants.map((t) => [t.slug, t.outcome])).toEqual([
      ['alpha', 'ok'],
      ['beta', 'ok'],
      ['gamma', 'failed'],
    ])
    expect(view.tenants[0]?.modules.find((m) => m.id === 'announcements')).toMatchObject({
      records: 2,
      neverVerified: 1,
      stale: 0,
    })
  })

  it('reads only the tenants named with --tenant, and exits 0 when all were read', async () => {
    const res = await runInProcess(['tenant', 'overview', '--json', '--tenant', 'alpha', '--tenant', 'beta'], env)
    expect(res.code, res.stderr).toBe(0)
    expect((JSON.parse(res.stdout) as PlatformOverview).tenants.map((t) => t.slug)).toEqual(['alpha', 'beta'])
  })

  it('refuses a concurrency out of bounds and an unknown tenant', async () => {
    for (const concurrency of ['0', '33', 'dua']) {
      const res = await runInProcess(['tenant', 'overview', '--concurrency', concurrency], env)
      expect(res.code).toBe(2)
      expect(res.stderr).toContain('--concurrency')
    }
    const slug = await runInProcess(['tenant', 'overview', '--tenant', 'Bad!'], env)
    expect(slug.code).toBe(2)
    expect(slug.stderr).toContain('--tenant')
    const unknown = await runInProcess(['tenant', 'overview', '--tenant', 'nowhere'], env)
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toBe('error: no tenant "nowhere"\n')
  })
})
