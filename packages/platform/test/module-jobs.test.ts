import { join } from 'node:path'
import { type Actor, defineModule } from '@cerdas/core'
import { bareTemplates } from '@cerdas/testing'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { type JobRunReport, runDueJobs, startJobRunner } from '../src/module-jobs'
import type { Platform } from '../src/platform'
import { createTenant } from '../src/provision-tenant'
import { breakTenantDatabase, tempDir, testPlatform } from './support'

// This file runs on its own test module only: the registered modules play no part in it.
vi.mock('@cerdas/registry', () => ({ modules: [] }))

const runs: { tenant: string; actor: Actor | null; at: string }[] = []

/** A module whose job counts its runs, audits one entry, and fails on `dairi`. */
const ticker = defineModule({
  id: 'ticker',
  dimension: 'society',
  title: { id: 'Detak' },
  schema: {},
  migrations: [],
  jobs: [
    {
      id: 'tick',
      everyMinutes: 15,
      run: async (ctx) => {
        if (ctx.tenant.slug === 'dairi') throw new Error('dairi is broken on purpose')
        runs.push({ tenant: ctx.tenant.slug, actor: ctx.actor, at: ctx.now().toISOString() })
        await ctx.transaction((tx) => tx.audit({ action: 'tick', entity: 'ticker.tick', entityId: 'tick' }))
        return { changed: 1 }
      },
    },
  ],
})

const SLUGS = ['dairi', 'samosir', 'toba']
let dataDir: string
let platform: Platform

const statusOf = (reports: JobRunReport[], tenant: string) => reports.find((r) => r.tenant === tenant)?.status
const at = (minutes: number) => () => new Date(Date.UTC(2026, 11, 7, 8, minutes))

beforeAll(async () => {
  dataDir = tempDir()
  platform = await testPlatform({ dataDir, modules: [ticker], templatesDir: bareTemplates(['ticker']) })
  for (const slug of SLUGS) await createTenant(platform, { slug, template: 'bare' })
}, 60_000)

describe('module jobs', () => {
  it('runs a job once per period with the system as actor, and again once the period has passed', async () => {
    runs.length = 0
    const first = await runDueJobs(platform, { tenant: 'toba', now: at(0) })
    expect(first).toEqual([{ tenant: 'toba', job: 'ticker.tick', status: 'ran', result: { changed: 1 } }])
    expect(runs).toEqual([
      { tenant: 'toba', actor: expect.objectContaining({ kind: 'system' }), at: at(0)().toISOString() },
    ])
    expect(statusOf(await runDueJobs(platform, { tenant: 'toba', now: at(14) }), 'toba')).toBe('skipped')
    expect(statusOf(await runDueJobs(platform, { tenant: 'toba', now: at(15) }), 'toba')).toBe('ran')
    // --force ignores the period, not the lease of a run in progress.
    expect(statusOf(await runDueJobs(platform, { tenant: 'toba', now: at(16), force: true }), 'toba')).toBe('ran')
    expect(runs).toHaveLength(3)
    const toba = await platform.tenantBySlug('toba')
    const db = await platform.tenantDb(toba!.record)
    const row = await db.$client.execute("SELECT finished_at, last_result FROM cerdas_job_runs WHERE module = 'ticker'")
    expect(row.rows[0]).toMatchObject({ finished_at: at(16)().toISOString(), last_result: '{"changed":1}' })
    const audit = await db.$client.execute("SELECT actor_kind FROM cerdas_audit_log WHERE entity = 'ticker.tick'")
    expect(audit.rows.map((r) => r.actor_kind)).toEqual(['system', 'system', 'system'])
  })

  it('gives the lease to one of two runners on the same database', async () => {
    runs.length = 0
    const other = await testPlatform({ dataDir, modules: [ticker], templatesDir: bareTemplates(['ticker']) })
    const [a, b] = await Promise.all([
      runDueJobs(platform, { tenant: 'samosir', now: at(30) }),
      runDueJobs(other, { tenant: 'samosir', now: at(30) }),
    ])
    expect([statusOf(a, 'samosir'), statusOf(b, 'samosir')].sort()).toEqual(['ran', 'skipped'])
    expect(runs.filter((r) => r.tenant === 'samosir')).toHaveLength(1)
  })

  it('reports a failing job and a broken tenant database, and runs the other tenants', async () => {
    runs.length = 0
    const failures: JobRunReport[] = []
    await breakTenantDatabase(platform, 'samosir', join(dataDir, 'not-a-database'))
    const reports = await runDueJobs(platform, { now: at(60), concurrency: 2, onError: (r) => failures.push(r) })
    expect(statusOf(reports, 'dairi')).toBe('failed')
    expect(reports.find((r) => r.tenant === 'dairi')?.error).toBe('dairi is broken on purpose')
    expect(statusOf(reports, 'samosir')).toBe('failed')
    expect(statusOf(reports, 'toba')).toBe('ran')
    expect(failures.map((f) => f.tenant).sort()).toEqual(['dairi', 'samosir'])
    expect(runs.map((r) => r.tenant)).toEqual(['toba'])
  })

  it('runs passes on an interval until stopped', async () => {
    const passes: JobRunReport[][] = []
    const runner = startJobRunner(platform, { intervalMs: 5, now: at(200), onPass: (r) => passes.push(r) })
    await expect.poll(() => passes.length).toBeGreaterThan(0)
    await runner.stop()
    const seen = passes.length
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(passes.length).toBe(seen)
    expect(statusOf(passes[0] ?? [], 'toba')).toBe('ran')
  })
})
