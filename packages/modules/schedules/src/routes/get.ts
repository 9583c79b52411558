import { type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { getSchedule } from '../schedules'
import { idParamSchema, scheduleOutSchema } from '../validation'

export const getRoute = createRoute({
  method: 'get',
  path: '/schedules/{id}',
  tags: ['Schedules'],
  summary: 'One schedule with its definition and OSM opening_hours',
  request: { params: idParamSchema },
  responses: {
    200: { description: 'The schedule', content: { 'application/json': { schema: scheduleOutSchema } } },
    ...problemResponses(404, 422),
  },
})

export function registerGet(router: ModuleRouter) {
  router.openapi(getRoute, async (c) => c.json(await getSchedule(c.var.ctx, c.req.valid('param').id), 200))
}
