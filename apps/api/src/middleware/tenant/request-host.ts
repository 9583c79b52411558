import type { Context } from 'hono'

/**
 * The host a request was addressed to, without port. `X-Forwarded-Host` is
 * honoured only when the deployment says a trusted proxy sets it; otherwise a
 * client could pick any tenant by sending the header.
 */
export function requestHost(c: Context, trustProxy: boolean): string {
  return stripPort(requestAuthority(c, trustProxy)).toLowerCase().replace(/\.$/, '')
}

/** The host and port a request was addressed to, as sent (Host, or a trusted proxy's X-Forwarded-Host). */
export function requestAuthority(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined
  return forwarded || c.req.header('host') || new URL(c.req.url).host
}

function stripPort(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1)
  const colon = host.lastIndexOf(':')
  return colon === -1 ? host : host.slice(0, colon)
}
