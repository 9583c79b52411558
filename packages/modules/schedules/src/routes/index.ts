import type { ApiKit, ModuleRouter } from '@cerdas/core'
import { registerCreate } from './create'
import { registerDelete } from './delete'
import { registerGet } from './get'
import { registerHolidaysIcal } from './holidays-ical'
import { registerListHolidays } from './holidays-list'
import { registerIcal } from './ical'
import { registerImport } from './import'
import { registerList } from './list'
import { registerOpeningHours } from './opening-hours'
import { registerOwnerStatus } from './owner-status'
import { registerSchemaOrg } from './schema-org'
import { registerStatus } from './status'
import { registerUpdate } from './update'
import { registerVerify } from './verify'
import { registerWeek } from './week'

export function registerRoutes(router: ModuleRouter, kit: ApiKit) {
  registerList(router)
  registerOwnerStatus(router)
  registerGet(router)
  registerStatus(router)
  registerWeek(router)
  registerIcal(router)
  registerOpeningHours(router)
  registerSchemaOrg(router)
  registerImport(router, kit)
  registerCreate(router, kit)
  registerUpdate(router, kit)
  registerDelete(router, kit)
  registerVerify(router, kit)
  registerListHolidays(router)
  registerHolidaysIcal(router)
}
