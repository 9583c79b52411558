import type { Locale } from '@cerdas/core'
import type { Platform, StoredResponse } from '@cerdas/platform'
import type { Context, MiddlewareHandler } from 'hono'
import { SESSION_COOKIE } from '../auth/identify'
import { requestAuthority, requestHost } from '../tenant/request-host'
import { preferredLocale } from '../tenant/tenant'

export interface ReadCacheMiddlewareOptions {
  platform: Platform
  trustProxy: boolean
}

/** What the tenant middleware passes on to the context of a response being cached. */
export interface ReadCacheVariables {
  changesAt?: (instant: Date) => void
}

const SESSION_COOKIE_PATTERN = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=`)

/**
 * A request whose answer is the same for every visitor: a GET with no credentials. Anything a
 * signed-in editor sees (drafts, private fields) never reaches the cache.
 */
export function isSharedRead(method: string, headers: Headers): boolean {
  if (method !== 'GET') return false
  if (headers.has('authorization')) return false
  const cookie = headers.get('cookie')
  return !cookie || !SESSION_COOKIE_PATTERN.test(cookie)
}

/**
 * The cache key of a public response: the kind of answer, the tenant, the scheme and host it was
 * asked at (absolute links in it use them), its language and the path with the query.
 */
export function readCacheKey(kind: 'api' | 'page', tenantId: string, origin: string, locale: Locale, url: URL): string {
  return `${kind} ${tenantId} ${locale} ${origin}${url.pathname}${url.search}`
}

/** The scheme and host a visitor used: a trusted proxy's X-Forwarded-Proto and -Host, or the request's own. */
export function visitorOrigin(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() : undefined
  const scheme = forwarded || new URL(c.req.url).protocol.replace(':', '')
  return `${scheme}://${requestAuthority(c, trustProxy)}`
}

/**
 * Answers public API reads from the platform's read cache, and keeps what it answers: a hit costs
 * the host lookup and one read of the tenant's data version. Placed before the tenant middleware.
 * @example app.use('/api/v1/*', readCache({ platform, trustProxy: false }), tenant({ platform, trustProxy: false }))
 */
export function readCache(
  options: ReadCacheMiddlewareOptions,
): MiddlewareHandler<{ Variables: ReadCacheVariables & { requestId?: string } }> {
  const { platform } = options
  return async (c, next) => {
    if (!platform.readCache.enabled || !isSharedRead(c.req.method, c.req.raw.headers)) return next()
    const tenant = await platform.tenantByHost(requestHost(c, options.trustProxy))
    if (!tenant) return next()
    // Held while read: with more tenants busy than stay open, it could otherwise close mid-read.
    const version = await platform.withTenantDb(tenant.record, (db) => platform.readCache.versionOf(tenant, db))
    if (!version) return next()
    const locale = preferredLocale(c.req.header('accept-language'), tenant.info.defaultLocale)
    const key = readCacheKey('api', tenant.record.id, visitorOrigin(c, options.trustProxy), locale, new URL(c.req.url))
    const found = await platform.readCache.lookupOrFill(key, version)
    if ('stored' in found) return send(platform, c, key, found.stored, 'HIT')
    const freshness = platform.readCache.freshness(tenant)
    c.set('changesAt', freshness.changesAt)
    try {
      await next()
      const stored = await platform.readCache.store(key, tenant.record.id, version, freshness, c.res)
      if (stored) {
        // Hono copies the headers of the response being replaced onto the new one: drop the ones that no longer fit.
        c.res = undefined
        c.res = await send(platform, c, key, stored, 'MISS')
      }
    } finally {
      found.fill()
    }
  }
}

function send(platform: Platform, c: Context, key: string, stored: StoredResponse, state: 'HIT' | 'MISS') {
  const extra: Record<string, string> = { 'X-Cache': state, Vary: 'Accept-Language' }
  const requestId = c.get('requestId') as string | undefined
  if (requestId) extra['X-Request-Id'] = requestId
  return platform.readCache.respond(key, stored, c.req.raw.headers, extra)
}
