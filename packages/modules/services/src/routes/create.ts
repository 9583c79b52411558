import { type ApiKit, type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { createService } from '../services'
import { createServiceSchema, serviceSchema } from '../validation'

export const createServiceRoute = createRoute({
  method: 'post',
  path: '/services',
  tags: ['Services'],
  summary: 'Add a public service',
  security: [{ bearer: [] }],
  'x-permission': 'services.service:create',
  request: { body: { required: true, content: { 'application/json': { schema: createServiceSchema } } } },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: serviceSchema } } },
    ...problemResponses(400, 401, 403, 409, 413, 415, 422),
  },
})

export function registerCreate(router: ModuleRouter, kit: ApiKit) {
  router.openapi(kit.guard(createServiceRoute), async (c) =>
    c.json(await createService(c.var.ctx, c.req.valid('json')), 201),
  )
}
