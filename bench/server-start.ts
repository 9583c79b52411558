// Restart to healthy when nothing changed, and the idle memory of everything a start leaves
// running: `npm start` (npm, then the built server in the start script's own process),
// `node scripts/start.mjs` alone, and as the baseline the old path, which ran the preparation and
// then the server from TypeScript under tsx (`tsx apps/web/server/prepare.ts`, then
// `tsx apps/web/server/index.ts`; the old `npm start` also rebuilt the web app first, which is
// left out here in its favour). Rounds alternate between the three, on one prepared data dir.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { buildIsCurrent } from '../scripts/source-stamp.mjs'
import { prepareDataDir, repoRoot } from './lib/fixture'
import { freePort, median, timedGet } from './lib/process'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
/** How long a started server is left alone before its memory is read. */
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 3000)

interface Way {
  name: string
  /** Commands run one after the other; the last one is the server that stays. */
  steps: { command: string; args: string[] }[]
}

const tsx = `${repoRoot}node_modules/.bin/tsx`
const WAYS: Way[] = [
  { name: 'npm start', steps: [{ command: 'npm', args: ['start', '--silent'] }] },
  { name: 'node scripts/start.mjs', steps: [{ command: process.execPath, args: ['scripts/start.mjs'] }] },
  {
    name: 'old: tsx prepare + tsx server',
    steps: [
      { command: tsx, args: ['apps/web/server/prepare.ts'] },
      { command: tsx, args: ['apps/web/server/index.ts'] },
    ],
  },
]

interface Sample {
  restartMs: number
  treeKiB: number
  /** The process holding the listening server (the largest of the tree). */
  serverKiB: number
  processes: string[]
}

/** The process and its live descendants, with each one's resident memory. */
function tree(pid: number): { pid: number; name: string; rssKiB: number }[] {
  const found: { pid: number; name: string; rssKiB: number }[] = []
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8')
      const command = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').filter(Boolean)
      const name = command
        .slice(0, 3)
        .map((part) => part.replace(/^.*\/node_modules\//, '…/'))
        .join(' ')
      found.push({ pid: p, name, rssKiB: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) })
      const children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim()
      for (const c of children ? children.split(/\s+/) : []) visit(Number(c))
    } catch {}
  }
  visit(pid)
  return found
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return resolve()
    const pid = child.pid
    const force = setTimeout(() => process.kill(-pid, 'SIGKILL'), 15_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    process.kill(-pid, 'SIGTERM')
  })
}

async function measure(way: Way, dataDir: string): Promise<Sample> {
  const port = await freePort()
  const env = {
    ...process.env,
    CERDAS_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    CERDAS_LOG_LEVEL: 'warn',
  }
  const started = performance.now()
  for (const step of way.steps.slice(0, -1)) {
    const result = spawnSync(step.command, step.args, { cwd: repoRoot, env, stdio: 'ignore' })
    if (result.status !== 0) throw new Error(`${way.name}: ${step.args.join(' ')} failed`)
  }
  const last = way.steps.at(-1) as Way['steps'][number]
  // A group of its own, so the whole tree (npm and what it runs) is signalled together.
  const child = spawn(last.command, last.args, {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${way.name} exited (${child.exitCode}):\n${output}`)
      const ok = await timedGet(port, 'localhost', '/api/health').then(
        (r) => r.status === 200,
        () => false,
      )
      if (ok) break
      await new Promise((r) => setTimeout(r, 10))
    }
    const restartMs = performance.now() - started
    if (/Building|Installing/.test(output))
      console.log(`server-start: (${way.name} built or installed first: ${output.split('\n')[0]})`)
    await new Promise((r) => setTimeout(r, SETTLE_MS))
    const processes = tree(child.pid as number)
    return {
      restartMs,
      treeKiB: processes.reduce((sum, p) => sum + p.rssKiB, 0),
      serverKiB: Math.max(...processes.map((p) => p.rssKiB)),
      processes: processes.map((p) => `${p.name} ${(p.rssKiB / 1024).toFixed(0)} MB`),
    }
  } finally {
    await stopGroup(child)
  }
}

export async function benchServerStart() {
  if (!buildIsCurrent(repoRoot)) {
    console.log('server-start: the build is older than the sources; building once before measuring…')
    const build = spawnSync('npx', ['pnpm', '--filter', '@cerdas/web', 'run', 'build'], {
      cwd: repoRoot,
      stdio: 'ignore',
    })
    if (build.status !== 0) throw new Error('the web build failed')
  }
  const dataDir = await prepareDataDir({ extraTenants: 0, announcements: 0 })
  try {
    const samples = new Map<string, Sample[]>(WAYS.map((w) => [w.name, []]))
    // One unmeasured start each, so every way starts with warm file caches.
    for (const way of WAYS) await measure(way, dataDir)
    for (let round = 0; round < ROUNDS; round++) {
      for (const way of WAYS) samples.get(way.name)?.push(await measure(way, dataDir))
    }
    const summary = WAYS.map((way) => {
      const s = samples.get(way.name) ?? []
      return {
        name: way.name,
        restartMs: median(s.map((x) => x.restartMs)),
        treeMB: median(s.map((x) => x.treeKiB)) / 1024,
        serverMB: median(s.map((x) => x.serverKiB)) / 1024,
        processes: s.at(-1)?.processes ?? [],
        all: s.map((x) => `${(x.restartMs / 1000).toFixed(2)} s/${(x.treeKiB / 1024).toFixed(0)} MB`).join(', '),
      }
    })
    const old = summary.find((s) => s.name.startsWith('old')) as (typeof summary)[number]
    for (const s of summary) {
      console.log(
        `server-start: ${s.name.padEnd(30)} restart to healthy ${(s.restartMs / 1000).toFixed(2)} s, idle memory: tree ${s.treeMB.toFixed(0)} MB, server ${s.serverMB.toFixed(0)} MB (median of ${ROUNDS}; rounds ${s.all})`,
      )
      console.log(`server-start:   processes left running: ${s.processes.join('; ')}`)
    }
    for (const s of summary.filter((x) => x !== old)) {
      console.log(
        `server-start: ${s.name} vs old: restart ${(s.restartMs / old.restartMs).toFixed(2)}×, tree memory ${(s.treeMB / old.treeMB).toFixed(2)}×, server memory ${(s.serverMB / old.serverMB).toFixed(2)}× (targets: restart <= 2 s, memory <= 120 MB)`,
      )
    }
    return summary
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchServerStart()
