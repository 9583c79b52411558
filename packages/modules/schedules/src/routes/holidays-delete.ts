import { type ApiKit, type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { deleteHoliday } from '../holidays'
import { idParamSchema } from '../validation'

export const deleteHolidayRoute = createRoute({
  method: 'delete',
  path: '/holidays/{id}',
  tags: ['Holidays'],
  summary: 'Delete a holiday',
  security: [{ bearer: [] }],
  'x-permission': 'schedules.holiday:delete',
  request: { params: idParamSchema },
  responses: {
    204: { description: 'Deleted' },
    ...problemResponses(401, 403, 404, 422),
  },
})

export function registerDeleteHoliday(router: ModuleRouter, kit: ApiKit) {
  router.openapi(kit.guard(deleteHolidayRoute), async (c) => {
    await deleteHoliday(c.var.ctx, c.req.valid('param').id)
    return c.body(null, 204)
  })
}
