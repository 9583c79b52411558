import type { ApiKit, ModuleRouter } from '@cerdas/core'
import { registerCounters } from './counters'
import { registerCreateOffice } from './offices-create'
import { registerDeleteOffice } from './offices-delete'
import { registerGetOffice } from './offices-get'
import { registerListOffices } from './offices-list'
import { registerOpenNow } from './offices-open-now'
import { registerUpdateOffice } from './offices-update'
import { registerVerifyOffice } from './offices-verify'
import { registerPositions } from './positions'
import { registerUnits } from './units'

export function registerRoutes(router: ModuleRouter, kit: ApiKit) {
  registerListOffices(router)
  // Before /directory/offices/{id}, which would otherwise take "open-now" as an id.
  registerOpenNow(router)
  registerGetOffice(router)
  registerCreateOffice(router, kit)
  registerUpdateOffice(router, kit)
  registerDeleteOffice(router, kit)
  registerVerifyOffice(router, kit)
  registerUnits(router, kit)
  registerCounters(router, kit)
  registerPositions(router, kit)
}
