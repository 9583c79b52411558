import type { ModuleRouter } from '@cerdas/core'
import { registerHsdsOrganizationGet } from './hsds-organization-get'
import { registerHsdsOrganizationsList } from './hsds-organizations-list'
import { registerHsdsRoot } from './hsds-root'
import { registerHsdsServiceAtLocationsList } from './hsds-service-at-locations-list'
import { registerHsdsServiceGet } from './hsds-service-get'
import { registerHsdsServicesList } from './hsds-services-list'

/**
 * The Open Referral HSDS export (read-only, public). Register before `GET /services/{id}`, which
 * would otherwise take `hsds` for a service slug.
 */
export function registerHsdsRoutes(router: ModuleRouter) {
  registerHsdsRoot(router)
  registerHsdsServicesList(router)
  registerHsdsServiceAtLocationsList(router)
  registerHsdsOrganizationsList(router)
  registerHsdsServiceGet(router)
  registerHsdsOrganizationGet(router)
}
