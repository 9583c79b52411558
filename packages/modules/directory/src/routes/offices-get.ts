import { type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { getOfficeDetail } from '../offices'
import { detailQuerySchema, idParamSchema, officeDetailSchema } from '../validation'

export const getOfficeRoute = createRoute({
  method: 'get',
  path: '/directory/offices/{id}',
  tags: ['Directory'],
  summary: 'One office by id or slug, with units, counters, positions and whether it is open now',
  request: { params: idParamSchema, query: detailQuerySchema },
  responses: {
    200: { description: 'The office', content: { 'application/json': { schema: officeDetailSchema } } },
    ...problemResponses(404, 422),
  },
})

export function registerGetOffice(router: ModuleRouter) {
  router.openapi(getOfficeRoute, async (c) => {
    const { at } = c.req.valid('query')
    return c.json(await getOfficeDetail(c.var.ctx, c.req.valid('param').id, at ? new Date(at) : undefined), 200)
  })
}
