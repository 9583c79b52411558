import { type Actor, problem, type TenantDb } from '@cerdas/core'
import type { ControlPlane } from '@cerdas/db'
import { authenticateApiToken, readSession } from '@cerdas/identity'
import { authenticateOperatorToken } from '@cerdas/platform'
import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { requestAuthority } from '../tenant/request-host'

export const SESSION_COOKIE = 'cerdas_session'

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Whether a cookie-authenticated write comes from a page of the same site.
 * Browsers send Origin (and Sec-Fetch-Site) with every cross-site POST, so a
 * forged form on another site is refused without any token round trip. The
 * Origin's host and port must equal the address the request was sent to
 * exactly, as Remix also checks before an action (it throws otherwise); a
 * Sec-Fetch-Site naming another site refuses even a matching Origin.
 */
export function isSameOrigin(c: Context, trustProxy: boolean): boolean {
  const site = c.req.header('sec-fetch-site')
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false
  const origin = c.req.header('origin')
  if (origin === undefined) return site !== undefined
  try {
    return origin !== 'null' && new URL(origin).host === requestAuthority(c, trustProxy)
  } catch {
    return false
  }
}

/**
 * Who is calling: a tenant API token or an operator token (Authorization:
 * Bearer, or `apiKey` where the route takes one: a module's open endpoints),
 * else a session cookie. A token that matches nothing is a 401 — never
 * anonymous — and a token of another tenant matches nothing here, since it
 * lives in that tenant's database.
 */
export async function identify(
  c: Context,
  options: { db: TenantDb; controlPlane: ControlPlane; trustProxy: boolean; now: Date; apiKey?: string | undefined },
): Promise<Actor | null> {
  const header = c.req.header('authorization')
  if (header !== undefined || options.apiKey !== undefined) {
    const secret = header !== undefined ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : options.apiKey
    if (!secret) throw problem('unauthorized', 'Send the token as Authorization: Bearer <token>.')
    const token = await authenticateApiToken(options.db, secret, options.now)
    if (token) return { kind: 'token', id: token.id, name: token.name, grants: token.grants }
    const operator = await authenticateOperatorToken(options.controlPlane, secret)
    if (operator)
      return { kind: 'operator', id: operator.id, name: operator.name, grants: [{ role: 'admin', dimension: null }] }
    throw problem('unauthorized', 'The token is not valid here.')
  }
  const sessionId = getCookie(c, SESSION_COOKIE)
  if (!sessionId) return null
  const session = await readSession(options.db, sessionId, options.now)
  if (!session) return null
  if (UNSAFE.has(c.req.method) && !isSameOrigin(c, options.trustProxy)) {
    throw problem('forbidden', 'Cross-site requests may not use the session cookie.')
  }
  // A temporary password (the demo admin's) opens nothing until it is replaced, except who-am-I and logout.
  if (session.user.mustChangePassword && !/\/auth\/(me|logout)$/.test(c.req.path)) {
    throw problem('forbidden', 'This account has a temporary password: choose a new one at /admin/sandi first.', {
      mustChangePassword: true,
    })
  }
  return { kind: 'user', id: session.user.id, name: session.user.name, grants: session.grants }
}
