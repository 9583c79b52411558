import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { type Agent, request } from 'node:http'
import { createServer } from 'node:net'
import { repoRoot } from './fixture'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

/** GET with a Host header; resolves with status and elapsed milliseconds. */
export function timedGet(port: number, host: string, path: string): Promise<{ status: number; ms: number }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** A JSON POST as if sent to `host`, with a bearer token; answers the status and the body text. */
export function postJson(
  port: number,
  host: string,
  path: string,
  token: string,
  body: unknown,
  agent?: Agent,
): Promise<{ status: number; text: string }> {
  const payload = Buffer.from(JSON.stringify(body))
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        ...(agent ? { agent } : {}),
        headers: {
          host,
          'content-type': 'application/json',
          'content-length': payload.length,
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}

export interface Started {
  child: ChildProcess
  port: number
  /** Milliseconds from spawn to the first successful health check. */
  startMs: number
  rssKiB(): number
  stop(): Promise<void>
}

/** Spawns a server script under tsx and waits until /api/health (or /health) answers 200. */
export async function startProcess(
  script: string,
  env: Record<string, string>,
  healthPath = '/api/health',
): Promise<Started> {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(`${repoRoot}node_modules/.bin/tsx`, [script], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', CERDAS_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`)
    const ok = await timedGet(port, 'localhost', healthPath).then(
      (r) => r.status === 200,
      () => false,
    )
    if (ok) break
    await new Promise((r) => setTimeout(r, 10))
  }
  const startMs = performance.now() - started
  return {
    child,
    port,
    startMs,
    rssKiB: () => rssOf(child.pid ?? 0),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/** Resident memory of a process and its children (tsx runs node as a child). */
function rssOf(pid: number): number {
  let total = 0
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8')
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
      const children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim()
      for (const c of children ? children.split(/\s+/) : []) visit(Number(c))
    } catch {}
  }
  visit(pid)
  return total
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

export function median(values: number[]): number {
  return percentile(values, 50)
}
