import { type ApiKit, type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { deleteSchedule } from '../schedules'
import { idParamSchema } from '../validation'

export const deleteScheduleRoute = createRoute({
  method: 'delete',
  path: '/schedules/{id}',
  tags: ['Schedules'],
  summary: 'Delete a schedule',
  security: [{ bearer: [] }],
  'x-permission': 'schedules.schedule:delete',
  request: { params: idParamSchema },
  responses: {
    204: { description: 'Deleted' },
    ...problemResponses(401, 403, 404, 422),
  },
})

export function registerDelete(router: ModuleRouter, kit: ApiKit) {
  router.openapi(kit.guard(deleteScheduleRoute), async (c) => {
    await deleteSchedule(c.var.ctx, c.req.valid('param').id)
    return c.body(null, 204)
  })
}
