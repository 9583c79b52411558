import { type ApiEnv, type Locale, problem } from '@cerdas/core'
import type { Platform } from '@cerdas/platform'
import type { Context, MiddlewareHandler } from 'hono'
import { identify } from '../auth/identify'
import type { ReadCacheVariables } from '../read-cache'
import { releaseWhenResponded } from './release-when-responded'
import { requestHost } from './request-host'

export interface TenantMiddlewareOptions {
  platform: Platform
  trustProxy: boolean
  /**
   * Also take the caller's API token from an `api_key` parameter (query string, or a field of a
   * form body) when no Authorization header is sent: Open311 clients authenticate that way. Only
   * a module's open endpoints set this; /api/v1 takes tokens in the header only.
   */
  apiKeyParameter?: boolean
}

const FORM_TYPE = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i

/** The `api_key` of a request: from the query string, else from a form body (parsed once, kept for the handler). */
export async function apiKeyOf(c: Context): Promise<string | undefined> {
  const fromQuery = c.req.query('api_key')
  if (fromQuery !== undefined) return fromQuery
  if (!FORM_TYPE.test(c.req.header('content-type') ?? '')) return undefined
  const body = await c.req.parseBody().catch(() => {
    throw problem('badRequest', 'The form body could not be read.')
  })
  const field = body.api_key
  return typeof field === 'string' ? field : undefined
}

/** Picks English when the client prefers it over Indonesian. */
export function preferredLocale(acceptLanguage: string | undefined, fallback: Locale): Locale {
  if (!acceptLanguage) return fallback
  const first = acceptLanguage.split(',')[0]?.trim().slice(0, 2).toLowerCase()
  return first === 'en' ? 'en' : first === 'id' ? 'id' : fallback
}

/**
 * Resolves the tenant from the exact host, identifies the caller in that
 * tenant, and puts the tenant context on the request. An unknown host is a
 * 404: never a fallback to some other tenant.
 */
export function tenant(
  options: TenantMiddlewareOptions,
): MiddlewareHandler<ApiEnv & { Variables: { tenantSlug?: string } & ReadCacheVariables }> {
  return async (c, next) => {
    const host = requestHost(c, options.trustProxy)
    const resolved = await options.platform.tenantByHost(host)
    if (!resolved) throw problem('unknownTenant', `No regency is served at ${host}`)
    c.set('tenantSlug', resolved.record.slug)
    // Held until the response is sent: an evicted database closes only after its last request.
    const apiKey =
      options.apiKeyParameter && c.req.header('authorization') === undefined ? await apiKeyOf(c) : undefined
    const lease = await options.platform.acquireTenantDb(resolved.record)
    const { db } = lease
    const done = releaseWhenResponded(c, lease.release)
    const actor = await identify(c, {
      db,
      controlPlane: options.platform.controlPlane,
      trustProxy: options.trustProxy,
      now: new Date(),
      apiKey,
    }).catch((error: unknown) => {
      done()
      throw error
    })
    c.set(
      'ctx',
      options.platform.context(resolved, db, {
        actor,
        locale: preferredLocale(c.req.header('accept-language'), resolved.info.defaultLocale),
        changesAt: c.get('changesAt'),
      }),
    )
    await next().finally(done)
  }
}
