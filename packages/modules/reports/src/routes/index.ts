import type { ApiKit, ModuleRouter } from '@cerdas/core'

/** The module's JSON API under /api/v1/reports (categories are the entity's generated routes). */
export function registerReportRoutes(router: ModuleRouter, kit: ApiKit): void {
  void router, kit
}
