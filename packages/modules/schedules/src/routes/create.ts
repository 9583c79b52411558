import { type ApiKit, type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { createSchedule } from '../schedules'
import { createScheduleSchema, scheduleOutSchema } from '../validation'

export const createScheduleRoute = createRoute({
  method: 'post',
  path: '/schedules',
  tags: ['Schedules'],
  summary: 'Create a schedule (opening hours or officer presence) for an owner',
  description:
    'Overlapping intervals, an end before its start without overnight, or an unknown zone are a 422 with pointers.',
  security: [{ bearer: [] }],
  'x-permission': 'schedules.schedule:create',
  request: { body: { required: true, content: { 'application/json': { schema: createScheduleSchema } } } },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: scheduleOutSchema } } },
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
})

export function registerCreate(router: ModuleRouter, kit: ApiKit) {
  router.openapi(kit.guard(createScheduleRoute), async (c) =>
    c.json(await createSchedule(c.var.ctx, c.req.valid('json')), 201),
  )
}
