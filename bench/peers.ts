// The peer comparison: the same 10,000 generated services served by Directus 11.3.5 on SQLite
// (without and with its memory cache), a bare Hono + drizzle + libSQL handler, and Cerdas's built
// production server (with its read cache, and with it off so every request takes the cache-miss
// path), each a process of its own, loaded by autocannon in alternating rounds.
//
//   node_modules/.bin/tsx bench/peers.ts        (or: npm run bench:peers)
//
// About 15 minutes on 2 cores, the first run longer (npm installs Directus under the temporary
// directory and keeps it). BENCH_DURATION (s per load), BENCH_ROUNDS, BENCH_SERVICES,
// BENCH_SKIP_DIRECTUS=1 and BENCH_SKIP_BUILD=1 tune it.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { prepareBareServicesDb } from './lib/bare-services-db'
import { CERDAS_HOST, loadCerdas, prepareCerdasDataDir } from './lib/cerdas-services'
import { bootstrapDirectus, DIRECTUS_VERSION, installDirectus, loadDirectus, startDirectus } from './lib/directus'
import { repoRoot } from './lib/fixture'
import { benchOffices, generateServices, slugOf } from './lib/generated-services'
import { median } from './lib/process'
import { type Server, startBuiltCerdas, startServer } from './lib/server-process'

const SERVICES = Number(process.env.BENCH_SERVICES ?? 10_000)
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10)
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 3)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
/** Items asked for in turn by the item and page loads, spread over the whole set. */
const ITEM_SAMPLE = Number(process.env.BENCH_ITEM_SAMPLE ?? 50)
/** Cerdas before this issue, same machine and bench shape (issue 11): the cache-miss path must double them. */
const OLD_CERDAS = { list: 800, item: 660 }
/**
 * The same figures against the bare handler of that run (~3,200 and ~6,200 req/s): on a machine
 * busier or quieter than that day, the ratio to the bare handler of this run is the fair comparison.
 */
const OLD_CERDAS_TO_BARE = { list: 800 / 3200, item: 660 / 6200 }

type RouteKind = 'list' | 'item' | 'page'
const ROUTE_LABEL: Record<RouteKind, string> = {
  list: 'services list (20)',
  item: 'service by id',
  page: 'service page',
}

interface System {
  name: string
  server: Server
  host: string
  routes: Partial<Record<RouteKind, string[]>>
  /** Idle resident memory after start and load, KiB. */
  idleKiB: number
  /** Milliseconds the 10,000 services took to load, when measured through the system's own API. */
  loadMs?: number
}

interface Round {
  rps: number
  p50: number
  p99: number
  requests: number
  cpuSeconds: number
}

function sample(count: number): number[] {
  const step = Math.max(1, Math.floor(SERVICES / count))
  return Array.from({ length: Math.min(count, SERVICES) }, (_, i) => i * step + (i % step))
}

async function load(system: System, kind: RouteKind, seconds: number): Promise<Round> {
  const paths = system.routes[kind] as string[]
  const cpuBefore = system.server.cpuSeconds()
  const result = await autocannon({
    url: `http://127.0.0.1:${system.server.port}`,
    headers: { host: system.host },
    connections: CONNECTIONS,
    duration: seconds,
    requests: paths.map((path) => ({ method: 'GET', path })),
  })
  const cpuSeconds = system.server.cpuSeconds() - cpuBefore
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0)
    throw new Error(
      `${system.name} ${kind}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    )
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    cpuSeconds,
  }
}

/** One GET: its status, size and X-Cache header, to check each route before loading it. */
async function probe(system: System, path: string) {
  const { request } = await import('node:http')
  return new Promise<{ status: number; bytes: number; cache: string | undefined }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: system.server.port, path, headers: { host: system.host } },
      (res) => {
        let bytes = 0
        res.on('data', (chunk: Buffer) => (bytes += chunk.length))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, bytes, cache: res.headers['x-cache'] as string | undefined }),
        )
      },
    )
    req.on('error', reject)
    req.end()
  })
}

async function ensureWebBuild() {
  if (process.env.BENCH_SKIP_BUILD && existsSync(join(repoRoot, 'apps/web/build/server.mjs'))) return
  const { buildIsCurrent } = (await import(join(repoRoot, 'scripts/source-stamp.mjs'))) as {
    buildIsCurrent(root: string): boolean
  }
  if (buildIsCurrent(repoRoot) && existsSync(join(repoRoot, 'apps/web/build/server.mjs'))) return
  console.log('peers: building the web app (its sources changed since the last build)…')
  execFileSync('npx', ['pnpm', '--filter', '@cerdas/web', 'run', 'build'], { cwd: repoRoot, stdio: 'inherit' })
}

const settle = () => new Promise((r) => setTimeout(r, 2000))

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–')
const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`

export async function benchPeers() {
  const offices = benchOffices()
  const services = generateServices(SERVICES, offices)
  const picks = sample(ITEM_SAMPLE)
  const work = mkdtempSync(join(tmpdir(), 'cerdas-bench-peers-work-'))
  const systems: System[] = []
  const servers: Server[] = []
  const notes: string[] = []
  let cerdasDir: string | undefined
  console.log(
    `peers: ${SERVICES} services, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${DURATION_S} s per route (after a ${WARMUP_S} s warm-up); items and pages cycle through ${picks.length} services`,
  )
  try {
    await ensureWebBuild()

    // Directus, without and with its cache, on one SQLite file.
    if (process.env.BENCH_SKIP_DIRECTUS) notes.push('Directus skipped (BENCH_SKIP_DIRECTUS)')
    else {
      try {
        const installStarted = performance.now()
        const dir = installDirectus()
        const dbFile = join(work, 'directus.db')
        bootstrapDirectus(dir, dbFile)
        const plain = await startDirectus(dir, dbFile, { cached: false, name: 'Directus' })
        servers.push(plain)
        console.log(
          `peers: Directus ${DIRECTUS_VERSION} installed and bootstrapped in ${fmt((performance.now() - installStarted) / 1000, 1)} s, started in ${fmt(plain.startMs)} ms`,
        )
        const loadMs = await loadDirectus(plain.port, offices, services)
        const cached = await startDirectus(dir, dbFile, { cached: true, name: 'Directus cached' })
        servers.push(cached)
        const routes = {
          list: ['/items/services?limit=20&sort=name_id,id'],
          // The item with its office, as the other systems answer it.
          item: picks.map((i) => `/items/services/${i + 1}?fields=*,office_id.*`),
        }
        await settle()
        systems.push({ name: 'Directus', server: plain, host: 'localhost', routes, idleKiB: plain.rssKiB(), loadMs })
        systems.push({ name: 'Directus cached', server: cached, host: 'localhost', routes, idleKiB: cached.rssKiB() })
      } catch (error) {
        const why = `Directus could not be installed or started here, so it is left out: ${String((error as Error).message ?? error).slice(0, 1500)}`
        console.log(`peers: ${why}`)
        notes.push(why)
      }
    }

    // The bare handler.
    const bareUrl = await prepareBareServicesDb(work, offices, services)
    const bare = await startServer({
      name: 'bare Hono',
      command: join(repoRoot, 'node_modules/.bin/tsx'),
      args: ['bench/servers/bare-hono-services.ts'],
      cwd: repoRoot,
      env: { BENCH_DB_URL: bareUrl, NODE_ENV: 'production' },
      healthPath: '/health',
    })
    servers.push(bare)

    // Cerdas: loaded through its bulk route, then served with its read cache and without.
    const { dataDir, token } = await prepareCerdasDataDir()
    cerdasDir = dataDir
    const cerdas = await startBuiltCerdas(dataDir, 'Cerdas')
    servers.push(cerdas)
    const cerdasLoadMs = await loadCerdas(cerdas.port, token, services)
    const cerdasMiss = await startBuiltCerdas(dataDir, 'Cerdas cache-miss', 0)
    servers.push(cerdasMiss)
    await settle()
    systems.push({
      name: 'bare Hono',
      server: bare,
      host: 'localhost',
      routes: { list: ['/services?limit=20'], item: picks.map((i) => `/services/${i + 1}`) },
      idleKiB: bare.rssKiB(),
    })
    const cerdasRoutes = {
      list: ['/api/v1/services?limit=20'],
      item: picks.map((i) => `/api/v1/services/${slugOf(services[i] as (typeof services)[number])}`),
      page: picks.map((i) => `/layanan/${slugOf(services[i] as (typeof services)[number])}`),
    }
    systems.push({
      name: 'Cerdas',
      server: cerdas,
      host: CERDAS_HOST,
      routes: cerdasRoutes,
      idleKiB: cerdas.rssKiB(),
      loadMs: cerdasLoadMs,
    })
    systems.push({
      name: 'Cerdas cache-miss',
      server: cerdasMiss,
      host: CERDAS_HOST,
      routes: cerdasRoutes,
      idleKiB: cerdasMiss.rssKiB(),
    })

    // Every route answers 200 before anything is timed; the sizes go in the report.
    const bytes = new Map<string, number>()
    for (const system of systems) {
      for (const [kind, paths] of Object.entries(system.routes) as [RouteKind, string[]][]) {
        const first = await probe(system, paths[0] as string)
        if (first.status !== 200) throw new Error(`${system.name} ${paths[0]}: ${first.status}`)
        bytes.set(`${system.name}/${kind}`, first.bytes)
        if (system.name === 'Cerdas cache-miss' && first.cache && first.cache !== 'MISS')
          throw new Error(`Cerdas cache-miss answered X-Cache ${first.cache}`)
      }
    }

    const plan = systems.flatMap((system) =>
      (Object.keys(system.routes) as RouteKind[]).map((kind) => ({ system, kind })),
    )
    for (const { system, kind } of plan) await load(system, kind, WARMUP_S)
    const hits = await probe(systems.find((s) => s.name === 'Cerdas') as System, cerdasRoutes.item[0] as string)
    if (hits.cache !== 'HIT') notes.push(`Cerdas with its cache answered X-Cache ${hits.cache} after the warm-up`)

    const rounds = new Map<string, Round[]>(plan.map(({ system, kind }) => [`${system.name}/${kind}`, []]))
    for (let r = 0; r < ROUNDS; r++) {
      // Alternate the order too, so a slow minute on the shared machine does not always hit the same system.
      const order = r % 2 === 0 ? plan : [...plan].reverse()
      for (const { system, kind } of order)
        rounds.get(`${system.name}/${kind}`)?.push(await load(system, kind, DURATION_S))
      process.stderr.write(`  round ${r + 1}/${ROUNDS} done\n`)
    }
    const afterKiB = new Map(systems.map((s) => [s.name, s.server.rssKiB()]))

    // The table.
    console.log('')
    console.log(
      '| route | system | req/s per round | median req/s | p50 ms | p99 ms | CPU s / 10k req | response bytes |',
    )
    console.log('|---|---|---|---|---|---|---|---|')
    const figures = new Map<string, { rps: number; p50: number; p99: number; cpu: number; ratios: Round[] }>()
    for (const kind of ['list', 'item', 'page'] as RouteKind[]) {
      for (const system of systems) {
        const list = rounds.get(`${system.name}/${kind}`)
        if (!list) continue
        const cpu = median(list.map((x) => (x.cpuSeconds / Math.max(x.requests, 1)) * 10_000))
        const f = {
          rps: median(list.map((x) => x.rps)),
          p50: median(list.map((x) => x.p50)),
          p99: median(list.map((x) => x.p99)),
          cpu,
          ratios: list,
        }
        figures.set(`${system.name}/${kind}`, f)
        console.log(
          `| ${ROUTE_LABEL[kind]} | ${system.name} | ${list.map((x) => fmt(x.rps)).join(', ')} | ${fmt(f.rps)} | ${fmt(f.p50, 1)} | ${fmt(f.p99, 1)} | ${fmt(cpu, 1)} | ${bytes.get(`${system.name}/${kind}`)} |`,
        )
      }
    }
    console.log('')
    console.log('| system | idle RSS after start and load | RSS after the rounds | load of the services |')
    console.log('|---|---|---|---|')
    for (const system of systems) {
      console.log(
        `| ${system.name} | ${mib(system.idleKiB)} | ${mib(afterKiB.get(system.name) ?? 0)} | ${system.loadMs === undefined ? '–' : `${fmt(system.loadMs / 1000, 1)} s`} |`,
      )
    }

    // Ratios against the targets: per-round ratios (rounds ran side by side), their median.
    const ratio = (a: string, b: string) => {
      const x = figures.get(a)?.ratios
      const y = figures.get(b)?.ratios
      if (!x || !y) return Number.NaN
      return median(x.map((r, i) => r.rps / (y[i]?.rps ?? Number.NaN)))
    }
    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED')
    const line = (label: string, value: number, target: number, unit = '×') =>
      console.log(
        `  ${label}: ${fmt(value, 2)}${unit} (target ≥ ${target}${unit}) ${Number.isFinite(value) ? verdict(value >= target) : 'not measured'}`,
      )
    console.log('')
    console.log('peers: ratios (median of per-round ratios)')
    line('list, Cerdas cached / Directus cached', ratio('Cerdas/list', 'Directus cached/list'), 3)
    line('item, Cerdas cached / Directus cached', ratio('Cerdas/item', 'Directus cached/item'), 3)
    const missToBare = {
      list: ratio('Cerdas cache-miss/list', 'bare Hono/list'),
      item: ratio('Cerdas cache-miss/item', 'bare Hono/item'),
    }
    console.log(
      `  cache-miss / bare Hono: list ${fmt(missToBare.list, 2)}, item ${fmt(missToBare.item, 2)} (old Cerdas / bare: ${fmt(OLD_CERDAS_TO_BARE.list, 2)}, ${fmt(OLD_CERDAS_TO_BARE.item, 2)})`,
    )
    line(
      'list, cache-miss against old Cerdas, both relative to bare Hono',
      missToBare.list / OLD_CERDAS_TO_BARE.list,
      2,
    )
    line(
      'item, cache-miss against old Cerdas, both relative to bare Hono',
      missToBare.item / OLD_CERDAS_TO_BARE.item,
      2,
    )
    const missList = figures.get('Cerdas cache-miss/list')?.rps ?? Number.NaN
    const missItem = figures.get('Cerdas cache-miss/item')?.rps ?? Number.NaN
    line(`list, Cerdas cache-miss / old Cerdas's ${OLD_CERDAS.list} req/s (absolute)`, missList / OLD_CERDAS.list, 2)
    line(`item, Cerdas cache-miss / old Cerdas's ${OLD_CERDAS.item} req/s (absolute)`, missItem / OLD_CERDAS.item, 2)
    line('page / item, Cerdas cached', ratio('Cerdas/page', 'Cerdas/item'), 0.8)
    line('page / item, Cerdas cache-miss', ratio('Cerdas cache-miss/page', 'Cerdas cache-miss/item'), 0.8)
    for (const name of ['Cerdas', 'Cerdas cache-miss']) {
      const p99 = figures.get(`${name}/page`)?.p99 ?? Number.NaN
      console.log(`  page p99, ${name}: ${fmt(p99, 1)} ms (target ≤ 50 ms) ${verdict(p99 <= 50)}`)
    }
    for (const note of notes) console.log(`  note: ${note}`)
    return { figures, systems: systems.map((s) => ({ name: s.name, idleKiB: s.idleKiB, loadMs: s.loadMs })) }
  } finally {
    for (const server of servers.reverse()) await server.stop()
    rmSync(work, { recursive: true, force: true })
    if (cerdasDir) rmSync(cerdasDir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPeers()
