import { requestHost } from '@cerdas/api'
import { newId } from '@cerdas/core'
import type { Locale } from '@cerdas/core/web'
import type { Platform } from '@cerdas/platform'
import { serveStatic } from '@hono/node-server/serve-static'
import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { etag } from 'hono/etag'
import { notFoundPage } from './not-found-page'
import { pageLocale, platformPageContext, tenantPageContext } from './page-context'

export interface WebAppOptions {
  platform: Platform
  /** The API app; it answers every /api/* request. */
  api: { fetch: (request: Request) => Response | Promise<Response> }
  build: ServerBuild
  /** Directory of the built client assets (build/client). */
  clientDir: string
  trustProxy?: boolean
  mode?: 'production' | 'development'
}

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
  const app = new Hono()

  app.all('/api/*', (c) => options.api.fetch(c.req.raw))
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
  app.use(
    '*',
    serveStatic({
      root: options.clientDir,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=86400')
      },
    }),
  )
  app.use('*', etag())
  app.all('*', async (c) => {
    const requestId = newId('req')
    const url = new URL(c.req.url)
    const host = requestHost(c, options.trustProxy ?? false)
    const base = { requestId, currentPath: `${url.pathname}${url.search}` }
    const cookie = c.req.header('cookie')
    let context
    if (host === platform.options.platformHost) {
      const locale: Locale = pageLocale(cookie, 'id', ['id', 'en'])
      context = await platformPageContext(platform, url, { ...base, locale })
    } else {
      const tenant = await platform.tenantByHost(host)
      if (!tenant) return c.html(notFoundPage(host), 404, SECURITY_HEADERS)
      const locale = pageLocale(cookie, tenant.info.defaultLocale, tenant.info.locales)
      context = await tenantPageContext(platform, tenant, { ...base, locale })
    }
    const response = await handle(c.req.raw, context as never)
    const headers = new Headers(response.headers)
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value)
    headers.set('X-Request-Id', requestId)
    headers.append('Vary', 'Cookie')
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
  })
  return app
}
