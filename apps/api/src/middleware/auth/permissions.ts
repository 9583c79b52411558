import { type ApiEnv, type ApiKit, problem } from '@cerdas/core'
import type { MiddlewareHandler } from 'hono'

/**
 * The permission check behind `kit.requirePermission`. The operator holds
 * every permission; role-based grants from module manifests replace this once
 * tenant accounts exist.
 */
export function requirePermission(permission: string): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const actor = c.get('actor')
    if (!actor) throw problem('unauthorized', `This action needs a token with permission ${permission}.`)
    if (actor.kind !== 'operator') throw problem('forbidden', `Missing permission ${permission}.`)
    await next()
  }
}

export const apiKit: ApiKit = {
  requirePermission,
  guard(route) {
    return { ...route, middleware: [requirePermission(route['x-permission'])] }
  },
}
