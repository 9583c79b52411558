import { type ChildProcess, spawn } from 'node:child_process'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

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

export interface RunningServer {
  port: number
  /** The process started (a launcher: the server itself may be one of its children). */
  pid: number
  origin(host: string): string
  stop(): Promise<void>
}

/** Starts the real server (built web app + API) as a child process and waits until it answers. */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort()
  const child: ChildProcess = spawn(`${repoRoot}node_modules/.bin/tsx`, ['apps/web/server/index.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', CERDAS_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`)
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) break
    await new Promise((r) => setTimeout(r, 200))
  }
  if (Date.now() >= deadline) throw new Error(`server did not answer:\n${output}`)
  return {
    port,
    pid: child.pid as number,
    origin: (host) => `http://${host}:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

export interface HttpResult {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
  text(): string
  json(): unknown
}

/**
 * An HTTP request to the local server as if sent to `host` (Node's resolver,
 * unlike Chromium's, does not map *.localhost to loopback).
 */
export function httpRequest(
  port: number,
  host: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: init.method ?? 'GET',
        headers: { ...init.headers, host: `${host}:${port}` },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const body = Buffer.concat(chunks)
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text: () => body.toString('utf8'),
            json: () => JSON.parse(body.toString('utf8')),
          })
        })
      },
    )
    req.on('error', reject)
    if (init.body) req.write(init.body)
    req.end()
  })
}

/** Logs in through the API as `account` and answers its session cookie (`cerdas_session=…`) for later requests. */
export async function sessionCookieFor(
  port: number,
  host: string,
  account: { email: string; password: string },
): Promise<string> {
  const login = await httpRequest(port, host, '/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  })
  const cookie = ([] as string[])
    .concat(login.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0] as string)
    .find((c) => c.startsWith('cerdas_session='))
  if (login.status !== 200 || !cookie) throw new Error(`login on ${host}: ${login.status} ${login.text()}`)
  return cookie
}
