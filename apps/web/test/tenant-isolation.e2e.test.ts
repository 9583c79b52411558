import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createUser, hashPassword } from '@cerdas/identity'
import { consoleEntities, createOperatorToken, createPlatform, createTenant } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { modulePages, patternOf } from './route-patterns'
import { type HttpResult, httpRequest, type RunningServer, startServer } from './server'

/**
 * Every web page of toba — the Remix routes in app/routes (the admin console
 * included) and every module page — requested with samosir's admin session
 * cookie, its route parameters filled with samosir's real ids and slugs, plus
 * samosir's one-time links. Each answer is a refusal (401/403/404), a redirect
 * to toba's own login, or a public page of toba that shows none of samosir's
 * ids or words; nothing of toba changes, and samosir's links still work at home.
 */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const HOST = 'toba.localhost'
const OTHER = 'samosir'
const OTHER_HOST = `${OTHER}.localhost`
/** A word only samosir's records use. */
const OTHER_WORD = 'zebrakuda'
const OPERATOR = 'cerdas_op_isolation-e2e-operator-token-0123456789'
const OTHER_ADMIN = { email: `admin.${OTHER_WORD}@example.org`, password: 'kata-sandi-admin-samosir' }
/** Records of each samosir entity that fill route parameters (every one of them is a marker). */
const PER_ENTITY = 2

let server: RunningServer
let dataDir: string
let otherCookie = ''
let otherCsrf = ''
/** Samosir's ids and slugs, by module id and by console entity (`module.entity`). */
const otherValuesByModule = new Map<string, string[]>()
const otherIdsByEntity = new Map<string, string[]>()
/** Strings only samosir's data holds. */
const otherMarkers = new Set<string>([OTHER_WORD])
let invitationToken = ''
let resetToken = ''

const request = (host: string, path: string, init: Parameters<typeof httpRequest>[3] = {}) =>
  httpRequest(server.port, host, path, init)
const api = async (host: string, method: string, path: string, body?: unknown) => {
  const res = await request(host, path, {
    method,
    headers: { authorization: `Bearer ${OPERATOR}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  if (res.status >= 300) throw new Error(`${method} ${path} on ${host}: ${res.status} ${res.text()}`)
  return res.json() as Record<string, unknown>
}
const linkToken = (url: unknown) => String(url).split('/').filter(Boolean).at(-1) as string

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'cerdas-isolation-e2e-'))
  const platform = await createPlatform({
    dataDir,
    templatesDir: join(repoRoot, 'templates'),
    platformHost: 'localhost',
    modules,
  })
  try {
    await createTenant(platform, { slug: 'toba', template: 'toba' })
    // The same template on both: same slugs and names, so only samosir's own ids and words may tell a leak.
    await createTenant(platform, { slug: OTHER, template: 'toba', name: `Kabupaten ${OTHER_WORD}` })
    await createOperatorToken(platform.controlPlane, { name: 'isolation e2e', secret: OPERATOR })
    const other = await platform.tenantBySlug(OTHER)
    if (!other) throw new Error('samosir missing')
    const db = await platform.tenantDb(other.record)
    const admin = await createUser(
      db,
      {
        email: OTHER_ADMIN.email,
        name: `Admin ${OTHER_WORD}`,
        grants: [{ role: 'admin', dimension: null }],
        passwordHash: await hashPassword(OTHER_ADMIN.password),
      },
      new Date(),
    )
    otherMarkers.add(admin.id)
    // Samosir's records, read through the console's own entity definitions.
    const ctx = platform.context(other, db, { actor: { kind: 'system', id: 'e2e' } })
    for (const ce of consoleEntities(modules, ctx.tenant)) {
      const { items } = await ce.entity.list(ctx, { limit: 100 })
      const ids = items.map((item) => ce.entity.idOf(item))
      for (const id of ids) otherMarkers.add(id)
      otherIdsByEntity.set(ce.name, ids.slice(0, PER_ENTITY))
      const slugs = items
        .slice(0, PER_ENTITY)
        .map((item) => (item as { slug?: unknown }).slug)
        .filter((s): s is string => typeof s === 'string')
      const values = otherValuesByModule.get(ce.module.id) ?? []
      otherValuesByModule.set(ce.module.id, [...values, ...ids.slice(0, PER_ENTITY), ...slugs])
    }
    // Anything toba holds too (a seeded id or slug) is no marker of samosir's.
    const toba = await platform.tenantBySlug('toba')
    if (!toba) throw new Error('toba missing')
    const tobaCtx = platform.context(toba, await platform.tenantDb(toba.record), { actor: null })
    for (const ce of consoleEntities(modules, tobaCtx.tenant)) {
      for (const item of (await ce.entity.list(tobaCtx, { limit: 100 })).items) {
        otherMarkers.delete(ce.entity.idOf(item))
      }
    }
  } finally {
    platform.close()
  }
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
  // A record that carries samosir's word, one-time links and a live session with its form token.
  const announcement = await api(OTHER_HOST, 'POST', '/api/v1/announcements', {
    title: { id: `Pesta ${OTHER_WORD}` },
    body: { id: `Pesta ${OTHER_WORD} di Pangururan` },
    category: 'event',
  })
  otherMarkers.add(String(announcement.id))
  otherValuesByModule.get('announcements')?.push(String(announcement.id))
  const invitation = await api(OTHER_HOST, 'POST', '/api/v1/users/invitations', {
    email: `undangan.${OTHER_WORD}@example.org`,
    name: `Undangan ${OTHER_WORD}`,
    grants: [{ role: 'admin' }],
  })
  invitationToken = linkToken(invitation.invitationUrl)
  const resetFor = await api(OTHER_HOST, 'POST', '/api/v1/users/invitations', {
    email: `pulih.${OTHER_WORD}@example.org`,
    name: `Pulih ${OTHER_WORD}`,
    grants: [{ role: 'viewer' }],
  })
  const resetForId = String((resetFor.user as { id: string }).id)
  resetToken = linkToken((await api(OTHER_HOST, 'POST', `/api/v1/users/${resetForId}/password-reset`)).resetUrl)
  for (const marker of [
    invitationToken,
    resetToken,
    resetForId,
    String((invitation.user as { id: string }).id),
    `undangan.${OTHER_WORD}`,
  ])
    otherMarkers.add(marker)
  const login = await request(OTHER_HOST, '/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(OTHER_ADMIN),
  })
  otherCookie = ([] as string[])
    .concat(login.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0] as string)
    .find((c) => c.startsWith('cerdas_session=')) as string
  if (login.status !== 200 || !otherCookie) throw new Error(`samosir login: ${login.status} ${login.text()}`)
  const console = await request(OTHER_HOST, '/admin/pengguna', { headers: { cookie: otherCookie } })
  otherCsrf = /name="_csrf" value="([^"]+)"/.exec(console.text())?.[1] ?? ''
  if (!otherCsrf) throw new Error('no form token on samosir console page')
  otherMarkers.add(otherCsrf)
})

afterAll(async () => {
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

// ---------------------------------------------------------------------------
// The pages, enumerated: Remix route files and the modules' pages.

interface Page {
  source: string
  /** `/admin/data/:module/:entity/:id`, `*` for a splat. */
  pattern: string
  /** Module that ships the page (module pages only). */
  module?: string
}

const routeFiles = readdirSync(join(repoRoot, 'apps/web/app/routes')).filter((f) => f.endsWith('.tsx'))
const PAGES: Page[] = [
  ...routeFiles.map((file) => ({ source: `app/routes/${file}`, pattern: patternOf(file) })),
  ...modulePages(modules).map(({ source, pattern, module }) => ({ source, pattern, module })),
]

/** Every concrete path of a page with samosir's real values in its parameters. */
function pathsOf(page: Page): string[] {
  const params = [...page.pattern.matchAll(/:([a-z]+)|\*/g)].map((m) => m[1] ?? '*')
  if (params.length === 0) return [page.pattern]
  const allValues = [...new Set([...otherValuesByModule.values()].flat())]
  if (params.includes('module')) {
    // Console entity routes: every entity of every module, with samosir's ids of it.
    return [...otherIdsByEntity.entries()].flatMap(([name, ids]) => {
      const [module, entity] = name.split('.') as [string, string]
      const base = page.pattern.replace(':module', module).replace(':entity', entity)
      return params.includes('id') ? ids.map((id) => base.replace(':id', encodeURIComponent(id))) : [base]
    })
  }
  const valuesFor = (param: string): string[] => {
    if (param === 'token') return [invitationToken, resetToken]
    if (param === '*') return [OTHER_WORD, ...allValues.slice(0, 3)]
    if (!page.module) return allValues
    // A module with no records here (or one the templates leave off) is still asked for something.
    const own = otherValuesByModule.get(page.module) ?? []
    return own.length > 0 ? own : [OTHER_WORD]
  }
  let paths = [page.pattern]
  for (const param of params) {
    const placeholder = param === '*' ? '*' : `:${param}`
    paths = paths.flatMap((p) => valuesFor(param).map((v) => p.replace(placeholder, encodeURIComponent(v))))
  }
  return paths
}

/** The newest audit entry of toba: any write there would add one. */
async function tobaAuditHead(): Promise<unknown> {
  const res = await request(HOST, '/api/v1/audit?limit=1', { headers: { authorization: `Bearer ${OPERATOR}` } })
  return (res.json() as { items: unknown[] }).items[0]
}

/** Checks one answer of toba's host to samosir's cookie. */
function expectRefusedOrTobaOnly(label: string, sent: string, path: string, res: HttpResult) {
  const text = res.text()
  for (const marker of otherMarkers) {
    if (sent.includes(marker) || sent.includes(encodeURIComponent(marker))) continue
    expect(text.includes(marker), `${label} shows samosir's ${marker}`).toBe(false)
  }
  const location = String(res.headers.location ?? '')
  for (const marker of otherMarkers)
    if (!sent.includes(encodeURIComponent(marker)) && !sent.includes(marker))
      expect(location.includes(marker), `${label} redirects with ${marker}`).toBe(false)
  // Nobody is logged in on toba by samosir's session.
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? [])
  expect(
    cookies.some((c) => /^cerdas_session=[^;]/.test(c)),
    `${label} sets a session`,
  ).toBe(false)
  if ([401, 403, 404, 405].includes(res.status)) return
  // The login, link and report forms answer a post with their own errors (wrong password, link not
  // valid here, a report without its fields), next to the fields: a 422 page of toba's.
  if (res.status === 422 && /^\/(admin\/(masuk|tautan)|lapor(\/kirim)?$)/.test(path)) return
  if (res.status >= 300 && res.status < 400) {
    // Only to a page of toba's own site, the console's to its login.
    expect(location.startsWith('/') || location.startsWith(`http://${HOST}`), `${label} → ${location}`).toBe(true)
    // The console sends an unknown session to its login (logging out, to the console, which does the same).
    if (path.startsWith('/admin/') && !path.startsWith('/admin/masuk') && !path.startsWith('/admin/tautan'))
      expect(location, label).toMatch(/^\/admin(\/masuk|$|\?)/)
    return
  }
  expect(res.status, `${label}: ${text.slice(0, 300)}`).toBe(200)
  // A page that answers is public (or the login page): never a console page.
  expect(path === '/admin' || (path.startsWith('/admin/') && !/^\/admin\/(masuk|tautan)/.test(path)), label).toBe(false)
}

describe("toba's pages to samosir's admin session", () => {
  it('enumerates every route file and module page, each with at least one concrete path', async () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(15)
    expect(PAGES.some((p) => p.pattern === '/admin/data/:module/:entity/:id')).toBe(true)
    expect(PAGES.filter((p) => p.module).length).toBeGreaterThanOrEqual(8)
    for (const page of PAGES) expect(pathsOf(page).length, page.source).toBeGreaterThan(0)
    expect(otherIdsByEntity.size).toBeGreaterThanOrEqual(5)
    // Samosir's session really is an admin's there, and its pages show the markers a leak would show.
    expect(otherCsrf).not.toBe('')
    const own = await request(OTHER_HOST, '/admin/data/announcements/announcement', {
      headers: { cookie: otherCookie },
    })
    expect(own.status).toBe(200)
    expect(own.text()).toContain(OTHER_WORD)
    const markersShown = [...otherMarkers].filter((m) => own.text().includes(m))
    expect(markersShown.length).toBeGreaterThan(2)
    expect(PAGES.flatMap(pathsOf).length).toBeGreaterThan(PAGES.length * 2)
  })

  it.each(PAGES.map((page) => [page.source, page] as const))('%s', async (_source, page) => {
    const before = await tobaAuditHead()
    for (const path of pathsOf(page)) {
      const get = await request(HOST, path, { headers: { cookie: otherCookie } })
      expectRefusedOrTobaOnly(`GET ${path}`, path, path, get)
      // A form post carrying samosir's session and its form token changes nothing.
      const body = new URLSearchParams({ _csrf: otherCsrf, intent: 'delete', password: 'kata-sandi-baru-panjang' })
      const post = await request(HOST, path, {
        method: 'POST',
        headers: {
          cookie: otherCookie,
          'content-type': 'application/x-www-form-urlencoded',
          origin: `http://${HOST}:${server.port}`,
        },
        body: body.toString(),
      })
      expectRefusedOrTobaOnly(`POST ${path}`, `${path} ${body}`, path, post)
    }
    expect(await tobaAuditHead()).toEqual(before)
  })

  it("samosir's one-time links still work on samosir after every probe on toba", async () => {
    for (const token of [invitationToken, resetToken]) {
      const own = await request(OTHER_HOST, `/admin/tautan/${token}`)
      expect(own.status, own.text().slice(0, 200)).toBe(200)
      const res = await request(OTHER_HOST, '/api/v1/auth/password', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, password: 'kata-sandi-baru-panjang' }),
      })
      expect(res.status, res.text()).toBe(204)
    }
  })
})
