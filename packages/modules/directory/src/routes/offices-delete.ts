import { type ApiKit, type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { deleteOffice } from '../offices'
import { idParamSchema } from '../validation'

export const deleteOfficeRoute = createRoute({
  method: 'delete',
  path: '/directory/offices/{id}',
  tags: ['Directory'],
  summary: 'Delete an office without units, counters, positions or child offices (and its schedules)',
  security: [{ bearer: [] }],
  'x-permission': 'directory.office:delete',
  request: { params: idParamSchema },
  responses: {
    204: { description: 'Deleted' },
    ...problemResponses(401, 403, 404, 409, 422),
  },
})

export function registerDeleteOffice(router: ModuleRouter, kit: ApiKit) {
  router.openapi(kit.guard(deleteOfficeRoute), async (c) => {
    await deleteOffice(c.var.ctx, c.req.valid('param').id)
    return c.body(null, 204)
  })
}
