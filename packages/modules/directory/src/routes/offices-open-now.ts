import { type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { listOfficesOpenNow } from '../offices'
import { openNowQuerySchema, openNowSchema } from '../validation'

export const openNowRoute = createRoute({
  method: 'get',
  path: '/directory/offices/open-now',
  tags: ['Directory'],
  summary: 'Offices open now (or at an instant), holiday- and break-aware',
  request: { query: openNowQuerySchema },
  responses: {
    200: {
      description: 'Open offices with their hours status',
      content: { 'application/json': { schema: openNowSchema } },
    },
    ...problemResponses(422),
  },
})

export function registerOpenNow(router: ModuleRouter) {
  router.openapi(openNowRoute, async (c) => c.json(await listOfficesOpenNow(c.var.ctx, c.req.valid('query')), 200))
}
