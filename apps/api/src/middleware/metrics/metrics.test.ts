import { createTestPlatform, TEST_OPERATOR_TOKEN, type TestPlatform } from '@cerdas/testing'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listenForMetrics } from '../../metrics-listener'
import { createMetricsRegistry } from './registry'
import { requestMetrics, UNMATCHED_ROUTE } from './request-metrics'

const TENANT_HOST = 'metrik.localhost'
const PLATFORM_HOST = 'localhost'

let t: TestPlatform

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('metrik')
})
afterAll(() => t?.close())

interface Sample {
  name: string
  labels: Record<string, string>
  value: number
}

// The text exposition format: comments, then `name{label="value",...} number` per line.
const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.e+-]+|NaN|\+Inf|-Inf)$/
const LABEL_PAIR = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g

/** Parses an exposition, failing on any line that is neither a comment nor a sample. */
function parseExposition(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('# HELP ') && !line.startsWith('# TYPE '))
    .map((line) => {
      const match = SAMPLE_LINE.exec(line)
      if (!match) throw new Error(`not a sample line: ${line}`)
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(LABEL_PAIR)].map((m) => [m[1], m[2]]))
      return { name: match[1] as string, labels, value: Number(match[3]) }
    })
}

async function scrape(): Promise<Sample[]> {
  const res = await t.request(PLATFORM_HOST, '/metrics', { token: TEST_OPERATOR_TOKEN })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
  return parseExposition(await res.text())
}

const sampleValue = (samples: Sample[], name: string, labels: Record<string, string>) =>
  samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value ?? 0

describe('/metrics', () => {
  it('answers a tenant host with its usual 404, with or without the operator token', async () => {
    for (const token of [null, TEST_OPERATOR_TOKEN]) {
      const res = await t.request(TENANT_HOST, '/metrics', { token })
      const other = await t.request(TENANT_HOST, '/no-such-path', { token })
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toBe(other.headers.get('content-type'))
      expect(await res.text()).toBe((await other.text()).replaceAll('/no-such-path', '/metrics'))
    }
  })

  it('refuses the platform host without a token or with one that is not an operator token', async () => {
    const none = await t.request(PLATFORM_HOST, '/metrics')
    expect(none.status).toBe(401)
    expect(none.headers.get('content-type')).toBe('application/problem+json')
    expect(none.headers.get('www-authenticate')).toBe('Bearer')
    const wrong = await t.request(PLATFORM_HOST, '/metrics', { token: 'cerdas_op_not-a-real-token-0123456789abcdef' })
    expect(wrong.status).toBe(401)
  })

  it('counts a request under its route pattern, method and status, never the raw path', async () => {
    const labels = { route: '/api/v1/announcements/:id', method: 'GET', status: '404' }
    const before = sampleValue(await scrape(), 'cerdas_http_requests_total', labels)
    expect((await t.request(TENANT_HOST, '/api/v1/announcements/ann_nothing')).status).toBe(404)
    expect((await t.request(TENANT_HOST, '/api/v1/announcements/ann_nothing_either')).status).toBe(404)
    const after = await scrape()
    expect(sampleValue(after, 'cerdas_http_requests_total', labels)).toBe(before + 2)
    const routes = after.filter((s) => s.name === 'cerdas_http_requests_total').map((s) => s.labels.route)
    expect(routes.some((r) => r?.includes('ann_nothing'))).toBe(false)
  })

  it('labels a path no route matches as unmatched', async () => {
    const labels = { route: UNMATCHED_ROUTE, method: 'GET', status: '404' }
    const before = sampleValue(await scrape(), 'cerdas_http_requests_total', labels)
    await t.request(TENANT_HOST, '/api/v1/no-such-collection/xyz')
    expect(sampleValue(await scrape(), 'cerdas_http_requests_total', labels)).toBe(before + 1)
  })

  it('keeps a latency histogram per route with cumulative buckets, a sum and a count', async () => {
    await t.request(TENANT_HOST, '/api/v1/announcements')
    const samples = await scrape()
    const labels = { route: '/api/v1/announcements', method: 'GET', status: '200' }
    const buckets = samples.filter(
      (s) =>
        s.name === 'cerdas_http_request_duration_seconds_bucket' &&
        Object.entries(labels).every(([k, v]) => s.labels[k] === v),
    )
    expect(buckets.map((b) => b.labels.le)).toEqual([
      '0.005',
      '0.01',
      '0.025',
      '0.05',
      '0.1',
      '0.25',
      '0.5',
      '1',
      '2.5',
      '5',
      '10',
      '+Inf',
    ])
    const counts = buckets.map((b) => b.value)
    expect(counts).toEqual([...counts].sort((a, b) => a - b))
    const count = sampleValue(samples, 'cerdas_http_request_duration_seconds_count', labels)
    expect(count).toBeGreaterThanOrEqual(1)
    expect(counts.at(-1)).toBe(count)
    expect(sampleValue(samples, 'cerdas_http_request_duration_seconds_sum', labels)).toBeGreaterThan(0)
  })

  it('reports the process: memory, CPU, descriptors and event-loop delay', async () => {
    const names = new Set((await scrape()).map((s) => s.name))
    for (const name of [
      'process_resident_memory_bytes',
      'process_cpu_seconds_total',
      'process_open_fds',
      'nodejs_heap_bytes',
      'nodejs_eventloop_delay_seconds',
    ]) {
      expect(names).toContain(name)
    }
  })
})

describe('metrics registry', () => {
  it('prints what a collector reports at scrape time, skips one that fails and counts it', async () => {
    const registry = createMetricsRegistry()
    let open = 3
    registry.addCollector(() => [
      {
        name: 'cerdas_open_tenant_databases',
        help: 'Open tenant databases.',
        type: 'gauge',
        values: [{ value: open }],
      },
    ])
    registry.addCollector(() => {
      throw new Error('broken collector')
    })
    registry.addCollector(() => [{ name: 'bad name', help: '', type: 'gauge', values: [{ value: 1 }] }])
    open = 5
    const samples = parseExposition(await registry.render())
    expect(sampleValue(samples, 'cerdas_open_tenant_databases', {})).toBe(5)
    expect(sampleValue(samples, 'cerdas_metrics_collector_errors_total', {})).toBe(2)
  })

  it('escapes label values so a quote or newline cannot break the format', async () => {
    const registry = createMetricsRegistry()
    registry.counter('odd_total', 'Odd labels.').inc({ route: 'a"b\\c\nd' })
    const text = await registry.render()
    expect(text).toContain('odd_total{route="a\\"b\\\\c\\nd"} 1')
    expect(() => parseExposition(text)).not.toThrow()
  })

  it('times a request through any Hono app with the route it gives', async () => {
    const registry = createMetricsRegistry()
    const app = new Hono()
    app.use(
      '*',
      requestMetrics(registry, () => 'page/route'),
    )
    app.get('/x', (c) => c.text('ok'))
    await app.request('/x')
    await app.request('/x')
    const samples = parseExposition(await registry.render())
    expect(sampleValue(samples, 'cerdas_http_requests_total', { route: 'page/route', status: '200' })).toBe(2)
  })
})

describe('loopback metrics listener', () => {
  it('serves /metrics without a token on 127.0.0.1 and nothing else', async () => {
    const registry = createMetricsRegistry()
    registry.counter('probe_total', 'A probe.').inc({})
    const server = await listenForMetrics(registry, 0)
    try {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      expect(typeof address === 'object' && address?.address).toBe('127.0.0.1')
      const res = await fetch(`http://127.0.0.1:${port}/metrics`)
      expect(res.status).toBe(200)
      expect(sampleValue(parseExposition(await res.text()), 'probe_total', {})).toBe(1)
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(404)
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
