// Tail latency of the public routes under load: p50 and p99 at 50 connections, and their ratio, on
// the built production server with its read cache (hits) and with it off (every request misses).
import { rmSync } from 'node:fs'
import autocannon from 'autocannon'
import { prepareDataDir } from './lib/fixture'
import { median } from './lib/process'
import { type Server, startBuiltCerdas } from './lib/server-process'

const DURATION_S = Number(process.env.BENCH_DURATION ?? 6)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
/** p99 within this many times p50 on every public route (issue 11). */
const TARGET_RATIO = 3
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const HOST = 'toba.localhost'
/** Routes whose names contain this (comma-separated) are the only ones loaded; all by default. */
const ONLY = process.env.BENCH_ROUTES?.split(',').filter(Boolean)

// Several queries in turn, as residents ask them: one repeated query measures a single lookup only.
const QUERIES = ['ktp', 'akta kelahiran', 'kartu keluarga', 'pajak', 'izin usaha', 'kesehatan', 'balige', 'nikah']

interface Route {
  name: string
  paths: string[]
}

const ROUTES: Route[] = [
  { name: 'search page', paths: QUERIES.map((q) => `/cari?q=${encodeURIComponent(q)}`) },
  { name: 'search API', paths: QUERIES.map((q) => `/api/v1/search?q=${encodeURIComponent(q)}`) },
  { name: 'service page', paths: ['/layanan/ktp-el-baru'] },
  { name: 'services page', paths: ['/layanan'] },
  { name: 'directory', paths: ['/direktori'] },
  { name: 'announcements', paths: ['/pengumuman'] },
  { name: 'home', paths: ['/'] },
].filter((r) => !ONLY || ONLY.some((o) => r.name.includes(o)))

interface Figures {
  rps: number
  p50: number
  p99: number
}

async function load(port: number, route: Route): Promise<Figures> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    headers: { host: HOST, 'accept-encoding': 'gzip' },
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: route.paths.map((path) => ({ method: 'GET', path })),
  })
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`bad responses on ${route.name}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 }
}

interface Row {
  route: string
  mode: string
  rps: number
  p50: number
  p99: number
  ratio: number
}

export async function benchTailLatency(): Promise<Row[]> {
  const dataDir = await prepareDataDir({ extraTenants: 0, announcements: 200 })
  const servers: Server[] = []
  const modes: { name: string; server: Server }[] = []
  const runs = new Map<string, Figures[]>()
  try {
    // Two processes on one data directory: the read cache on (as shipped) and off (every request misses).
    const cached = await startBuiltCerdas(dataDir, 'cerdas cached')
    servers.push(cached)
    const uncached = await startBuiltCerdas(dataDir, 'cerdas uncached', 0)
    servers.push(uncached)
    modes.push({ name: 'cached', server: cached }, { name: 'uncached', server: uncached })
    for (const mode of modes) {
      for (const route of ROUTES) {
        runs.set(`${route.name}/${mode.name}`, [])
        await load(mode.server.port, route) // warm-up: compile, caches, JIT
      }
    }
    // Rounds alternate the routes and modes, so noise from other work on the machine spreads over all of them.
    for (let i = 0; i < ROUNDS; i++) {
      for (const route of ROUTES) {
        for (const mode of i % 2 === 0 ? modes : [...modes].reverse())
          runs.get(`${route.name}/${mode.name}`)?.push(await load(mode.server.port, route))
      }
    }
  } finally {
    for (const server of servers) await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
  console.log(
    `tail-latency: ${CONNECTIONS} connections, ${DURATION_S} s × ${ROUNDS} alternating rounds (median of rounds); target p99 <= ${TARGET_RATIO}× p50`,
  )
  console.log('route           mode       req/s   p50 ms   p99 ms  p99/p50   rounds p99/p50   target')
  const rows: Row[] = []
  for (const route of ROUTES) {
    for (const mode of modes) {
      const figures = runs.get(`${route.name}/${mode.name}`) ?? []
      const ratios = figures.map((f) => f.p99 / Math.max(f.p50, 1))
      const row = {
        route: route.name,
        mode: mode.name,
        rps: median(figures.map((f) => f.rps)),
        p50: median(figures.map((f) => f.p50)),
        p99: median(figures.map((f) => f.p99)),
        ratio: median(ratios),
      }
      rows.push(row)
      console.log(
        `${row.route.padEnd(15)} ${row.mode.padEnd(8)} ${row.rps.toFixed(0).padStart(7)} ${row.p50.toFixed(0).padStart(8)} ${row.p99.toFixed(0).padStart(8)} ${row.ratio.toFixed(2).padStart(8)}   ${ratios
          .map((r) => r.toFixed(1))
          .join(' ')
          .padEnd(15)}  ${row.ratio <= TARGET_RATIO ? 'met' : 'MISSED'}`,
      )
    }
  }
  return rows
}

if (import.meta.url === `file://${process.argv[1]}`) await benchTailLatency()
