import { rmSync } from 'node:fs'
import { bareTemplates } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runInProcess, tempDataDir } from './support/run-cli'

/** One module with one job, so `jobs run` has something to run and nothing else plays a part. */
vi.mock('@cerdas/registry', async () => {
  const { defineModule } = await import('@cerdas/core')
  const sweeper = defineModule({
    id: 'sweeper',
    dimension: 'environment',
    title: { id: 'Penyapu' },
    schema: {},
    migrations: [],
    jobs: [{ id: 'sweep', everyMinutes: 60, run: async () => ({ changed: 2 }) }],
  })
  return { modules: [sweeper] }
})

const dataDir = tempDataDir()
const env = { CERDAS_DATA_DIR: dataDir, CERDAS_TEMPLATES_DIR: bareTemplates([]) }

beforeAll(async () => {
  expect(await runInProcess(['tenant', 'create', 'toba', '--template', 'bare'], env)).toMatchObject({ code: 0 })
  expect(await runInProcess(['tenant', 'enable', 'toba', 'sweeper'], env)).toMatchObject({ code: 0 })
}, 60_000)
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('cerdas jobs run', () => {
  it('runs a due job, skips it within its period, and runs it again with --force', async () => {
    const first = await runInProcess(['jobs', 'run', '--tenant', 'toba'], env)
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toBe('toba sweeper.sweep: ran, changed 2\n')
    const again = await runInProcess(['jobs', 'run', '--job', 'sweeper.sweep'], env)
    expect(again.stdout).toBe('toba sweeper.sweep: skipped (not due, or running elsewhere)\n')
    const forced = await runInProcess(['jobs', 'run', '--job', 'sweeper.sweep', '--force'], env)
    expect(forced.stdout).toBe('toba sweeper.sweep: ran, changed 2\n')
  })

  it('refuses a malformed job name and prints nothing to run for an unknown tenant', async () => {
    const bad = await runInProcess(['jobs', 'run', '--job', 'sweep'], env)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--job.*module\.job/)
    const none = await runInProcess(['jobs', 'run', '--tenant', 'samosir'], env)
    expect(none.stdout).toBe('no jobs to run\n')
  })
})
