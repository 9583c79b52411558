import type { MiddlewareHandler } from 'hono'

/**
 * The headers every API response carries, matching the web pages' (apps/web/server/web-app.ts):
 * no MIME sniffing, no full URLs in Referer to other sites, never framed.
 */
export const API_SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
} as const

/** JSON needs nothing from a browser: should a response be opened as a page, it may load nothing. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'"

/**
 * Sets {@link API_SECURITY_HEADERS} on every response, errors and 404s included, and a locked-down
 * Content-Security-Policy unless the route set its own (the reference UI at /api/docs does).
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    // Setting the headers in place saves copying the response (c.header would, once it is final);
    // a response with immutable headers (Response.redirect, a proxied fetch) is copied once.
    try {
      setHeaders(c.res.headers)
    } catch {
      c.res = new Response(c.res.body, c.res)
      setHeaders(c.res.headers)
    }
  }
}

function setHeaders(headers: Headers) {
  for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) headers.set(name, value)
  if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', API_CONTENT_SECURITY_POLICY)
}
