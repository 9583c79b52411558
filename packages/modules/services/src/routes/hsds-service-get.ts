import { type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { getHsdsService } from '../hsds'
import { hsdsDetailQuerySchema, hsdsIdParamSchema } from '../hsds-query-schemas'
import { hsdsServiceSchema } from '../hsds-service-schemas'

export const hsdsServiceGetRoute = createRoute({
  method: 'get',
  path: '/services/{id}/hsds',
  tags: ['Open Referral HSDS'],
  summary: 'One public service as a fully nested Open Referral HSDS 3 service (by HSDS id, id or slug)',
  request: { params: hsdsIdParamSchema, query: hsdsDetailQuerySchema },
  responses: {
    200: { description: 'The HSDS service', content: { 'application/json': { schema: hsdsServiceSchema } } },
    ...problemResponses(404, 422),
  },
})

export function registerHsdsServiceGet(router: ModuleRouter) {
  router.openapi(hsdsServiceGetRoute, async (c) =>
    c.json(
      await getHsdsService(c.var.ctx, c.req.valid('param').id, c.req.valid('query'), {
        origin: new URL(c.req.url).origin,
      }),
      200,
    ),
  )
}
