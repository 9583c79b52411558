import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApiApp } from '@cerdas/api'
import { problemType } from '@cerdas/core'
import { createUser, DEFAULT_THROTTLE, hashPassword } from '@cerdas/identity'
import { createPlatform, createTenant, type Platform } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import { createTestPlatform, createTestUser, REPO_ROOT, TEMPLATES_DIR, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const HOST = 'toba.localhost'
const PASSWORD = 'sandi-yang-benar-123'
const WRONG = 'sandi-yang-salah-999'
const TOO_MANY = problemType('tooManyRequests')
const LIMIT = DEFAULT_THROTTLE.limits.accountAtAddress
const { address: ADDRESS_LIMIT, account: ACCOUNT_LIMIT } = DEFAULT_THROTTLE.limits

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Record<string, unknown>
}

/** Checks a 429 answer: a problem naming when to come back, in the body and in Retry-After. */
function expectThrottled(answer: Answer, label: string) {
  expect(answer.status, `${label}: ${JSON.stringify(answer.body)}`).toBe(429)
  expect(String(answer.headers['content-type'])).toMatch(/^application\/problem\+json/)
  expect(answer.body.type).toBe(TOO_MANY)
  const retryAfter = Number(answer.body.retryAfter)
  expect(retryAfter).toBeGreaterThan(0)
  expect(retryAfter).toBeLessThanOrEqual(DEFAULT_THROTTLE.maxDelayMs / 1000)
  expect(Number(answer.headers['retry-after'])).toBe(retryAfter)
  expect(String(answer.body.detail)).toMatch(/\d+ minutes/)
}

describe('login throttling in one process', () => {
  let t: TestPlatform
  let trusting: ReturnType<typeof createApiApp>
  let n = 0
  const newUser = async () => {
    const email = `petugas-${++n}@toba.example`
    await createTestUser(t, 'toba', { email, password: PASSWORD })
    return email
  }
  const login = async (
    email: string,
    password: string,
    headers: Record<string, string> = {},
    app: ReturnType<typeof createApiApp> = t.app,
  ): Promise<Answer> => {
    const res = await app.request(`http://${HOST}/api/v1/auth/login`, {
      method: 'POST',
      headers: { host: HOST, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email, password }),
    })
    return {
      status: res.status,
      headers: Object.fromEntries(res.headers.entries()),
      body: (await res.json()) as Record<string, unknown>,
    }
  }

  beforeAll(async () => {
    t = await createTestPlatform()
    await t.createTenant('toba')
    trusting = createApiApp({ platform: t.platform, trustProxy: true })
  })
  afterAll(() => t?.close())

  it(`delays an account at one address after ${LIMIT} failures, even for the right password, and not elsewhere`, async () => {
    const email = await newUser()
    const other = await newUser()
    for (let i = 1; i <= LIMIT; i++) {
      const answer = await login(email, WRONG)
      expect(answer.status, `failure ${i}`).toBe(401)
    }
    expectThrottled(await login(email, WRONG), 'one failure too many')
    expect((await login(email, WRONG)).body.retryAfter).toBe(DEFAULT_THROTTLE.firstDelayMs / 1000)
    expectThrottled(await login(email, PASSWORD), 'the right password while waiting')
    // Case and spaces do not make another account of it.
    expectThrottled(await login(` ${email.toUpperCase()} `, PASSWORD), 'the same email written differently')
    // The owner at another address (behind a trusted proxy) is not locked out by the attack.
    expect((await login(email, PASSWORD, { 'x-forwarded-for': '192.0.2.50' }, trusting)).status).toBe(200)
    expect((await login(other, PASSWORD)).status).toBe(200)
  })

  it('a success before the limit starts the count again', async () => {
    const email = await newUser()
    for (let i = 1; i < LIMIT; i++) expect((await login(email, WRONG)).status).toBe(401)
    expect((await login(email, PASSWORD)).status).toBe(200)
    for (let i = 1; i < LIMIT; i++) expect((await login(email, WRONG)).status, `failure ${i} after`).toBe(401)
    expect((await login(email, PASSWORD)).status).toBe(200)
  })

  it(`delays an address (behind a trusted proxy) after ${ADDRESS_LIMIT} failures spread over accounts`, async () => {
    const ip = { 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }
    for (let i = 1; i <= ADDRESS_LIMIT; i++) {
      const answer = await login(await newUser(), WRONG, ip, trusting)
      expect(answer.status, `failure ${i}`).toBe(401)
    }
    const fresh = await newUser()
    expectThrottled(await login(fresh, PASSWORD, ip, trusting), 'a fresh account from the waiting address')
    expectThrottled(await login('nobody@toba.example', WRONG, ip, trusting), 'an unknown account from it')
    // The same account from another address is fine.
    expect((await login(fresh, PASSWORD, { 'x-forwarded-for': '203.0.113.8' }, trusting)).status).toBe(200)
  })

  it('counts unknown accounts like known ones (no hint which emails exist)', async () => {
    const ip = { 'x-forwarded-for': '203.0.113.99' }
    const unknown = `tidak-ada-${n}@toba.example`
    const first = await login(unknown, WRONG, ip, trusting)
    const known = await login(await newUser(), WRONG, ip, trusting)
    expect(first.status).toBe(401)
    expect(known.status).toBe(401)
    expect(first.body.detail).toBe(known.body.detail)
    for (let i = 2; i <= ACCOUNT_LIMIT; i++)
      expect((await login(unknown, WRONG, { 'x-forwarded-for': `198.51.100.${i}` }, trusting)).status).toBe(401)
    expectThrottled(await login(unknown, WRONG, { 'x-forwarded-for': '198.51.100.200' }, trusting), 'unknown account')
  })

  it('refuses an email over 254 characters as invalid input (422 problem)', async () => {
    const answer = await login(`${'a'.repeat(250)}@toba.example`, WRONG)
    expect(answer.status).toBe(422)
    expect(String(answer.headers['content-type'])).toMatch(/^application\/problem\+json/)
  })
})

// ---------------------------------------------------------------------------
// Two (and a third, proxy-trusting) real server processes on one data directory.

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

interface Server {
  port: number
  child: ChildProcess
  output: string[]
}

async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort()
  const output: string[] = []
  const child = spawn(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['apps/api/src/server.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      CERDAS_DATA_DIR: dataDir,
      CERDAS_TEMPLATES_DIR: TEMPLATES_DIR,
      PORT: String(port),
      HOST: '127.0.0.1',
      CERDAS_LOG_LEVEL: 'silent',
      CERDAS_TRUST_PROXY: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d) => output.push(String(d)))
  child.stderr?.on('data', (d) => output.push(String(d)))
  const server = { port, child, output }
  const deadline = Date.now() + 45_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output.join('')}`)
    try {
      const answer = await send(server, 'GET', '/api/v1/tenant')
      if (answer.status === 200) return server
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server on ${port} did not start: ${output.join('')}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** A request over a real socket from 127.0.0.1, addressed to the tenant's host. */
function send(server: Server, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body)
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path,
        headers: {
          host: HOST,
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : {} })
        })
      },
    )
    req.on('error', reject)
    if (payload) req.write(payload)
    req.end()
  })
}

describe('login throttling across server processes sharing the tenant database', () => {
  let dataDir: string
  let platform: Platform
  let a: Server
  let b: Server
  let trusting: Server
  const emails: string[] = []
  const login = (server: Server, email: string, password: string, headers: Record<string, string> = {}) =>
    send(server, 'POST', '/api/v1/auth/login', { email, password }, headers)

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cerdas-throttle-'))
    platform = await createPlatform({ dataDir, templatesDir: TEMPLATES_DIR, platformHost: 'localhost', modules })
    await createTenant(platform, { slug: 'toba', template: 'kabupaten', name: 'Kabupaten Toba', seed: false })
    const tenant = await platform.tenantBySlug('toba')
    if (!tenant) throw new Error('toba missing')
    const db = await platform.tenantDb(tenant.record)
    const hash = await hashPassword(PASSWORD)
    for (let i = 0; i < 6; i++) {
      const email = `proses-${i}@toba.example`
      await createUser(db, { email, name: `Proses ${i}`, grants: [], passwordHash: hash }, new Date())
      emails.push(email)
    }
    ;[a, b, trusting] = await Promise.all([
      startServer(dataDir),
      startServer(dataDir),
      startServer(dataDir, { CERDAS_TRUST_PROXY: 'true' }),
    ])
  }, 90_000)
  afterAll(() => {
    for (const server of [a, b, trusting]) server?.child.kill()
    platform?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('both processes serve the tenant and accept the right password', async () => {
    expect(a.port).not.toBe(b.port)
    expect((await login(a, emails[0] as string, PASSWORD)).status).toBe(200)
    expect((await login(b, emails[0] as string, PASSWORD)).status).toBe(200)
  })

  it(`counts failures split between the processes: the ${LIMIT + 1}th attempt is a 429 on either`, async () => {
    const email = emails[1] as string
    for (let i = 1; i <= LIMIT; i++) {
      const server = i % 2 === 1 ? a : b
      const answer = await login(server, email, WRONG)
      expect(answer.status, `failure ${i} on ${server === a ? 'A' : 'B'}`).toBe(401)
    }
    expectThrottled(await login(a, email, WRONG), 'next attempt on A')
    expectThrottled(await login(b, email, WRONG), 'next attempt on B')
    expectThrottled(await login(b, email, PASSWORD), 'right password on B while blocked')
    expectThrottled(await login(a, email, PASSWORD), 'right password on A while blocked')
  })

  it("the socket address is not blocked for other accounts by one account's failures", async () => {
    expect((await login(a, emails[2] as string, PASSWORD)).status).toBe(200)
    expect((await login(b, emails[2] as string, PASSWORD)).status).toBe(200)
  })

  it('ignores X-Forwarded-For without CERDAS_TRUST_PROXY (the socket address counts)', async () => {
    const answer = await login(a, emails[1] as string, PASSWORD, { 'x-forwarded-for': '198.51.100.23' })
    expectThrottled(answer, 'X-Forwarded-For on an untrusting process')
  })

  it('honours X-Forwarded-For with CERDAS_TRUST_PROXY: the owner elsewhere is not locked out', async () => {
    // Without the header the socket address (waiting for this account) is used.
    expectThrottled(await login(trusting, emails[1] as string, PASSWORD), 'no X-Forwarded-For behind the proxy')
    expect((await login(trusting, emails[1] as string, PASSWORD, { 'x-forwarded-for': '198.51.100.24' })).status).toBe(
      200,
    )
  })

  it('30 parallel wrong passwords over both processes: at most the limit are checked; the owner gets in', async () => {
    const email = emails[3] as string
    const attacker = { 'x-forwarded-for': '203.0.113.66' }
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login([a, b, trusting][i % 3] as Server, email, WRONG, attacker)),
    )
    const statuses = answers.map((answer) => answer.status)
    // a and b see 127.0.0.1, the proxy-trusting process the attacker's address: two addresses, one account.
    const checked = statuses.filter((status) => status === 401).length
    expect(checked, statuses.join(' ')).toBeLessThanOrEqual(2 * LIMIT)
    expect(statuses.filter((status) => status !== 401 && status !== 429)).toEqual([])
    for (const refused of answers.filter((answer) => answer.status === 429)) {
      expectThrottled(refused, 'parallel attempt')
      // The wait is bounded: the first delay, not a lockout. A request that began before another
      // process started the delay counts from its own earlier start, so up to a second more.
      expect(Number(refused.body.retryAfter)).toBeLessThanOrEqual(DEFAULT_THROTTLE.firstDelayMs / 1000 + 1)
    }
    // The owner, from an address of their own, logs in at once.
    expect((await login(trusting, email, PASSWORD, { 'x-forwarded-for': '198.51.100.77' })).status).toBe(200)
  })

  it('an attack from 4 addresses in parallel delays a fresh address, not the owner at a known one', async () => {
    const email = emails[5] as string
    const from = (ip: string) => ({ 'x-forwarded-for': ip })
    expect((await login(trusting, email, PASSWORD, from('127.0.0.9'))).status).toBe(200)
    const attackers = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5']
    const answers = await Promise.all(
      attackers.flatMap((ip) => Array.from({ length: 2 * LIMIT }, () => login(trusting, email, WRONG, from(ip)))),
    )
    const statuses = answers.map((answer) => answer.status)
    // Exactly the limit at each address, which together reach the account-wide limit.
    expect(statuses.filter((status) => status === 401).length, statuses.join(' ')).toBe(attackers.length * LIMIT)
    expect(attackers.length * LIMIT).toBe(ACCOUNT_LIMIT)
    expectThrottled(await login(trusting, email, PASSWORD, from('127.0.0.6')), 'a fresh address after the attack')
    expect((await login(trusting, email, PASSWORD, from('127.0.0.9'))).status).toBe(200)
  })

  it('30 parallel wrong passwords from one address over both processes: exactly the limit are checked', async () => {
    const email = emails[4] as string
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login(i % 2 === 0 ? a : b, email, WRONG)))
    const statuses = answers.map((answer) => answer.status)
    expect(statuses.filter((status) => status === 401).length, statuses.join(' ')).toBe(LIMIT)
    expect(statuses.filter((status) => status === 429).length, statuses.join(' ')).toBe(30 - LIMIT)
  })
})
