import { type ModuleRouter, pageSchema, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { service } from '../service'
import { listServices } from '../services'
import { listQuerySchema } from '../validation'

export const listRoute = createRoute({
  method: 'get',
  path: '/services',
  tags: ['Services'],
  summary: 'List public services by name, filtered by category, office and words (names and synonyms)',
  request: { query: listQuerySchema },
  responses: {
    200: {
      description: 'A page of services',
      content: { 'application/json': { schema: pageSchema(service.schemas.output) } },
    },
    ...problemResponses(400, 422),
  },
})

export function registerList(router: ModuleRouter) {
  router.openapi(listRoute, async (c) => c.json((await listServices(c.var.ctx, c.req.valid('query'))) as never, 200))
}
