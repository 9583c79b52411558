import type { ApiKit, ModuleRouter } from '@cerdas/core'
import { registerCreate } from './create'
import { registerDelete } from './delete'
import { registerGet } from './get'
import { registerHsdsRoutes } from './hsds-index'
import { registerList } from './list'
import { registerUpdate } from './update'
import { registerVerify } from './verify'

export function registerRoutes(router: ModuleRouter, kit: ApiKit) {
  registerList(router)
  registerHsdsRoutes(router)
  registerGet(router)
  registerCreate(router, kit)
  registerUpdate(router, kit)
  registerDelete(router, kit)
  registerVerify(router, kit)
}
