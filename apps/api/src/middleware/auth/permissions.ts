import { type AnyModule, type ApiEnv, type ApiKit, hasPermission, permissionCatalog, problem } from '@cerdas/core'
import type { MiddlewareHandler } from 'hono'

/**
 * The permission checks modules use, resolved against the permission
 * catalogue of the platform and every registered module: 401 without a
 * caller, 403 when the caller's roles do not cover the permission.
 */
export function createApiKit(modules: readonly AnyModule[]): ApiKit {
  const catalog = new Map(permissionCatalog(modules).map((p) => [p.key, p]))
  const requirePermission = (permission: string): MiddlewareHandler<ApiEnv> => {
    if (!catalog.has(permission))
      throw new Error(`unknown permission ${permission}: declare it in the module's permissions`)
    return async (c, next) => {
      const actor = c.var.ctx.actor
      if (!actor) throw problem('unauthorized', `This action needs a login or a token with permission ${permission}.`)
      if (!hasPermission(actor.grants ?? [], catalog.get(permission))) {
        throw problem('forbidden', `Your roles do not include permission ${permission}.`)
      }
      await next()
    }
  }
  return {
    requirePermission,
    guard: (route) => ({ ...route, middleware: [requirePermission(route['x-permission'])] }),
  }
}
