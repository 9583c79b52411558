import { type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { listHsdsServices } from '../hsds'
import { hsdsServicesPageSchema } from '../hsds-page-schemas'
import { hsdsServicesQuerySchema } from '../hsds-query-schemas'

export const hsdsServicesListRoute = createRoute({
  method: 'get',
  path: '/services/hsds/services',
  tags: ['Open Referral HSDS'],
  summary: 'Public services as fully nested Open Referral HSDS 3 services, one page at a time',
  request: { query: hsdsServicesQuerySchema },
  responses: {
    200: {
      description: 'A page of HSDS services (HSDS API list envelope)',
      content: { 'application/json': { schema: hsdsServicesPageSchema } },
    },
    ...problemResponses(400, 422),
  },
})

export function registerHsdsServicesList(router: ModuleRouter) {
  router.openapi(hsdsServicesListRoute, async (c) =>
    c.json(await listHsdsServices(c.var.ctx, c.req.valid('query'), { origin: new URL(c.req.url).origin }), 200),
  )
}
