// (a) Public read endpoint of the full API vs a bare Hono handler running the same SQL on raw @libsql/client.
import { embeddedTenantUrl } from '@cerdas/db'
import autocannon from 'autocannon'
import { prepareDataDir } from './lib/fixture'
import { median, startProcess } from './lib/process'

const DURATION_S = Number(process.env.BENCH_DURATION ?? 5)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)

async function load(port: number): Promise<number> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/v1/announcements?limit=20`,
    headers: { host: 'toba.localhost' },
    connections: 10,
    duration: DURATION_S,
  })
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`bad responses: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return result.requests.average
}

export async function benchApiRead() {
  const dataDir = await prepareDataDir({ extraTenants: 0, announcements: 40 })
  const ours = await startProcess('apps/api/src/server.ts', { CERDAS_DATA_DIR: dataDir })
  const bare = await startProcess('bench/servers/bare-hono.ts', { BENCH_DB_URL: embeddedTenantUrl(dataDir, 'toba') })
  const oursRuns: number[] = []
  const bareRuns: number[] = []
  try {
    await load(ours.port) // warm-up
    await load(bare.port)
    for (let i = 0; i < ROUNDS; i++) {
      oursRuns.push(await load(ours.port))
      bareRuns.push(await load(bare.port))
    }
  } finally {
    await ours.stop()
    await bare.stop()
  }
  // Rounds alternate, so drift on a shared machine hits both; the median of the per-round ratios resists outliers.
  const oursRps = median(oursRuns)
  const bareRps = median(bareRuns)
  const ratio = median(oursRuns.map((o, i) => o / (bareRuns[i] as number)))
  console.log(
    `api-read: GET /api/v1/announcements (20 rows), median of ${ROUNDS} alternating rounds: cerdas ${oursRps.toFixed(0)} req/s, bare hono + raw libsql ${bareRps.toFixed(0)} req/s, ratio ${ratio.toFixed(2)} (target >= 0.8)`,
  )
  return { oursRps, bareRps, ratio }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchApiRead()
