import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { modules } from '@cerdas/registry'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { modulePages, patternOf } from './route-patterns'
import { httpRequest, type RunningServer, sessionCookieFor, startServer } from './server'
import { prepareTobaDataDir } from './toba-fixture'

/**
 * Every page that takes a POST (a Remix route or module page with an action), sent what no form of
 * ours sends, anonymously and with an admin's session: never a 500, always a refusal in the 4xx.
 */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const HOST = 'toba.localhost'
const ADMIN = { email: 'admin.formulir@example.org', password: 'kata-sandi-admin-formulir' }
const FORM = 'application/x-www-form-urlencoded'

let server: RunningServer
let dataDir: string
let adminCookie = ''

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('form-requests', [{ ...ADMIN, grants: [{ role: 'admin', dimension: null }] }])
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
  adminCookie = await sessionCookieFor(server.port, HOST, ADMIN)
}, 90_000)

afterAll(async () => {
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** Remix flat-route file name to a concrete path: dots are slashes, parameters filled with real names. */
function pathOf(pattern: string): string {
  const [module, entity] = [modules[0]?.id ?? 'x', modules[0]?.admin?.entities[0]?.id ?? 'x']
  return pattern
    .replace(':module', module)
    .replace(':entity', entity)
    .replace(/:[a-z]+/g, 'contoh')
    .replace('*', 'contoh')
}

const hasAction = (source: string) =>
  /export\s+(async\s+function|const|function)\s+action\b|export\s*\{[^}]*\baction\b/.test(source)
const routesDir = join(repoRoot, 'apps/web/app/routes')
const POST_PAGES = [
  ...readdirSync(routesDir)
    .filter((f) => f.endsWith('.tsx') && hasAction(readFileSync(join(routesDir, f), 'utf8')))
    .map((file) => ({ source: `app/routes/${file}`, path: pathOf(patternOf(file)) })),
  ...modulePages(modules)
    .filter((page) => hasAction(readFileSync(page.file, 'utf8')))
    .map((page) => ({ source: page.source, path: pathOf(page.pattern) })),
]

const origin = () => server.origin(HOST)
const BOUNDARY = '----cerdas-rusak'
/** Requests no form of ours sends, with the status each must get. */
const BAD_REQUESTS: { name: string; status: number; headers: () => Record<string, string>; body: string }[] = [
  {
    name: 'a JSON body',
    status: 415,
    headers: () => ({ origin: origin(), 'content-type': 'application/json' }),
    body: '{}',
  },
  {
    name: 'a text/plain body',
    status: 415,
    headers: () => ({ origin: origin(), 'content-type': 'text/plain' }),
    body: 'a=1',
  },
  { name: 'no body and no Content-Type', status: 415, headers: () => ({ origin: origin() }), body: '' },
  {
    name: 'a broken multipart body',
    status: 400,
    headers: () => ({ origin: origin(), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }),
    body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"\r\n\r\nisi tanpa akhir`,
  },
  {
    name: 'multipart without a boundary',
    status: 400,
    headers: () => ({ origin: origin(), 'content-type': 'multipart/form-data' }),
    body: 'a=1',
  },
  {
    name: 'an Origin of the same host on another port',
    status: 403,
    headers: () => ({ origin: `http://${HOST}:3900`, 'content-type': FORM }),
    body: 'a=1',
  },
  {
    name: 'Sec-Fetch-Site: same-origin with a foreign Origin',
    status: 403,
    headers: () => ({ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin', 'content-type': FORM }),
    body: 'a=1',
  },
  {
    name: 'Sec-Fetch-Site: none with a foreign Origin',
    status: 403,
    headers: () => ({ origin: 'https://evil.example', 'sec-fetch-site': 'none', 'content-type': FORM }),
    body: 'a=1',
  },
]

describe('pages refuse bodies and origins no form of ours sends with a 4xx, never a 500', () => {
  it('finds the pages that take a POST', () => {
    const sources = POST_PAGES.map((p) => p.source)
    expect(sources).toEqual(
      expect.arrayContaining([
        'app/routes/admin_.masuk.tsx',
        'app/routes/admin_.tautan.$token.tsx',
        'app/routes/admin.token.tsx',
      ]),
    )
    expect(POST_PAGES.length).toBeGreaterThanOrEqual(10)
  })

  for (const bad of BAD_REQUESTS) {
    it(`${bad.name}: ${bad.status} on every page, signed in or not`, async () => {
      for (const page of POST_PAGES) {
        for (const cookie of ['', adminCookie]) {
          for (const path of [page.path, `${page.path}.data`]) {
            const res = await httpRequest(server.port, HOST, path, {
              method: 'POST',
              headers: { ...bad.headers(), ...(cookie ? { cookie } : {}) },
              body: bad.body,
            })
            const label = `${page.source} ${path}${cookie ? ' (signed in)' : ''}: ${res.text().slice(0, 200)}`
            expect(res.status, label).toBe(bad.status)
          }
        }
      }
    }, 60_000)
  }

  it('answers the refusals as a page in the visitor language', async () => {
    const post = (contentType: string, language: string) =>
      httpRequest(server.port, HOST, '/admin/masuk', {
        method: 'POST',
        headers: { origin: origin(), 'content-type': contentType, cookie: `lang=${language}` },
        body: '{}',
      })
    const unsupported = await post('application/json', 'id')
    expect(String(unsupported.headers['content-type'])).toMatch(/^text\/html/)
    expect(unsupported.text()).toContain('Jenis kiriman tidak didukung')
    expect((await post('application/json', 'en')).text()).toContain('Unsupported submission')
    expect((await post('multipart/form-data', 'id')).text()).toContain('Kiriman rusak')
  })

  it('still takes a form with the Origin of the exact host and port, and ignores an untrusted X-Forwarded-Host', async () => {
    const variants: Record<string, string>[] = [
      { origin: origin(), 'content-type': FORM },
      { origin: origin(), 'content-type': `${FORM}; charset=UTF-8` },
      { origin: origin(), 'content-type': FORM, 'x-forwarded-host': 'evil.example' },
    ]
    for (const headers of variants) {
      const res = await httpRequest(server.port, HOST, '/admin/masuk', {
        method: 'POST',
        headers,
        body: new URLSearchParams({ email: ADMIN.email, password: 'bukan-sandinya-123' }).toString(),
      })
      // The login form's own answer to a wrong password.
      expect(res.status, res.text().slice(0, 200)).toBe(401)
    }
  })
})
