import { type ApiEnv, problemResponses } from '@cerdas/core'
import { endSession, passwordSchema } from '@cerdas/identity'
import { loginAccount, logoutAccount, setPasswordFromLink } from '@cerdas/platform'
import { getConnInfo } from '@hono/node-server/conninfo'
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { SESSION_COOKIE } from '../../middleware/auth'
import { userSchema } from './schemas'

/** Cookie flags: HttpOnly always, SameSite=Lax, Secure whenever the request came over HTTPS. */
export function sessionCookieOptions(secure: boolean, maxAgeSeconds?: number) {
  return {
    httpOnly: true,
    sameSite: 'Lax' as const,
    path: '/',
    secure,
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  }
}

/**
 * The client's address: from X-Forwarded-For behind a trusted proxy, else the
 * socket; undefined when neither is known (an app mounted without the Node
 * bindings), so that unrelated clients are never counted as one address.
 */
export function clientIp(c: Context, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  try {
    return getConnInfo(c).remote.address || undefined
  } catch {
    return undefined
  }
}

export function isHttps(c: Context, trustProxy: boolean): boolean {
  const forwarded = trustProxy ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() : undefined
  return (forwarded ?? new URL(c.req.url).protocol.replace(':', '')) === 'https'
}

export const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['Accounts'],
  summary: 'Log in with email and password; sets the session cookie',
  'x-public': true,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.strictObject({ email: z.string().max(254), password: z.string().max(200) }).openapi('Login'),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Logged in',
      content: { 'application/json': { schema: z.object({ user: userSchema, expiresAt: z.string() }) } },
    },
    ...problemResponses(400, 401, 413, 415, 422, 429),
  },
})

export const logoutRoute = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['Accounts'],
  summary: 'End the current session',
  'x-public': true,
  responses: { 204: { description: 'Logged out' } },
})

export const meRoute = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['Accounts'],
  summary: 'Who the caller is (null when anonymous)',
  responses: {
    200: {
      description: 'The caller',
      content: {
        'application/json': {
          schema: z.object({
            actor: z
              .object({ kind: z.string(), id: z.string(), name: z.string().optional(), grants: z.array(z.unknown()) })
              .nullable(),
          }),
        },
      },
    },
  },
})

export const setPasswordRoute = createRoute({
  method: 'post',
  path: '/auth/password',
  tags: ['Accounts'],
  summary: 'Choose a password with a one-time invitation or reset link',
  'x-public': true,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .strictObject({ token: z.string().min(10).max(200), password: passwordSchema })
            .openapi('SetPassword'),
        },
      },
    },
  },
  responses: {
    204: { description: 'Password set; log in with it' },
    ...problemResponses(400, 404, 413, 415, 422),
  },
})

export function registerAuth(router: OpenAPIHono<ApiEnv>, options: { trustProxy: boolean }) {
  router.openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid('json')
    const ip = clientIp(c, options.trustProxy)
    const result = await loginAccount(c.var.ctx, { email, password, ip, userAgent: c.req.header('user-agent') })
    // The browser's previous session, if any, ends: an id known before login is never valid after it.
    const previous = getCookie(c, SESSION_COOKIE)
    if (previous) await endSession(c.var.ctx.db, previous)
    const maxAge = Math.floor((Date.parse(result.expiresAt) - Date.now()) / 1000)
    setCookie(c, SESSION_COOKIE, result.sessionId, sessionCookieOptions(isHttps(c, options.trustProxy), maxAge))
    return c.json({ user: result.user, expiresAt: result.expiresAt }, 200)
  })
  router.openapi(logoutRoute, async (c) => {
    const sessionId = getCookie(c, SESSION_COOKIE)
    const actor = c.var.ctx.actor
    if (sessionId && actor?.kind === 'user') await logoutAccount(c.var.ctx, sessionId, actor.id)
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    return c.body(null, 204)
  })
  router.openapi(meRoute, (c) => {
    const actor = c.var.ctx.actor
    return c.json(
      { actor: actor ? { kind: actor.kind, id: actor.id, name: actor.name, grants: actor.grants ?? [] } : null },
      200,
    )
  })
  router.openapi(setPasswordRoute, async (c) => {
    const { token, password } = c.req.valid('json')
    await setPasswordFromLink(c.var.ctx, token, password)
    return c.body(null, 204)
  })
}
