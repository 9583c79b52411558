import { type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { getServiceDetail } from '../services'
import { detailQuerySchema, idParamSchema, serviceDetailSchema } from '../validation'

export const getRoute = createRoute({
  method: 'get',
  path: '/services/{id}',
  tags: ['Services'],
  summary: 'One service by id or slug, with its office, bidang, counters, open-now status and officer presence',
  request: { params: idParamSchema, query: detailQuerySchema },
  responses: {
    200: { description: 'The service', content: { 'application/json': { schema: serviceDetailSchema } } },
    ...problemResponses(404, 422),
  },
})

export function registerGet(router: ModuleRouter) {
  router.openapi(getRoute, async (c) => {
    const { at } = c.req.valid('query')
    return c.json(await getServiceDetail(c.var.ctx, c.req.valid('param').id, at ? new Date(at) : undefined), 200)
  })
}
