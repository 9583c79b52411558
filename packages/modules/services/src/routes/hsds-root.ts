import { type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { hsdsRoot } from '../hsds'
import { hsdsRootSchema } from '../hsds-page-schemas'
import { hsdsRootQuerySchema } from '../hsds-query-schemas'

export const hsdsRootRoute = createRoute({
  method: 'get',
  path: '/services/hsds',
  tags: ['Open Referral HSDS'],
  summary: 'Open Referral HSDS export: the HSDS version and where its lists are (the HSDS API root)',
  request: { query: hsdsRootQuerySchema },
  responses: {
    200: { description: 'About the HSDS export', content: { 'application/json': { schema: hsdsRootSchema } } },
    ...problemResponses(400, 422),
  },
})

export function registerHsdsRoot(router: ModuleRouter) {
  router.openapi(hsdsRootRoute, (c) => c.json(hsdsRoot(c.var.ctx, { origin: new URL(c.req.url).origin }), 200))
}
