// (b) Start-up and cold tenants with 500 tenants against 1.
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { prepareDataDir, repoRoot } from './lib/fixture'
import { median, percentile, type Started, startProcess, timedGet } from './lib/process'

const TENANTS = Number(process.env.BENCH_TENANTS ?? 500)
const STARTS = Number(process.env.BENCH_STARTS ?? 3)
const COLD_SAMPLE = Math.min(TENANTS, Number(process.env.BENCH_COLD_SAMPLE ?? 200))
const SERVER = 'apps/web/server/index.ts'

async function startTimes(dataDir: string): Promise<{ ms: number; rssKiB: number }> {
  const times: number[] = []
  const rss: number[] = []
  for (let i = 0; i < STARTS; i++) {
    const server = await startProcess(SERVER, { CERDAS_DATA_DIR: dataDir, CERDAS_MAX_OPEN_TENANTS: '1000' })
    times.push(server.startMs)
    rss.push(server.rssKiB())
    await server.stop()
  }
  return { ms: median(times), rssKiB: median(rss) }
}

export async function benchTenantScale() {
  if (!existsSync(join(repoRoot, 'apps/web/build/server/index.js'))) throw new Error('build the web app first')
  const provisionStarted = performance.now()
  const many = await prepareDataDir({ extraTenants: TENANTS - 1, announcements: 0 })
  const provisionMs = performance.now() - provisionStarted
  const one = await prepareDataDir({ extraTenants: 0, announcements: 0 })
  try {
    // Interleave so drift on a shared machine hits both alike.
    const single = await startTimes(one)
    const multi = await startTimes(many)
    const server: Started = await startProcess(SERVER, { CERDAS_DATA_DIR: many, CERDAS_MAX_OPEN_TENANTS: '1000' })
    const cold: number[] = []
    const warm: number[] = []
    try {
      for (let i = 1; i <= COLD_SAMPLE; i++) {
        const host = i === 1 ? 'toba.localhost' : `t${String(i - 1).padStart(4, '0')}.localhost`
        const first = await timedGet(server.port, host, '/api/v1/announcements')
        if (first.status !== 200) throw new Error(`${host}: ${first.status}`)
        cold.push(first.ms)
        warm.push((await timedGet(server.port, host, '/api/v1/announcements')).ms)
      }
      const rssAfter = server.rssKiB()
      const ratio = multi.ms / single.ms
      console.log(`tenant-scale: provisioned ${TENANTS} tenants in ${(provisionMs / 1000).toFixed(1)} s`)
      console.log(
        `tenant-scale: start ${single.ms.toFixed(0)} ms with 1 tenant, ${multi.ms.toFixed(0)} ms with ${TENANTS}, ratio ${ratio.toFixed(2)} (target <= 1.5)`,
      )
      console.log(
        `tenant-scale: RSS after start ${(single.rssKiB / 1024).toFixed(0)} MiB (1 tenant), ${(multi.rssKiB / 1024).toFixed(0)} MiB (${TENANTS}); after ${COLD_SAMPLE} tenants opened ${(rssAfter / 1024).toFixed(0)} MiB`,
      )
      console.log(
        `tenant-scale: first request to a cold tenant p50 ${percentile(cold, 50).toFixed(1)} ms, p95 ${percentile(cold, 95).toFixed(1)} ms; warm p50 ${percentile(warm, 50).toFixed(1)} ms (${COLD_SAMPLE} tenants)`,
      )
      return { single, multi, ratio, cold, warm }
    } finally {
      await server.stop()
    }
  } finally {
    rmSync(many, { recursive: true, force: true })
    rmSync(one, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchTenantScale()
