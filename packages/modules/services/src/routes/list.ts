import { type ModuleRouter, pageSchema, problemResponses } from '@cerdas/core'
import { createRoute, z } from '@hono/zod-openapi'
import { service } from '../service'
import { serviceSummarySchema } from '../service-summary'
import { listServiceSummaries, listServices } from '../services'
import { listQuerySchema } from '../validation'

export const listRoute = createRoute({
  method: 'get',
  path: '/services',
  tags: ['Services'],
  summary: 'List public services by name, filtered by category, office and words (names and synonyms)',
  description:
    'Each service comes in the summary shape unless fields=full asks for every field (requirements, procedure, places, legal basis, complaints, related services). Until this release the list always gave every field.',
  request: { query: listQuerySchema },
  responses: {
    200: {
      description: 'A page of services: summaries, or every field with fields=full',
      content: {
        'application/json': { schema: pageSchema(z.union([serviceSummarySchema, service.schemas.output])) },
      },
    },
    ...problemResponses(400, 422),
  },
})

export function registerList(router: ModuleRouter) {
  router.openapi(listRoute, async (c) => {
    const query = c.req.valid('query')
    const page =
      query.fields === 'full' ? await listServices(c.var.ctx, query) : await listServiceSummaries(c.var.ctx, query)
    return c.json(page as never, 200)
  })
}
