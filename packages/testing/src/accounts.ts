import type { Grant, TenantDb } from '@cerdas/core'
import { createApiToken, createUser, hashPassword, type User } from '@cerdas/identity'
import type { TestPlatform } from './test-platform'

/** The name of the session cookie the API sets at login. */
export const TEST_SESSION_COOKIE = 'cerdas_session'

/** A tenant's database, opened through the platform's connection cache. */
export async function tenantDbOf(t: TestPlatform, slug: string): Promise<TenantDb> {
  const tenant = await t.platform.tenantBySlug(slug)
  if (!tenant) throw new Error(`tenant ${slug} missing`)
  return t.platform.tenantDb(tenant.record)
}

/** An active account with a password, created directly in the tenant database (nothing audited). */
export async function createTestUser(
  t: TestPlatform,
  slug: string,
  input: { email: string; password: string; grants?: Grant[]; name?: string },
): Promise<User> {
  const db = await tenantDbOf(t, slug)
  return createUser(
    db,
    {
      email: input.email,
      name: input.name ?? input.email.split('@')[0] ?? 'Pengguna',
      grants: input.grants ?? [],
      passwordHash: await hashPassword(input.password),
    },
    new Date(),
  )
}

/** A tenant API token with the given grants; returns the bearer secret and the token id. */
export async function createTestToken(
  t: TestPlatform,
  slug: string,
  grants: Grant[],
  options: { name?: string; expiresAt?: string | null } = {},
): Promise<{ id: string; secret: string }> {
  const db = await tenantDbOf(t, slug)
  const { token, secret } = await createApiToken(
    db,
    {
      name: options.name ?? `test ${grants.map((g) => g.role).join(',')}`,
      grants,
      expiresAt: options.expiresAt ?? null,
    },
    'test',
    new Date(),
  )
  return { id: token.id, secret }
}

export interface SetCookie {
  name: string
  value: string
  /** Attribute names in lower case → value ('' for flags such as HttpOnly). */
  attributes: Record<string, string>
}

/** Parses every Set-Cookie header of a response. */
export function setCookiesOf(res: Response): SetCookie[] {
  return res.headers.getSetCookie().map((line) => {
    const [pair = '', ...attrs] = line.split(';').map((part) => part.trim())
    const eq = pair.indexOf('=')
    const attributes: Record<string, string> = {}
    for (const attr of attrs) {
      const at = attr.indexOf('=')
      if (at === -1) attributes[attr.toLowerCase()] = ''
      else attributes[attr.slice(0, at).toLowerCase()] = attr.slice(at + 1)
    }
    return { name: pair.slice(0, eq), value: decodeURIComponent(pair.slice(eq + 1)), attributes }
  })
}

/** The session cookie a response sets, or undefined. */
export function sessionCookieOf(res: Response): SetCookie | undefined {
  return setCookiesOf(res).find((c) => c.name === TEST_SESSION_COOKIE)
}

/**
 * Logs in through the API and returns the `Cookie` header value of the new
 * session. Throws when the login does not succeed.
 */
export async function loginCookie(
  t: TestPlatform,
  host: string,
  credentials: { email: string; password: string },
): Promise<string> {
  const res = await t.request(host, '/api/v1/auth/login', {
    method: 'POST',
    body: JSON.stringify({ email: credentials.email, password: credentials.password }),
  })
  if (res.status !== 200) throw new Error(`login of ${credentials.email} answered ${res.status}: ${await res.text()}`)
  const cookie = sessionCookieOf(res)
  if (!cookie?.value) throw new Error('login set no session cookie')
  return `${TEST_SESSION_COOKIE}=${cookie.value}`
}
