import type { Actor, Grant } from '@cerdas/core'
import type { WebLoadContext } from '@cerdas/core/web'
import type { TestPlatform } from '@cerdas/testing'
import type { AppLoadContext } from '@remix-run/node'
import { openAdminScreen } from '../app/admin/screen.server'
import { tenantPageContext } from '../server/page-context'

/**
 * The load context a console screen gets for a signed-in account holding `grants` on one tenant of
 * a test platform, so its loader and action run as they would behind the session check.
 * @example const asEditor = await consoleContext(t, 'toba', [{ role: 'editor', dimension: 'economy' }], 'ekonomi', { csrfToken: CSRF })
 */
export async function consoleContext(
  t: TestPlatform,
  slug: string,
  grants: Grant[],
  name: string,
  options: { csrfToken: string; path?: string },
): Promise<AppLoadContext> {
  const tenant = await t.platform.tenantBySlug(slug)
  if (!tenant) throw new Error(`no tenant ${slug}`)
  const db = await t.platform.tenantDb(tenant.record)
  const actor: Actor = { kind: 'user', id: `usr_${name}`, name, grants }
  const web: WebLoadContext = await tenantPageContext(t.platform, tenant, db, actor, {
    locale: 'id',
    requestId: 'test',
    currentPath: options.path ?? '/admin',
    session: { userId: actor.id, name, email: `${name}@contoh.go.id`, grants, csrfToken: options.csrfToken },
    secureCookies: false,
    clientIp: undefined,
    openAdminScreen,
  })
  return web as unknown as AppLoadContext
}

/** Runs a loader or action; a thrown Response (a redirect, a 404) is answered, as Remix would. */
export async function runScreen(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    return await fn()
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

/** The status of a thrown Response or of `data(..., { status })`. */
export const statusOf = (result: unknown) =>
  result instanceof Response ? result.status : (result as { init: { status: number } }).init.status
