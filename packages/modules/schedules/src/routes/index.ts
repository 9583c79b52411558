import type { ApiKit, ModuleRouter } from '@cerdas/core'
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
  registerListHolidays(router)
  registerHolidaysIcal(router)
}
