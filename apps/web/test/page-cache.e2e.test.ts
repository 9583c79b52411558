import { rmSync } from 'node:fs'
import { createOperatorToken } from '@cerdas/platform'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpRequest, type RunningServer, sessionCookieFor, startServer } from './server'
import { prepareTobaDataDir } from './toba-fixture'

/**
 * Two server processes on one data directory, both caching public pages, and a third with no
 * cache: a write through either must show on the next page of both, identical to the uncached one.
 */
const HOST = 'toba.localhost'
const EDITOR = { email: 'editor@toba.test', password: 'kata-sandi-editor-123', name: 'Editor' }
let first: RunningServer
let second: RunningServer
let uncached: RunningServer
let dataDir: string
let operatorToken = ''

beforeAll(async () => {
  dataDir = await prepareTobaDataDir(
    'page-cache',
    [{ ...EDITOR, grants: [{ role: 'editor', dimension: 'governance' }] }],
    {
      setup: async (platform) => {
        operatorToken = (await createOperatorToken(platform.controlPlane, { name: 'page cache test' })).secret
      },
    },
  )
  ;[first, second, uncached] = await Promise.all([
    startServer({ CERDAS_DATA_DIR: dataDir }),
    startServer({ CERDAS_DATA_DIR: dataDir }),
    startServer({ CERDAS_DATA_DIR: dataDir, CERDAS_READ_CACHE_BYTES: '0' }),
  ])
})

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop(), uncached?.stop()])
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** The page with the one thing that differs per response by design (the request id) blanked. */
const comparable = (html: string) => html.replace(/req_[0-9a-f-]{36}/g, 'req_')

const page = (server: RunningServer, path: string, headers: Record<string, string> = {}) =>
  httpRequest(server.port, HOST, path, { headers })

async function announce(server: RunningServer, title: string) {
  const res = await httpRequest(server.port, HOST, '/api/v1/announcements', {
    method: 'POST',
    headers: { authorization: `Bearer ${operatorToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: { id: title }, body: { id: `Isi ${title}` }, category: 'general' }),
  })
  expect(res.status, res.text()).toBe(201)
}

describe('page cache across processes', () => {
  it('serves a repeated public page from the cache, identical to an uncached render', async () => {
    const miss = await page(first, '/pengumuman')
    const hit = await page(first, '/pengumuman')
    expect(miss.status).toBe(200)
    expect(miss.headers['x-cache']).toBe('MISS')
    expect(hit.headers['x-cache']).toBe('HIT')
    expect(hit.headers['x-request-id']).not.toBe(miss.headers['x-request-id'])
    expect(comparable(hit.text())).toBe(comparable((await page(uncached, '/pengumuman')).text()))
    const revalidated = await page(first, '/pengumuman', { 'if-none-match': String(hit.headers.etag) })
    expect(revalidated.status).toBe(304)
  })

  it('shows a write made through another process on the very next page', async () => {
    await page(first, '/pengumuman')
    expect((await page(first, '/pengumuman')).headers['x-cache']).toBe('HIT')
    await announce(second, 'Perbaikan dermaga Ajibata')
    const after = await page(first, '/pengumuman')
    expect(after.headers['x-cache']).toBe('MISS')
    expect(after.text()).toContain('Perbaikan dermaga Ajibata')
    expect(comparable(after.text())).toBe(comparable((await page(uncached, '/pengumuman')).text()))
  })

  it('keeps pages apart by language, and never caches what a signed-in editor sees', async () => {
    const english = await page(first, '/pengumuman', { cookie: 'lang=en' })
    const indonesian = await page(first, '/pengumuman')
    expect(english.text()).not.toBe(indonesian.text())
    expect(english.headers['content-language'] ?? english.text()).toMatch(/en/)
    const cookie = await sessionCookieFor(first.port, HOST, { email: EDITOR.email, password: EDITOR.password })
    const signedIn = await page(first, '/pengumuman', { cookie })
    expect(signedIn.headers['x-cache']).toBeUndefined()
  })
})
