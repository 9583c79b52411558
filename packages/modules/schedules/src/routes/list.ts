import { type ModuleRouter, pageSchema, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { listSchedules } from '../schedules'
import { listQuerySchema, scheduleOutSchema } from '../validation'

export const listRoute = createRoute({
  method: 'get',
  path: '/schedules',
  tags: ['Schedules'],
  summary: 'List schedules, filtered by owner (module, type, id) and kind',
  request: { query: listQuerySchema },
  responses: {
    200: {
      description: 'A page of schedules, oldest first',
      content: { 'application/json': { schema: pageSchema(scheduleOutSchema) } },
    },
    ...problemResponses(400, 422),
  },
})

export function registerList(router: ModuleRouter) {
  router.openapi(listRoute, async (c) => c.json(await listSchedules(c.var.ctx, c.req.valid('query')), 200))
}
