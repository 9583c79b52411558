import { type ApiKit, type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { deleteService } from '../services'
import { idParamSchema } from '../validation'

export const deleteServiceRoute = createRoute({
  method: 'delete',
  path: '/services/{id}',
  tags: ['Services'],
  summary: 'Delete a public service (and its own schedules)',
  security: [{ bearer: [] }],
  'x-permission': 'services.service:delete',
  request: { params: idParamSchema },
  responses: {
    204: { description: 'Deleted' },
    ...problemResponses(401, 403, 404, 422),
  },
})

export function registerDelete(router: ModuleRouter, kit: ApiKit) {
  router.openapi(kit.guard(deleteServiceRoute), async (c) => {
    await deleteService(c.var.ctx, c.req.valid('param').id)
    return c.body(null, 204)
  })
}
