import { type ApiKit, type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { verifyOffice } from '../offices'
import { idParamSchema, officeSchema, verifyInputSchema } from '../validation'

export const verifyOfficeRoute = createRoute({
  method: 'post',
  path: '/directory/offices/{id}/verify',
  tags: ['Directory'],
  summary: 'Mark an office as checked now by the caller',
  security: [{ bearer: [] }],
  'x-permission': 'directory.office:verify',
  request: {
    params: idParamSchema,
    body: { required: true, content: { 'application/json': { schema: verifyInputSchema } } },
  },
  responses: {
    200: { description: 'Verified', content: { 'application/json': { schema: officeSchema } } },
    ...problemResponses(400, 401, 403, 404, 413, 415, 422),
  },
})

export function registerVerifyOffice(router: ModuleRouter, kit: ApiKit) {
  router.openapi(kit.guard(verifyOfficeRoute), async (c) =>
    c.json(await verifyOffice(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
  )
}
