// Servers of the peer bench as child processes: started in a process group of their own so a
// whole tree (tsx and its node, npm and its scripts) is stopped together, and stopped on any exit
// of the bench, failures and Ctrl-C included.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { repoRoot } from './fixture'
import { freePort, timedGet } from './process'

export interface Server {
  name: string
  port: number
  pid: number
  /** Milliseconds from spawn to the first healthy answer. */
  startMs: number
  /** Resident memory of the process and its descendants, KiB. */
  rssKiB(): number
  /** CPU time (user + system) used so far by the process and its live descendants, seconds. */
  cpuSeconds(): number
  stop(): Promise<void>
}

const running = new Set<ChildProcess>()

/** SIGKILL to every group still running: the last resort when the bench exits some other way. */
function killAll() {
  for (const child of running) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL')
    } catch {}
  }
  running.clear()
}
process.on('exit', killAll)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAll()
    process.exit(130)
  })
}

const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

/** The process and its live descendants (/proc children lists). */
function processTree(pid: number): number[] {
  const pids: number[] = []
  const visit = (p: number) => {
    pids.push(p)
    try {
      const children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim()
      for (const c of children ? children.split(/\s+/) : []) visit(Number(c))
    } catch {}
  }
  visit(pid)
  return pids
}

export function rssTreeKiB(pid: number): number {
  let total = 0
  for (const p of processTree(pid)) {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0)
    } catch {}
  }
  return total
}

export function cpuTreeSeconds(pid: number): number {
  let ticks = 0
  for (const p of processTree(pid)) {
    try {
      // Fields after the command name, which may itself hold spaces: utime and stime are the 14th and 15th.
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      ticks += Number(fields[11]) + Number(fields[12])
    } catch {}
  }
  return ticks / clockTicks
}

export interface ServerOptions {
  name: string
  command: string
  args: string[]
  cwd: string
  env: Record<string, string>
  /** Path answering 200 once the server is ready. */
  healthPath: string
  healthHost?: string
  /** Gives up (and stops the process) after this long. */
  timeoutMs?: number
  /** Environment variable the port goes in; PORT by default. */
  portVariable?: string
}

/** Spawns a server, waits until its health path answers 200, and returns its handle. */
export async function startServer(options: ServerOptions): Promise<Server> {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, [options.portVariable ?? 'PORT']: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  })
  running.add(child)
  // The end of its error output, to show if it fails to start.
  let errors = ''
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (chunk: string) => {
    errors = (errors + chunk).slice(-4000)
  })
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) {
        running.delete(child)
        return resolve()
      }
      const pid = child.pid
      const force = setTimeout(() => {
        try {
          process.kill(-pid, 'SIGKILL')
        } catch {}
      }, 10_000)
      child.once('exit', () => {
        clearTimeout(force)
        running.delete(child)
        // Whatever the group left behind (a child that ignored the signal).
        try {
          process.kill(-pid, 'SIGKILL')
        } catch {}
        resolve()
      })
      try {
        process.kill(-pid, 'SIGTERM')
      } catch {
        resolve()
      }
    })
  const deadline = started + (options.timeoutMs ?? 120_000)
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      running.delete(child)
      throw new Error(
        `${options.name} exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${errors}`,
      )
    }
    if (performance.now() > deadline) {
      await stop()
      throw new Error(`${options.name} was not healthy within ${options.timeoutMs ?? 120_000} ms:\n${errors}`)
    }
    const ok = await timedGet(port, options.healthHost ?? 'localhost', options.healthPath).then(
      (r) => r.status === 200,
      () => false,
    )
    if (ok) break
    await new Promise((r) => setTimeout(r, 25))
  }
  const pid = child.pid as number
  return {
    name: options.name,
    port,
    pid,
    startMs: performance.now() - started,
    rssKiB: () => rssTreeKiB(pid),
    cpuSeconds: () => cpuTreeSeconds(pid),
    stop,
  }
}

/**
 * The built server (`apps/web/build/server.mjs`) on plain node, as deployments run it; `cacheBytes`
 * sets CERDAS_READ_CACHE_BYTES (0: every request answered without the read cache).
 */
export function startBuiltCerdas(dataDir: string, name: string, cacheBytes?: number): Promise<Server> {
  return startServer({
    name,
    command: process.execPath,
    args: ['apps/web/build/server.mjs'],
    cwd: repoRoot,
    env: {
      CERDAS_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      CERDAS_LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      ...(cacheBytes === undefined ? {} : { CERDAS_READ_CACHE_BYTES: String(cacheBytes) }),
    },
    healthPath: '/api/health',
  })
}
