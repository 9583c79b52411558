import { type ApiKit, type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { createOffice } from '../offices'
import { createOfficeSchema, officeSchema } from '../validation'

export const createOfficeRoute = createRoute({
  method: 'post',
  path: '/directory/offices',
  tags: ['Directory'],
  summary: 'Add an office',
  security: [{ bearer: [] }],
  'x-permission': 'directory.office:create',
  request: { body: { required: true, content: { 'application/json': { schema: createOfficeSchema } } } },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: officeSchema } } },
    ...problemResponses(400, 401, 403, 409, 413, 415, 422),
  },
})

export function registerCreateOffice(router: ModuleRouter, kit: ApiKit) {
  router.openapi(kit.guard(createOfficeRoute), async (c) =>
    c.json(await createOffice(c.var.ctx, c.req.valid('json')), 201),
  )
}
