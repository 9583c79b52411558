import { type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { listHsdsServiceAtLocations } from '../hsds'
import { hsdsServiceAtLocationsPageSchema } from '../hsds-page-schemas'
import { hsdsServiceAtLocationsQuerySchema } from '../hsds-query-schemas'

export const hsdsServiceAtLocationsListRoute = createRoute({
  method: 'get',
  path: '/services/hsds/service_at_locations',
  tags: ['Open Referral HSDS'],
  summary: 'Where each public service is offered, as Open Referral HSDS 3 service_at_location records',
  request: { query: hsdsServiceAtLocationsQuerySchema },
  responses: {
    200: {
      description: 'A page of HSDS service_at_location records (HSDS API list envelope)',
      content: { 'application/json': { schema: hsdsServiceAtLocationsPageSchema } },
    },
    ...problemResponses(400, 422),
  },
})

export function registerHsdsServiceAtLocationsList(router: ModuleRouter) {
  router.openapi(hsdsServiceAtLocationsListRoute, async (c) =>
    c.json(
      await listHsdsServiceAtLocations(c.var.ctx, c.req.valid('query'), { origin: new URL(c.req.url).origin }),
      200,
    ),
  )
}
