import { type ApiKit, type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { verifyService } from '../services'
import { idParamSchema, serviceSchema, verifyInputSchema } from '../validation'

export const verifyServiceRoute = createRoute({
  method: 'post',
  path: '/services/{id}/verify',
  tags: ['Services'],
  summary: 'Mark a service as checked now by the caller',
  security: [{ bearer: [] }],
  'x-permission': 'services.service:verify',
  request: {
    params: idParamSchema,
    body: { required: true, content: { 'application/json': { schema: verifyInputSchema } } },
  },
  responses: {
    200: { description: 'Verified', content: { 'application/json': { schema: serviceSchema } } },
    ...problemResponses(400, 401, 403, 404, 413, 415, 422),
  },
})

export function registerVerify(router: ModuleRouter, kit: ApiKit) {
  router.openapi(kit.guard(verifyServiceRoute), async (c) =>
    c.json(await verifyService(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
  )
}
