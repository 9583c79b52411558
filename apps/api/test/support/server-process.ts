import { type ChildProcess, spawn } from 'node:child_process'
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { REPO_ROOT, TEMPLATES_DIR } from '@cerdas/testing'

export interface ApiServerProcess {
  port: number
  /** What the process printed, for failure messages. */
  output(): string
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

/** Starts the standalone API server (apps/api/src/server.ts) on a data directory and waits for it to answer. */
export async function startApiServer(dataDir: string, env: Record<string, string> = {}): Promise<ApiServerProcess> {
  const port = await freePort()
  const printed: string[] = []
  const child: ChildProcess = spawn(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['apps/api/src/server.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      CERDAS_DATA_DIR: dataDir,
      CERDAS_TEMPLATES_DIR: TEMPLATES_DIR,
      PORT: String(port),
      HOST: '127.0.0.1',
      CERDAS_LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d) => printed.push(String(d)))
  child.stderr?.on('data', (d) => printed.push(String(d)))
  const output = () => printed.join('')
  const deadline = Date.now() + 45_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output()}`)
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (up) break
    if (Date.now() > deadline) throw new Error(`server on ${port} did not start: ${output()}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    port,
    output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

export interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
  /** Whether the request went over a socket an earlier request had used. */
  reusedSocket: boolean
}

export interface SendInit {
  method?: string
  headers?: Record<string, string>
  body?: string | Buffer
  /** Send the body without Content-Length, in 64 KiB chunks. */
  chunked?: boolean
}

/**
 * Requests over a small pool of keep-alive sockets, as a proxy or a browser sends them. Every
 * error on a socket, also one that comes between requests, is kept in `connectionErrors`.
 */
export class KeepAliveClient {
  readonly agent: Agent
  readonly connectionErrors: string[] = []
  private readonly watched = new WeakSet<object>()

  constructor(
    readonly port: number,
    readonly host: string,
    sockets = 2,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets })
  }

  send(path: string, init: SendInit = {}): Promise<Answer> {
    const method = init.method ?? 'GET'
    const body = typeof init.body === 'string' ? Buffer.from(init.body) : init.body
    const headers: Record<string, string> = { host: this.host, ...init.headers }
    if (body && !init.chunked) headers['content-length'] = String(body.length)
    // Said outright: Node frames a DELETE's body only when asked to.
    if (body && init.chunked) headers['transfer-encoding'] = 'chunked'
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: this.port, method, path, headers, agent: this.agent })
      req.on('socket', (socket) => {
        if (this.watched.has(socket)) return
        this.watched.add(socket)
        socket.on('error', (error: NodeJS.ErrnoException) =>
          this.connectionErrors.push(`${method} ${path.slice(0, 80)}: ${error.code ?? error.message}`),
        )
      })
      req.on('response', (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            reusedSocket: req.reusedSocket,
          }),
        )
        res.on('error', reject)
      })
      req.on('error', (error: NodeJS.ErrnoException) => {
        this.connectionErrors.push(`${method} ${path.slice(0, 80)}: ${error.code ?? error.message}`)
        reject(error)
      })
      if (body && init.chunked) {
        for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024))
      } else if (body) req.write(body)
      req.end()
    })
  }

  close(): void {
    this.agent.destroy()
  }
}
