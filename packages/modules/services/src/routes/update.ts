import { type ApiKit, type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { updateService } from '../services'
import { idParamSchema, serviceSchema, updateServiceSchema } from '../validation'

export const updateServiceRoute = createRoute({
  method: 'patch',
  path: '/services/{id}',
  tags: ['Services'],
  summary: 'Change a public service (lists are replaced whole; the slug stays)',
  security: [{ bearer: [] }],
  'x-permission': 'services.service:update',
  request: {
    params: idParamSchema,
    body: { required: true, content: { 'application/json': { schema: updateServiceSchema } } },
  },
  responses: {
    200: { description: 'Updated', content: { 'application/json': { schema: serviceSchema } } },
    ...problemResponses(400, 401, 403, 404, 413, 415, 422),
  },
})

export function registerUpdate(router: ModuleRouter, kit: ApiKit) {
  router.openapi(kit.guard(updateServiceRoute), async (c) =>
    c.json(await updateService(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
  )
}
