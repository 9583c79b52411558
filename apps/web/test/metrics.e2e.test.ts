import { rmSync } from 'node:fs'
import { createOperatorToken } from '@cerdas/platform'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, httpRequest, type RunningServer, startServer } from './server'
import { prepareTobaDataDir } from './toba-fixture'

/**
 * The real server counts pages and API requests in one registry, shows it on the platform host
 * to an operator token and on a loopback listener, and nowhere on a tenant's site.
 */
let server: RunningServer
let dataDir: string
let operatorToken = ''
let metricsPort: number

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('metrics', [], {
    setup: async (platform) => {
      operatorToken = (await createOperatorToken(platform.controlPlane, { name: 'prometheus' })).secret
    },
  })
  metricsPort = await freePort()
  server = await startServer({ CERDAS_DATA_DIR: dataDir, CERDAS_METRICS_PORT: String(metricsPort) })
})

afterAll(async () => {
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/

/** The value of the sample with exactly these labels (0 when absent); every line must parse. */
function sampleIn(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',')
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# ')) continue
    const match = SAMPLE.exec(line)
    if (!match) throw new Error(`not a sample line: ${line}`)
    if (match[1] === name && (match[2] ?? '') === wanted) return Number(match[3])
  }
  return 0
}

async function scrapeLoopback(): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`)
  expect(res.status).toBe(200)
  return res.text()
}

describe('metrics on the real server', () => {
  it('counts a page under its Remix route id and an API request under its route pattern', async () => {
    const page = { route: 'services/layanan/:slug', method: 'GET', status: '200' }
    const api = { route: '/api/v1/announcements', method: 'GET', status: '200' }
    const before = await scrapeLoopback()
    expect((await httpRequest(server.port, 'toba.localhost', '/layanan/ktp-el-baru')).status).toBe(200)
    expect((await httpRequest(server.port, 'toba.localhost', '/api/v1/announcements')).status).toBe(200)
    const after = await scrapeLoopback()
    expect(sampleIn(after, 'cerdas_http_requests_total', page)).toBe(
      sampleIn(before, 'cerdas_http_requests_total', page) + 1,
    )
    expect(sampleIn(after, 'cerdas_http_requests_total', api)).toBe(
      sampleIn(before, 'cerdas_http_requests_total', api) + 1,
    )
    expect(after).not.toContain('ktp-el-baru')
    expect(sampleIn(after, 'cerdas_http_request_duration_seconds_count', page)).toBeGreaterThanOrEqual(1)
    expect(sampleIn(after, 'process_open_fds', {})).toBeGreaterThan(0)
  })

  it('answers /metrics on a tenant host with the site’s own 404 page, token or not', async () => {
    const other = await httpRequest(server.port, 'toba.localhost', '/tidak-ada-halaman-ini')
    for (const headers of [{}, { authorization: `Bearer ${operatorToken}` }] as Record<string, string>[]) {
      const res = await httpRequest(server.port, 'toba.localhost', '/metrics', { headers })
      expect(res.status).toBe(404)
      expect(res.headers['content-type']).toBe(other.headers['content-type'])
      expect(res.text()).not.toContain('cerdas_http_requests_total')
    }
  })

  it('serves the platform host only to a platform operator token', async () => {
    expect((await httpRequest(server.port, 'localhost', '/metrics')).status).toBe(401)
    const res = await httpRequest(server.port, 'localhost', '/metrics', {
      headers: { authorization: `Bearer ${operatorToken}` },
    })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/)
    expect(res.text()).toContain('# TYPE cerdas_http_requests_total counter')
  })
})
