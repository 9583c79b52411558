import { rmSync } from 'node:fs'
import { createApiToken } from '@cerdas/identity'
import { createOperatorToken, type PlatformOverview } from '@cerdas/platform'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpRequest, type RunningServer, startServer } from './server'
import { prepareTobaDataDir } from './toba-fixture'

/**
 * The real server answers the operators' view on the platform host to an operator token only,
 * and a tenant's site answers its own 404 page for it, whatever token is sent.
 */
let server: RunningServer
let dataDir: string
let operatorToken = ''
let tobaToken = ''

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('operator-tenants', [], {
    setup: async (platform) => {
      operatorToken = (await createOperatorToken(platform.controlPlane, { name: 'operator' })).secret
      const toba = await platform.tenantBySlug('toba')
      if (!toba) throw new Error('no toba')
      const db = await platform.tenantDb(toba.record)
      const grants = [{ role: 'admin' as const, dimension: null }]
      tobaToken = (await createApiToken(db, { name: 'admin', grants, expiresAt: null }, 'test', new Date())).secret
    },
  })
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
})

afterAll(async () => {
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('the operators’ view on the real server', () => {
  it('answers the overview as JSON to an operator token on the platform host', async () => {
    const res = await httpRequest(server.port, 'localhost', '/operator/tenants?concurrency=2', {
      headers: { authorization: `Bearer ${operatorToken}` },
    })
    expect(res.status, res.text()).toBe(200)
    const view = JSON.parse(res.text()) as PlatformOverview
    expect(view.tenants.map((t) => [t.slug, t.outcome])).toEqual([['toba', 'ok']])
    expect(view.tenants[0]?.totals?.records).toBeGreaterThan(0)
  })

  it('answers 401 on the platform host without an operator token, Toba’s own included', async () => {
    for (const headers of [{}, { authorization: `Bearer ${tobaToken}` }] as Record<string, string>[]) {
      const res = await httpRequest(server.port, 'localhost', '/operator/tenants', { headers })
      expect(res.status).toBe(401)
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
      expect(res.text()).not.toContain('"tenants"')
    }
  })

  it('is the site’s own 404 page on a tenant host, with any token', async () => {
    const other = await httpRequest(server.port, 'toba.localhost', '/tidak-ada-halaman-ini')
    for (const token of [operatorToken, tobaToken]) {
      const res = await httpRequest(server.port, 'toba.localhost', '/operator/tenants', {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(res.status).toBe(404)
      expect(res.headers['content-type']).toBe(other.headers['content-type'])
      expect(res.text()).not.toContain('"tenants"')
    }
  })
})
