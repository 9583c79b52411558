import { type ApiKit, type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { updateOffice } from '../offices'
import { idParamSchema, officeSchema, updateOfficeSchema } from '../validation'

export const updateOfficeRoute = createRoute({
  method: 'patch',
  path: '/directory/offices/{id}',
  tags: ['Directory'],
  summary: 'Change an office (the slug stays)',
  security: [{ bearer: [] }],
  'x-permission': 'directory.office:update',
  request: {
    params: idParamSchema,
    body: { required: true, content: { 'application/json': { schema: updateOfficeSchema } } },
  },
  responses: {
    200: { description: 'Updated', content: { 'application/json': { schema: officeSchema } } },
    ...problemResponses(400, 401, 403, 404, 413, 415, 422),
  },
})

export function registerUpdateOffice(router: ModuleRouter, kit: ApiKit) {
  router.openapi(kit.guard(updateOfficeRoute), async (c) =>
    c.json(await updateOffice(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
  )
}
