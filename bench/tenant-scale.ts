// Tenant scale: one server process for every regency and city (514 tenants) against one tenant.
//
// Both data directories hold seeded tenants of the same template (toba is the one tenant, and the
// first of the 514), so a request costs the same wherever it lands. Servers start through the real
// start path (scripts/start.mjs on the built server: its migration check over every tenant, then
// the server in that same process), one tenant and 514 interleaved. Then autocannon loads
// /api/v1/announcements in alternating rounds: the one-tenant server on its tenant, the 514-tenant
// server on one tenant, and the 514-tenant server spread at random over all hosts; after each round
// it reads the server's resident memory and open descriptors from /proc. Figures are printed, never
// asserted: targets are spread ≥ 0.7× one tenant, ≤ 400 MB, ≤ 2,000 descriptors, no growth.
import { readdirSync, readlinkSync, rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { announcement } from '@cerdas/module-announcements'
import { createPlatform, createTenant, type Platform } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import autocannon from 'autocannon'
import { repoRoot } from './lib/fixture'
import { median, timedGet } from './lib/process'
import { type Server, startServer } from './lib/server-process'

const TENANTS = Number(process.env.BENCH_TENANTS ?? 514)
const STARTS = Number(process.env.BENCH_STARTS ?? 3)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4)
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const ANNOUNCEMENTS = Number(process.env.BENCH_ANNOUNCEMENTS ?? 5)
const PATH = '/api/v1/announcements?limit=20'

const slugOf = (i: number) => (i === 0 ? 'toba' : `t${String(i).padStart(4, '0')}`)
const hostOf = (slug: string) => `${slug}.localhost`

/**
 * `count` tenants from the kabupaten template (seeded), each with a few announcements. The first
 * is called toba, so the start path's first-run step (create toba) finds it and adds nothing.
 */
async function provision(count: number): Promise<{ dataDir: string; ms: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cerdas-tenant-scale-'))
  const started = performance.now()
  const platform: Platform = await createPlatform({
    dataDir,
    templatesDir: join(repoRoot, 'templates'),
    platformHost: 'localhost',
    modules,
  })
  try {
    for (let i = 0; i < count; i++) {
      const slug = slugOf(i)
      await createTenant(platform, { slug, template: 'kabupaten' })
      const tenant = await platform.tenantBySlug(slug)
      if (!tenant) throw new Error(`${slug} missing`)
      await platform.withTenantDb(tenant.record, async (db) => {
        const ctx = platform.context(tenant, db, { actor: { kind: 'system', id: 'bench' } })
        for (let n = 0; n < ANNOUNCEMENTS; n++) {
          await announcement.create(ctx, {
            title: { id: `Pengumuman ${slug} ${n}`, en: `Announcement ${slug} ${n}` },
            body: { id: `Isi pengumuman nomor ${n} untuk ${slug}. `.repeat(4) },
            category: 'general',
            publishAt: new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString(),
          })
        }
      })
      if ((i + 1) % 100 === 0) process.stderr.write(`  provisioned ${i + 1}/${count} tenants\n`)
    }
  } finally {
    platform.close()
  }
  return { dataDir, ms: performance.now() - started }
}

/** The real start path on the built server: migration check of every tenant, then serving, in one process. */
function start(name: string, dataDir: string): Promise<Server> {
  return startServer({
    name,
    command: process.execPath,
    args: ['scripts/start.mjs'],
    cwd: repoRoot,
    env: {
      CERDAS_DATA_DIR: dataDir,
      CERDAS_SKIP_BUILD: '1',
      HOST: '127.0.0.1',
      CERDAS_LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
    },
    healthPath: '/api/health',
    healthHost: 'localhost',
    timeoutMs: 180_000,
  })
}

/** Open descriptors of a process, and how many of them are on tenant database files. */
function descriptors(pid: number): { all: number; tenantFiles: number } {
  const entries = readdirSync(`/proc/${pid}/fd`)
  let tenantFiles = 0
  for (const fd of entries) {
    try {
      if (/\/tenants\/[^/]+\.db(-wal|-shm)?$/.test(readlinkSync(`/proc/${pid}/fd/${fd}`))) tenantFiles++
    } catch {}
  }
  return { all: entries.length, tenantFiles }
}

interface Load {
  rps: number
  p50: number
  p99: number
}

async function load(port: number, hosts: readonly string[], seconds = DURATION_S): Promise<Load> {
  const pick = () => hosts[Math.floor(Math.random() * hosts.length)] as string
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${PATH}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => ({ ...request, headers: { ...request.headers, host: pick() } }),
      },
    ],
  })
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`bad responses: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`)
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 }
}

const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`

/** Opens every tenant once (as a crawler would), so the rounds measure the steady state. */
async function touchAll(port: number, slugs: readonly string[]) {
  const queue = [...slugs]
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let slug = queue.shift(); slug; slug = queue.shift()) {
        const { status } = await timedGet(port, hostOf(slug), PATH)
        if (status !== 200) throw new Error(`${slug}: ${status}`)
      }
    }),
  )
}

export async function benchTenantScale() {
  console.log(`tenant-scale: provisioning 1 and ${TENANTS} tenants (${ANNOUNCEMENTS} announcements each)…`)
  const one = await provision(1)
  const many = await provision(TENANTS)
  const slugs = Array.from({ length: TENANTS }, (_, i) => slugOf(i))
  try {
    console.log(`tenant-scale: provisioned ${TENANTS} tenants in ${(many.ms / 1000).toFixed(1)} s`)

    // Start-up, interleaved so drift on a shared machine hits both alike.
    const starts = { one: [] as number[], many: [] as number[] }
    const idle = { one: [] as number[], many: [] as number[] }
    for (let i = 0; i < STARTS; i++) {
      for (const [which, dir] of [
        ['one', one.dataDir],
        ['many', many.dataDir],
      ] as const) {
        const server = await start(which, dir)
        starts[which].push(server.startMs)
        idle[which].push(server.rssKiB())
        await server.stop()
      }
    }
    const startOne = median(starts.one)
    const startMany = median(starts.many)
    console.log(
      `tenant-scale: start to healthy (migration check included) ${startOne.toFixed(0)} ms with 1 tenant, ${startMany.toFixed(0)} ms with ${TENANTS} (${(startMany / startOne).toFixed(2)}×); runs ${starts.one.map((v) => v.toFixed(0)).join('/')} and ${starts.many.map((v) => v.toFixed(0)).join('/')} ms`,
    )
    console.log(
      `tenant-scale: idle RSS after start ${mib(median(idle.one))} (1 tenant), ${mib(median(idle.many))} (${TENANTS})`,
    )

    // Load, alternating: one tenant alone, one tenant of many, all of many.
    const single = await start('one', one.dataDir)
    const server = await start('many', many.dataDir)
    try {
      await touchAll(single.port, ['toba'])
      await touchAll(server.port, slugs)
      const afterTouch = descriptors(server.pid)
      console.log(
        `tenant-scale: after opening all ${TENANTS}: RSS ${mib(server.rssKiB())}, ${afterTouch.all} descriptors (${afterTouch.tenantFiles} on tenant files)`,
      )
      const hosts = slugs.map(hostOf)
      // Unmeasured warm-up of both servers (compilation, caches), so round 1 compares like with like.
      await load(single.port, ['toba.localhost'], 3)
      await load(server.port, hosts, 3)
      const runs: { alone: Load; oneOfMany: Load; spread: Load; rssKiB: number; fds: number; tenantFds: number }[] = []
      for (let round = 1; round <= ROUNDS; round++) {
        const alone = await load(single.port, ['toba.localhost'])
        const oneOfMany = await load(server.port, ['toba.localhost'])
        const spread = await load(server.port, hosts)
        const fds = descriptors(server.pid)
        const run = { alone, oneOfMany, spread, rssKiB: server.rssKiB(), fds: fds.all, tenantFds: fds.tenantFiles }
        runs.push(run)
        console.log(
          `tenant-scale: round ${round}: 1-tenant server ${alone.rps.toFixed(0)} req/s (p50 ${alone.p50} ms, p99 ${alone.p99} ms); ${TENANTS}-tenant server, one host ${oneOfMany.rps.toFixed(0)} req/s (p99 ${oneOfMany.p99} ms), spread ${spread.rps.toFixed(0)} req/s (p50 ${spread.p50} ms, p99 ${spread.p99} ms); spread/one host ${(spread.rps / oneOfMany.rps).toFixed(2)}×, spread/1-tenant server ${(spread.rps / alone.rps).toFixed(2)}×; RSS ${mib(run.rssKiB)}, ${run.fds} descriptors (${run.tenantFds} on tenant files)`,
        )
      }
      const med = (f: (r: (typeof runs)[number]) => number) => median(runs.map(f))
      const first = runs[0]
      const last = runs.at(-1)
      console.log(
        `tenant-scale: median over ${ROUNDS} rounds of ${DURATION_S} s at ${CONNECTIONS} connections: 1-tenant server ${med((r) => r.alone.rps).toFixed(0)} req/s, one host of ${TENANTS} ${med((r) => r.oneOfMany.rps).toFixed(0)}, spread over ${TENANTS} ${med((r) => r.spread.rps).toFixed(0)}; ratio spread/one host ${med((r) => r.spread.rps / r.oneOfMany.rps).toFixed(2)}× and spread/1-tenant server ${med((r) => r.spread.rps / r.alone.rps).toFixed(2)}× (target ≥ 0.7)`,
      )
      if (first && last)
        console.log(
          `tenant-scale: ${TENANTS}-tenant server RSS ${mib(first.rssKiB)} after round 1, ${mib(last.rssKiB)} after round ${ROUNDS} (target ≤ 400 MB; growth ${mib(last.rssKiB - first.rssKiB)}); descriptors ${first.fds} → ${last.fds} (target ≤ 2,000), on tenant files ${first.tenantFds} → ${last.tenantFds}; 1-tenant server RSS ${mib(single.rssKiB())}`,
        )
      return { startOne, startMany, runs }
    } finally {
      await server.stop()
      await single.stop()
    }
  } finally {
    rmSync(many.dataDir, { recursive: true, force: true })
    rmSync(one.dataDir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchTenantScale()
