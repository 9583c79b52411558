import { createHash } from 'node:crypto'
import {
  clientIp,
  createServerMetrics,
  isSameOrigin,
  isSharedRead,
  type MetricsRegistry,
  metricsEndpoint,
  OPERATOR_TENANTS_PATH,
  operatorTenantsEndpoint,
  readCacheKey,
  releaseAtRequestEnd,
  releaseWhenResponded,
  requestHost,
  requestMetrics,
  SESSION_COOKIE,
  visitorOrigin,
} from '@cerdas/api'
import type { Actor, TenantContext, TenantDb } from '@cerdas/core'
import type { Locale, ModuleMail, WebLoadContext } from '@cerdas/core/web'
import { csrfTokenFor, readSession } from '@cerdas/identity'
import { localPhotoStorage, type PhotoService, photoService, uploadPhoto } from '@cerdas/photos'
import {
  type Freshness,
  type Platform,
  type ResolvedTenant,
  type StoredResponse,
  sendModuleMail,
} from '@cerdas/platform'
import { serveStatic } from '@hono/node-server/serve-static'
import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { getCookie } from 'hono/cookie'
import { etag } from 'hono/etag'
import { openAdminScreen } from '../app/admin/screen.server'
import {
  bodyLimitFor,
  bodyWithin,
  DEFAULT_WEB_BODY_LIMITS,
  photoFormFiles,
  uploadScreenLimit,
  uploadScreens,
  type WebBodyLimits,
} from './body-limit'
import {
  lowercasePath,
  mayLowercase,
  moduleOfPath,
  routeCasePath,
  routeTree,
  withoutTrailingSlash,
} from './canonical-path'
import { robotsTxt, sitemapEntries, sitemapXml } from './crawlers'
import { formBodyFault } from './form-body'
import { formFaultPage } from './form-fault-page'
import { serveMedia } from './media'
import { notFoundPage } from './not-found-page'
import { pageLocale, platformPageContext, tenantPageContext } from './page-context'
import { pageRouteOf } from './page-metrics'
import { renderQueue } from './render-queue'
import { serviceWorker } from './service-worker'
import { tooLargePage } from './too-large-page'
import { vendorAsset } from './vendor-assets'

export interface WebAppOptions {
  platform: Platform
  /** The API app; it answers every /api/* request. */
  api: { fetch: (request: Request, env?: unknown) => Response | Promise<Response> }
  build: ServerBuild
  /** Directory of the built client assets (build/client). */
  clientDir: string
  trustProxy?: boolean
  mode?: 'production' | 'development'
  /** Largest bodies posted to pages (the API has its own limit). */
  bodyLimits?: WebBodyLimits
  /** Where page requests are counted and timed (the server's registry, shared with the API). */
  metrics?: MetricsRegistry
  /** Photo storage, shared with the API; default: files under the data directory. */
  photos?: PhotoService
}

/** Page renders run at once; more wait in line (see render-queue.ts). */
const RENDERS_AT_ONCE = 4

/** Pages whose public answer may be kept: not the console, not what crawlers read (made per host). */
const isCachedPage = (path: string) => !path.startsWith('/admin') && path !== '/robots.txt' && path !== '/sitemap.xml'

/** A path whose last segment has an extension, as the built public files do. */
const FILE_NAME = /\.[A-Za-z0-9]+$/

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
}

/**
 * One process, one port: the API under /api, built assets, and the Remix
 * pages of whichever tenant the host names (or the platform page on the bare
 * platform host).
 */
export function createWebApp(options: WebAppOptions): Hono {
  const { platform } = options
  const handle = createRequestHandler(options.build, options.mode ?? 'production')
  const routes = routeTree(options.build)
  const moduleIds = new Set(platform.modules.map((m) => m.id))
  const uploads = uploadScreens(platform.modules)
  const app = new Hono()

  // c.env carries the Node socket, so the API sees the client's address.
  app.all('/api/*', (c) => options.api.fetch(c.req.raw, c.env))
  // Modules' open endpoints (e.g. Open311 under /open311) are the API's too.
  for (const mod of platform.modules) {
    if (mod.http) app.all(`${mod.http.prefix}/*`, (c) => options.api.fetch(c.req.raw, c.env))
  }
  const metrics = options.metrics ?? createServerMetrics()
  app.use('*', requestMetrics(metrics, pageRouteOf(options.build)))
  app.get('/metrics', metricsEndpoint({ registry: metrics, platform, trustProxy: options.trustProxy ?? false }))
  app.get(OPERATOR_TENANTS_PATH, operatorTenantsEndpoint({ platform, trustProxy: options.trustProxy ?? false }))
  // Photos and share images: already compressed, cached for long, never a page.
  const photos = options.photos ?? photoService(localPhotoStorage(platform.options.dataDir))
  app.on(['GET', 'HEAD'], '/media/*', (c) =>
    serveMedia(c.req.raw, { platform, photos, host: requestHost(c, options.trustProxy ?? false) }),
  )
  app.use('*', compress())
  app.use(
    '/assets/*',
    serveStatic({
      root: options.clientDir,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable')
      },
    }),
  )
  app.get('/vendor/*', vendorAsset)
  // The service worker: offline pages and the report form's drafts (scope `/`, so served at the root).
  app.get('/sw.js', serviceWorker)
  const publicFiles = serveStatic({
    root: options.clientDir,
    onFound: (_path, c) => {
      c.header('Cache-Control', 'public, max-age=86400')
    },
  })
  // Public files (favicon, logos) have an extension; a page path is not looked for on disk.
  app.use('*', (c, next) => (FILE_NAME.test(c.req.path) ? publicFiles(c, next) : next()))
  // Node's own SHA-1, synchronous: WebCrypto's would copy every page body first.
  app.use('*', etag({ generateDigest: sha1 }))
  app.use('*', releaseAtRequestEnd())
  const trustProxy = options.trustProxy ?? false
  const renders = renderQueue(RENDERS_AT_ONCE)
  app.all('*', async (c) => {
    const requestId = `req_${crypto.randomUUID()}`
    const sendCached = (key: string, stored: StoredResponse, state: 'HIT' | 'MISS') =>
      platform.readCache.respond(key, stored, c.req.raw.headers, { 'X-Cache': state, 'X-Request-Id': requestId })
    const url = new URL(c.req.url)
    const host = requestHost(c, options.trustProxy ?? false)
    const proto = options.trustProxy ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() : undefined
    const base = {
      requestId,
      currentPath: `${url.pathname}${url.search}`,
      session: null,
      secureCookies: (proto ?? url.protocol.replace(':', '')) === 'https',
      clientIp: clientIp(c, options.trustProxy ?? false),
      openAdminScreen,
      uploadPhoto: async (ctx: TenantContext, bytes: Uint8Array) => (await uploadPhoto(ctx, photos, bytes)).photo,
      sendMail: (ctx: TenantContext, message: ModuleMail) => sendModuleMail(platform, ctx, message),
    }
    const cookie = c.req.header('cookie')
    const isRead = c.req.method === 'GET' || c.req.method === 'HEAD'
    const redirect = (path: string) =>
      c.body(null, 301, { ...SECURITY_HEADERS, Location: `${path}${url.search}`, 'X-Request-Id': requestId })
    const isPlatform = host === platform.options.platformHost
    let cacheable: { key: string; version: string; freshness: Freshness; fill: () => void } | undefined
    const tenant = isPlatform ? undefined : await platform.tenantByHost(host)
    // An unknown host learns nothing more: no redirects, no robots.txt, not which paths a tenant has.
    if (!isPlatform && !tenant) return c.html(notFoundPage(host), 404, SECURITY_HEADERS)
    const locale: Locale = tenant
      ? pageLocale(cookie, tenant.info.defaultLocale, tenant.info.locales)
      : pageLocale(cookie, 'id', ['id', 'en'])
    let held: TenantDb | undefined
    // Held until the page has been sent (it streams after this handler returns).
    const tenantDb = async (of: ResolvedTenant) => {
      if (!held) {
        const lease = await platform.acquireTenantDb(of.record)
        releaseWhenResponded(c, lease.release)
        held = lease.db
      }
      return held
    }
    // A public page (no session, not the console) is answered from the read cache while the
    // tenant's data and the schedules it shows are unchanged. Only a page that answered 200 is
    // kept, so a kept path needs none of the address checks below.
    if (tenant && c.req.method === 'GET' && isCachedPage(url.pathname) && isSharedRead('GET', c.req.raw.headers)) {
      const version = await platform.readCache.versionOf(tenant, await tenantDb(tenant))
      if (version) {
        const key = readCacheKey('page', tenant.record.id, visitorOrigin(c, trustProxy), locale, url)
        const found = await platform.readCache.lookupOrFill(key, version)
        if ('stored' in found) return sendCached(key, found.stored, 'HIT')
        cacheable = { key, version, freshness: platform.readCache.freshness(tenant), fill: found.fill }
        // Should the page not get that far (a redirect, an error), visitors waiting for it go on.
        releaseWhenResponded(c, found.fill)
      }
    }
    let request = c.req.raw
    if (!isRead) {
      // Forms that change state must come from our own pages: a cross-site POST is refused outright.
      if (!isSameOrigin(c, options.trustProxy ?? false)) {
        return c.text('Forbidden: cross-site form submission', 403, SECURITY_HEADERS)
      }
      // A form with photos may be as large as its photo uploads (and their framing), a module's
      // upload screen as its file, for someone signed in: console screens answer anyone else with
      // the way to sign in, so an anonymous caller gets no large body read.
      const files = photoFormFiles(url.pathname, c.req.header('content-type'))
      const screenLimit = uploadScreenLimit(uploads, url.pathname, c.req.header('content-type'))
      const sessionId = screenLimit !== null && tenant ? getCookie(c, SESSION_COOKIE) : undefined
      const signedIn =
        sessionId !== undefined && tenant
          ? (await readSession(await tenantDb(tenant), sessionId, new Date())) !== undefined
          : false
      const limit =
        (signedIn ? screenLimit : null) ??
        (files > 0
          ? photos.limits.maxBytes * files + 64 * 1024
          : bodyLimitFor(url.pathname, options.bodyLimits ?? DEFAULT_WEB_BODY_LIMITS))
      const within = await bodyWithin(request, limit)
      if (!within) return c.html(tooLargePage(locale, limit), 413, SECURITY_HEADERS)
      const fault = await formBodyFault(within)
      if (fault) return c.html(formFaultPage(locale, fault), fault === 'unsupported' ? 415 : 400, SECURITY_HEADERS)
      request = withoutUntrustedForwardedHost(within, options.trustProxy ?? false)
    }
    // One address per page: no trailing slash, and public paths in lowercase where that page exists.
    if (isRead) {
      const stripped = withoutTrailingSlash(url.pathname)
      if (stripped) return redirect(stripped)
    }
    const caseCheck = isRead && mayLowercase(url.pathname)
    const lower = caseCheck ? lowercasePath(url.pathname) : url.pathname
    // Routes match regardless of case: /LAYANAN would otherwise answer as a copy of /layanan.
    const spelled = caseCheck ? routeCasePath(routes, url.pathname) : url.pathname
    if (spelled !== url.pathname && spelled === lower) return redirect(lower)
    let context: WebLoadContext
    if (!tenant) {
      context = await platformPageContext(platform, url, { ...base, locale })
    } else {
      const db = await tenantDb(tenant)
      if (isRead && (url.pathname === '/robots.txt' || url.pathname === '/sitemap.xml')) {
        const forwardedHost = options.trustProxy ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined
        const origin = requestOrigin(forwardedHost || c.req.header('host'), host, base.secureCookies)
        const crawlerHeaders = { ...SECURITY_HEADERS, 'Cache-Control': 'public, max-age=3600' }
        if (url.pathname === '/robots.txt') return c.text(robotsTxt(origin), 200, crawlerHeaders)
        const ctx = platform.context(tenant, db, { locale: tenant.info.defaultLocale, actor: null })
        const xml = sitemapXml(origin, await sitemapEntries(ctx, platform.modules))
        return c.body(xml, 200, { ...crawlerHeaders, 'Content-Type': 'application/xml; charset=utf-8' })
      }
      const sessionId = getCookie(c, SESSION_COOKIE)
      const session = sessionId ? await readSession(db, sessionId, new Date()) : undefined
      const actor: Actor | null = session
        ? { kind: 'user', id: session.user.id, name: session.user.name, grants: session.grants }
        : null
      context = await tenantPageContext(
        platform,
        tenant,
        db,
        actor,
        {
          ...base,
          locale,
          session: session
            ? {
                userId: session.user.id,
                name: session.user.name,
                email: session.user.email,
                grants: session.grants,
                csrfToken: csrfTokenFor(session.id),
                mustChangePassword: session.user.mustChangePassword,
              }
            : null,
        },
        cacheable?.freshness,
      )
    }
    // A record's page under another spelling (/layanan/KTP-EL-BARU) moves to the lowercase address
    // when that one exists; ids that really have capitals (/pengumuman/ann_01J...) answer as they are.
    const lowerExists = async () => {
      const probe = await handle(
        new Request(new URL(`${lower}${url.search}`, url), { method: 'GET', headers: c.req.raw.headers }),
        { ...context, currentPath: `${lower}${url.search}` } as never,
      )
      await probe.body?.cancel()
      return probe.ok
    }
    if (spelled !== url.pathname) return redirect((await lowerExists()) ? lower : spelled)
    // Only a tenant that leaves some module off needs its path matched against the modules' pages.
    const leavesModulesOff = tenant && platform.modules.some((m) => !tenant.info.modules[m.id])
    const owner = leavesModulesOff ? moduleOfPath(routes, url.pathname, moduleIds) : null
    if (owner && !tenant?.info.modules[owner]) {
      // The site's own 404 page: the path matched a page of a module this tenant has not enabled.
      request = new Request(new URL('/__tidak-ada', url), { method: 'GET', headers: c.req.raw.headers })
    }
    const response = await renders.run(() => handle(request, context as never))
    if (lower !== url.pathname && response.status === 404 && (await lowerExists())) {
      await response.body?.cancel()
      return redirect(lower)
    }
    const headers = new Headers(response.headers)
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value)
    headers.set('X-Request-Id', requestId)
    headers.append('Vary', 'Cookie')
    const page = new Response(response.body, { status: response.status, statusText: response.statusText, headers })
    if (!cacheable || !tenant) return page
    const { key, version, freshness, fill } = cacheable
    // Visitors waiting for this page go on once it is stored, not once this visitor has read it
    // all: a client reading slowly must not hold up everyone else.
    const stored = await platform.readCache.store(key, tenant.record.id, version, freshness, page).finally(fill)
    return stored ? sendCached(key, stored, 'MISS') : page
  })
  return app
}

function sha1(body: Uint8Array): ArrayBuffer {
  const digest = createHash('sha1').update(body).digest()
  return digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength) as ArrayBuffer
}

/**
 * The request without an X-Forwarded-Host that no trusted proxy set: Remix compares a form's
 * Origin with that header whenever it is present (and throws on a mismatch, a 500), while the
 * same-origin check above rightly ignored it.
 */
function withoutUntrustedForwardedHost(request: Request, trustProxy: boolean): Request {
  if (trustProxy || !request.headers.has('x-forwarded-host')) return request
  const headers = new Headers(request.headers)
  headers.delete('x-forwarded-host')
  return new Request(request, { headers })
}

/**
 * The origin a visitor used, for absolute URLs (robots.txt, the sitemap): the tenant host that was
 * resolved (never the raw header), with the port and scheme of the request or the trusted proxy.
 */
function requestOrigin(authority: string | undefined, host: string, secure: boolean): string {
  const port = /:(\d{1,5})$/.exec(authority ?? '')?.[1]
  const isDefault = !port || (secure ? port === '443' : port === '80')
  return `${secure ? 'https' : 'http'}://${host}${isDefault ? '' : `:${port}`}`
}
