import { type ModuleRouter, pageSchema, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { listOffices } from '../offices'
import { listOfficesQuerySchema, officeSchema } from '../validation'

export const listOfficesRoute = createRoute({
  method: 'get',
  path: '/directory/offices',
  tags: ['Directory'],
  summary: 'List offices (OPD) by name, filtered by type, kecamatan and words',
  request: { query: listOfficesQuerySchema },
  responses: {
    200: { description: 'A page of offices', content: { 'application/json': { schema: pageSchema(officeSchema) } } },
    ...problemResponses(400, 422),
  },
})

export function registerListOffices(router: ModuleRouter) {
  router.openapi(listOfficesRoute, async (c) => c.json(await listOffices(c.var.ctx, c.req.valid('query')), 200))
}
