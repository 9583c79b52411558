import { type ApiKit, type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { updateSchedule } from '../schedules'
import { idParamSchema, scheduleOutSchema, updateScheduleSchema } from '../validation'

export const updateScheduleRoute = createRoute({
  method: 'patch',
  path: '/schedules/{id}',
  tags: ['Schedules'],
  summary: 'Change a schedule (a new definition replaces the old one and clears its verification)',
  security: [{ bearer: [] }],
  'x-permission': 'schedules.schedule:update',
  request: {
    params: idParamSchema,
    body: { required: true, content: { 'application/json': { schema: updateScheduleSchema } } },
  },
  responses: {
    200: { description: 'Updated', content: { 'application/json': { schema: scheduleOutSchema } } },
    ...problemResponses(400, 401, 403, 404, 413, 415, 422),
  },
})

export function registerUpdate(router: ModuleRouter, kit: ApiKit) {
  router.openapi(kit.guard(updateScheduleRoute), async (c) =>
    c.json(await updateSchedule(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
  )
}
