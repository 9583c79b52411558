import { type ChildProcess, spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createOperatorToken, createPlatform } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, httpRequest } from './server'
import { prepareTobaDataDir } from './toba-fixture'

/**
 * SIGTERM on the built server (plain `node apps/web/build/server.mjs`, as deployed): it refuses new
 * connections at once, lets the writes in flight finish and answer, closes its databases and exits
 * 0; every write it acknowledged is in the database afterwards.
 */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const HOST = 'toba.localhost'
const OPERATOR = 'cerdas_op_graceful-shutdown-token-0123456789'
const CONCURRENT_WRITES = 20

let dataDir: string
let port: number
let child: ChildProcess
let output = ''

const announcement = (title: string) =>
  JSON.stringify({ title: { id: title }, body: { id: 'Isi pengumuman' }, category: 'general' })

const writeHeaders = (body: string) => ({
  'content-type': 'application/json',
  'content-length': String(Buffer.byteLength(body)),
  authorization: `Bearer ${OPERATOR}`,
  host: `${HOST}:${port}`,
})

interface Answer {
  status: number
  id: string | undefined
}

/**
 * A write whose body arrives in two parts: resolves `started` once the server has taken the
 * request (its 100 Continue), and sends the rest only when `finish()` is called.
 */
function slowWrite(title: string) {
  const body = announcement(title)
  let started!: () => void
  const serverHasIt = new Promise<void>((resolve) => {
    started = resolve
  })
  const req = request({
    host: '127.0.0.1',
    port,
    path: '/api/v1/announcements',
    method: 'POST',
    headers: { ...writeHeaders(body), expect: '100-continue' },
  })
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        resolve({
          status: res.statusCode ?? 0,
          id: res.statusCode === 201 ? (JSON.parse(text) as { id: string }).id : undefined,
        })
      })
    })
    req.on('error', reject)
  })
  req.on('continue', () => {
    req.write(body.slice(0, 20))
    started()
  })
  req.flushHeaders()
  return { serverHasIt, answer, finish: () => req.end(body.slice(20)) }
}

async function write(title: string): Promise<Answer> {
  const body = announcement(title)
  const res = await httpRequest(port, HOST, '/api/v1/announcements', {
    method: 'POST',
    headers: writeHeaders(body),
    body,
  })
  return {
    status: res.status,
    id: res.status === 201 ? (res.json() as { id: string }).id : undefined,
  }
}

/** Whether a new TCP connection to the server is refused. */
const refused = () =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'))
  })

const exited = () =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode)
    else child.once('exit', (code) => resolve(code))
  })

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${output}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('graceful-shutdown', [], {
    setup: async (platform) => {
      await createOperatorToken(platform.controlPlane, { name: 'shutdown test', secret: OPERATOR })
    },
  })
  port = await freePort()
  child = spawn(process.execPath, [join(repoRoot, 'apps/web/build/server.mjs')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      CERDAS_DATA_DIR: dataDir,
      CERDAS_TEMPLATES_DIR: join(repoRoot, 'templates'),
      CERDAS_PLATFORM_HOST: 'localhost',
      CERDAS_LOG_LEVEL: 'info',
      CERDAS_SHUTDOWN_TIMEOUT_MS: '30000',
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  await until('the server to answer', async () => {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`)
    return fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
  })
})

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL')
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('SIGTERM on the built server', () => {
  it('finishes the writes in flight, refuses new connections, keeps every acknowledged write and exits 0', async () => {
    const warmUp = await write('Sebelum berhenti')
    expect(warmUp.status, output).toBe(201)

    // Writes the server has taken in (their headers read) whose bodies are still coming.
    const slow = Array.from({ length: CONCURRENT_WRITES }, (_, i) => slowWrite(`Bersamaan ${i}`))
    await Promise.all(slow.map((w) => w.serverHasIt))
    const [first, second] = [slow.slice(0, CONCURRENT_WRITES / 2), slow.slice(CONCURRENT_WRITES / 2)]
    // Half of them complete now, so they are being written when the signal comes.
    for (const w of first) w.finish()
    // And some sent as the signal comes: acknowledged or refused, but never acknowledged and lost.
    const racing = Array.from({ length: 5 }, (_, i) => write(`Berpacu ${i}`).catch(() => undefined))
    child.kill('SIGTERM')
    await until('the server to start stopping', () => output.includes('"msg":"stopping"'))
    await until('new connections to be refused', refused)
    // Still running: the other half holds it until their bodies have arrived.
    expect(child.exitCode).toBeNull()

    for (const w of second) w.finish()
    const answers = await Promise.all(slow.map((w) => w.answer))
    // Each write in flight was allowed to finish and answered.
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201))
    const acknowledged = [
      warmUp,
      ...answers,
      ...(await Promise.all(racing)).filter((a): a is Answer => a?.status === 201),
    ]
    expect(await exited(), output).toBe(0)

    const platform = await createPlatform({
      dataDir,
      templatesDir: join(repoRoot, 'templates'),
      platformHost: 'localhost',
      modules,
    })
    try {
      const toba = await platform.tenantBySlug('toba')
      if (!toba) throw new Error('tenant toba is missing')
      const db = await platform.tenantDb(toba.record)
      const stored = new Set(
        (await db.$client.execute('SELECT id FROM announcements_items')).rows.map((row) => String(row.id)),
      )
      for (const answer of acknowledged) expect(stored).toContain(answer.id)
    } finally {
      platform.close()
    }
  })
})
