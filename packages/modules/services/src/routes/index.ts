import type { ModuleRouter } from '@cerdas/core'
import { registerGet } from './get'
import { registerHsdsRoutes } from './hsds-index'
import { registerList } from './list'

/** The routes written by hand: the list (words, office by slug) and the detail; the entity gives the writes. */
export function registerRoutes(router: ModuleRouter) {
  registerList(router)
  registerHsdsRoutes(router)
  registerGet(router)
}
