import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { loadConfig, platformFromConfig } from '@cerdas/api'
import { createTenant } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProgress } from '../src/progress'
import { runInProcess, tempDataDir } from './support/run-cli'

const dataDir = tempDataDir()
const env = { CERDAS_DATA_DIR: dataDir }
const dbFile = join(dataDir, 'tenants', 'samosir.db')

describe('typed confirmation of destructive commands (a terminal on stdin)', () => {
  beforeAll(async () => {
    const platform = await platformFromConfig(loadConfig(env), modules)
    await createTenant(platform, { slug: 'samosir', template: 'kabupaten', name: 'Kabupaten Samosir' })
    platform.close()
  }, 60_000)
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('keeps the tenant when the typed answer is not its slug', async () => {
    const res = await runInProcess(['tenant', 'remove', 'samosir'], env, { tty: true, input: 'yes\n' })
    expect(res.code).toBe(1)
    expect(res.stderr).toContain('Type "samosir" to confirm')
    expect(res.stderr).toContain('not confirmed')
    expect(existsSync(dbFile)).toBe(true)
  })

  it('refuses a restore without an answer and without --yes', async () => {
    const res = await runInProcess(['tenant', 'restore', 'samosir', dbFile], env, { tty: true, input: '' })
    expect(res.code).toBe(1)
    expect(res.stderr).toContain('not confirmed')
  })

  it('removes the tenant when its slug is typed', async () => {
    const res = await runInProcess(['tenant', 'remove', 'samosir'], env, { tty: true, input: 'samosir\n' })
    expect(res.code, res.stderr).toBe(0)
    expect(res.stdout).toBe('removed tenant samosir\n')
    expect(existsSync(dbFile)).toBe(false)
    const list = await runInProcess(['tenant', 'list', '--json'], env)
    expect(JSON.parse(list.stdout)).toEqual([])
  })
})

describe('progress output', () => {
  it('draws a bar on a terminal and plain lines otherwise', () => {
    let tty = ''
    const bar = createProgress({ isTTY: true, columns: 80, write: (s) => (tty += s) }, 2, 'migrating')
    bar.tick('toba ok')
    bar.tick('samosir ok')
    bar.done()
    expect(tty).toContain(`migrating [${'#'.repeat(12)}${'-'.repeat(12)}] 1/2 toba ok`)
    expect(tty).toContain(`migrating [${'#'.repeat(24)}] 2/2 samosir ok`)
    expect(tty.endsWith('\n')).toBe(true)

    let plain = ''
    const lines = createProgress({ write: (s) => (plain += s) }, 2, 'migrating')
    lines.tick('toba ok')
    lines.tick('samosir FAILED')
    lines.done()
    expect(plain).toBe('migrating 1/2 toba ok\nmigrating 2/2 samosir FAILED\n')
  })
})
