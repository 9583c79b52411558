// The operators' view (GET /operator/tenants, `cerdas tenant overview`): one pass over N small
// tenants, each read from its own database, at concurrency 1, 4 and 8. After one warm-up pass (every
// database open, as on a running server), the three run in alternating rounds in one process; the
// medians and their ratio to concurrency 1 are printed, never asserted. Embedded files are read on
// the one JavaScript thread, so the pool can only overlap waiting: a second series adds a wait per
// tenant before its reads, standing for the round trips to a libSQL server across a network.
import { rmSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { createTenant, type Platform, type TenantDbRunner, tenantOverview } from '@cerdas/platform'
import { benchPlatform } from './lib/fixture'
import { median } from './lib/process'

const TENANTS = Number(process.env.BENCH_OVERVIEW_TENANTS ?? 50)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const LATENCY_MS = Number(process.env.BENCH_OVERVIEW_LATENCY_MS ?? 20)
const LEVELS = [1, 4, 8]

/** Median milliseconds of a pass at each level, and the ratio of concurrency 1's to it. */
async function series(platform: Platform, withTenantDb?: TenantDbRunner) {
  const times = new Map<number, number[]>(LEVELS.map((c) => [c, []]))
  for (let round = 0; round < ROUNDS; round++) {
    // Each round starts at a different level, so no level always runs first.
    const order = LEVELS.map((_, i) => LEVELS[(i + round) % LEVELS.length] as number)
    for (const concurrency of order) {
      const started = performance.now()
      const view = await tenantOverview(platform, { concurrency, ...(withTenantDb ? { withTenantDb } : {}) })
      times.get(concurrency)?.push(performance.now() - started)
      if (view.totals.ok !== TENANTS) throw new Error(`read ${view.totals.ok} of ${TENANTS} at ${concurrency}`)
    }
  }
  const base = median(times.get(1) ?? [])
  return LEVELS.map((c) => {
    const ms = median(times.get(c) ?? [])
    return { concurrency: c, ms, speedup: base / ms }
  })
}

const describe = (figures: { concurrency: number; ms: number; speedup: number }[]) =>
  figures
    .map((f) => `concurrency ${f.concurrency} ${f.ms.toFixed(0)} ms (${f.speedup.toFixed(2)}x concurrency 1)`)
    .join(', ')

export async function benchTenantOverview() {
  const { dataDir, platform } = await benchPlatform('cerdas-bench-overview-')
  try {
    const provisioned = performance.now()
    // Seeded kabupaten tenants: about 50 records each (holidays, report categories), audit log included.
    for (let i = 1; i <= TENANTS; i++) {
      await createTenant(platform, { slug: `t${String(i).padStart(3, '0')}`, template: 'kabupaten' })
      if (i % 10 === 0) process.stderr.write(`  provisioned ${i}/${TENANTS} tenants\n`)
    }
    const provisionS = (performance.now() - provisioned) / 1000
    const warm = await tenantOverview(platform, { concurrency: 4 })
    if (warm.totals.ok !== TENANTS) throw new Error(`warm-up read ${warm.totals.ok} of ${TENANTS} tenants`)
    const embedded = await series(platform)
    const remote: TenantDbRunner = async (record, work) => {
      await sleep(LATENCY_MS)
      return platform.withTenantDb(record, work)
    }
    const waiting = await series(platform, remote)
    console.log(
      `tenant-overview: ${TENANTS} tenants (${warm.totals.records} records, provisioned in ${provisionS.toFixed(0)} s), ` +
        `median of ${ROUNDS} passes after a warm-up. Embedded files: ${describe(embedded)}. ` +
        `With ${LATENCY_MS} ms of waiting per tenant: ${describe(waiting)}`,
    )
    return { embedded, waiting }
  } finally {
    platform.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchTenantOverview()
