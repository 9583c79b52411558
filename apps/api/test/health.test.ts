import { createApiApp, createLogger } from '@cerdas/api'
import { createTestPlatform, expectProblem, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const HOST = 'uji.localhost'

let t: TestPlatform

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('uji')
  await t.createTenant('rusak')
})
afterAll(() => t?.close())

interface Health {
  status: string
  live: boolean
  ready: boolean
  checks: Record<string, { status: string; detail?: string }>
}

/** Points a tenant's database at a directory, which cannot be opened as a database. */
async function breakTenantDatabase(slug: string) {
  const tenant = await t.platform.tenantBySlug(slug)
  if (!tenant) throw new Error(`no tenant ${slug}`)
  await t.platform.controlPlane.$client.execute({
    sql: 'UPDATE tenants SET db_url = ? WHERE slug = ?',
    args: [`file:${t.dataDir}`, slug],
  })
  t.platform.forget(tenant.record)
}

describe('health', () => {
  it('is ready on the platform host, checking the control plane only', async () => {
    const res = await t.request('localhost', '/api/health')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = (await res.json()) as Health
    expect(body).toEqual({ status: 'ok', live: true, ready: true, checks: { controlPlane: { status: 'ok' } } })
  })

  it('checks the tenant database on a tenant host', async () => {
    const res = await t.request(HOST, '/api/health')
    expect(res.status).toBe(200)
    const body = (await res.json()) as Health
    expect(body.checks).toEqual({ controlPlane: { status: 'ok' }, tenantDatabase: { status: 'ok' } })
  })

  it('answers 503 degraded when the tenant database cannot be opened, and other tenants stay healthy', async () => {
    await breakTenantDatabase('rusak')
    const res = await t.request('rusak.localhost', '/api/health')
    expect(res.status).toBe(503)
    const body = (await res.json()) as Health
    expect(body.status).toBe('degraded')
    expect(body.live).toBe(true)
    expect(body.ready).toBe(false)
    expect(body.checks.tenantDatabase?.status).toBe('failed')
    expect((await t.request(HOST, '/api/health')).status).toBe(200)
  })
})

describe('request id', () => {
  it('keeps a safe X-Request-Id and echoes it, in problems too', async () => {
    for (const id of ['abc-123', 'trace.id:42_x', 'A'.repeat(128)]) {
      const res = await t.request(HOST, '/api/v1/announcements/ann_unknown', { headers: { 'x-request-id': id } })
      expect(res.headers.get('x-request-id')).toBe(id)
      expect((await expectProblem(res, 404)).requestId).toBe(id)
    }
  })

  it('replaces an unsafe or missing X-Request-Id with a fresh one', async () => {
    const seen = new Set<string>()
    for (const id of [undefined, '', 'has space', '<script>', 'a/b', 'A'.repeat(129), 'ünïcode']) {
      const headers: Record<string, string> = id === undefined ? {} : { 'x-request-id': id }
      const res = await t.request(HOST, '/api/v1/tenant', { headers })
      expect(res.status).toBe(200)
      const echoed = res.headers.get('x-request-id') ?? ''
      // A fresh id: prefixed, itself safe to log and echo, never the unsafe input.
      expect(echoed, `for ${id}`).toMatch(/^req_[A-Za-z0-9._:-]{8,124}$/)
      expect(echoed).not.toBe(id)
      seen.add(echoed)
    }
    expect(seen.size).toBe(7)
  })

  it('is given to unknown-host and unknown-route answers as well', async () => {
    const unknownHost = await t.request('nowhere.localhost', '/api/v1/tenant', { headers: { 'x-request-id': 'r-1' } })
    expect(unknownHost.headers.get('x-request-id')).toBe('r-1')
    const unknownRoute = await t.request(HOST, '/api/nothing', { headers: { 'x-request-id': 'r-2' } })
    expect(unknownRoute.headers.get('x-request-id')).toBe('r-2')
    expect((await expectProblem(unknownRoute, 404)).requestId).toBe('r-2')
  })
})

describe('structured request log', () => {
  const withLog = (level: 'info' | 'warn' = 'info') => {
    const lines: string[] = []
    const app = createApiApp({
      platform: t.platform,
      logger: createLogger(level, (line) => lines.push(line)),
    })
    const request = (host: string, path: string, init: RequestInit = {}) =>
      app.request(`http://${host}${path}`, { ...init, headers: { host, ...(init.headers as object) } })
    return { lines, request, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) }
  }

  it('writes one JSON line per request with id, method, path, status, tenant and duration', async () => {
    const log = withLog()
    const res = await log.request(HOST, '/api/v1/announcements?limit=1', { headers: { 'x-request-id': 'log-1' } })
    expect(res.status).toBe(200)
    expect(log.lines).toHaveLength(1)
    expect(log.lines[0]).not.toContain('\n')
    const [line] = log.parsed()
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      requestId: 'log-1',
      method: 'GET',
      path: '/api/v1/announcements',
      status: 200,
      tenant: 'uji',
    })
    expect(typeof line?.durationMs).toBe('number')
    expect(line?.durationMs).toBeGreaterThanOrEqual(0)
    expect(new Date(String(line?.time)).toISOString()).toBe(line?.time)
  })

  it('logs refused requests with their status and no tenant for an unknown host', async () => {
    const log = withLog()
    await log.request('nowhere.localhost', '/api/v1/tenant')
    await log.request(HOST, '/api/v1/announcements', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    })
    const [unknown, anonymous] = log.parsed()
    expect(unknown).toMatchObject({ level: 'info', status: 404, path: '/api/v1/tenant' })
    expect(unknown).not.toHaveProperty('tenant')
    expect(anonymous).toMatchObject({ status: 401, method: 'POST', tenant: 'uji' })
  })

  it('logs an unexpected failure at error level with its stack, and answers 500 without one', async () => {
    const log = withLog()
    await t.createTenant('pecah')
    await breakTenantDatabase('pecah')
    const res = await log.request('pecah.localhost', '/api/v1/tenant', { headers: { 'x-request-id': 'boom-1' } })
    const problem = await expectProblem(res, 500)
    expect(problem.requestId).toBe('boom-1')
    expect(JSON.stringify(problem)).not.toContain(t.dataDir)
    const lines = log.parsed()
    const unhandled = lines.find((l) => l.msg === 'unhandled error')
    expect(unhandled).toMatchObject({ level: 'error', requestId: 'boom-1', path: '/api/v1/tenant' })
    expect(JSON.stringify(unhandled)).toContain('stack')
    expect(lines.find((l) => l.msg === 'request')).toMatchObject({ level: 'error', status: 500 })
  })

  it('honours the log level', async () => {
    const log = withLog('warn')
    expect((await log.request(HOST, '/api/v1/tenant')).status).toBe(200)
    expect(log.lines).toEqual([])
  })
})
