import { type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { weekOf } from '../schedule-status'
import { idParamSchema, weekOutSchema, weekQuerySchema } from '../validation'

export const weekRoute = createRoute({
  method: 'get',
  path: '/schedules/{id}/week',
  tags: ['Schedules'],
  summary: 'Seven days of hours from a date, with holidays, overrides and closures applied',
  request: { params: idParamSchema, query: weekQuerySchema },
  responses: {
    200: { description: 'The week', content: { 'application/json': { schema: weekOutSchema } } },
    ...problemResponses(404, 422),
  },
})

export function registerWeek(router: ModuleRouter) {
  router.openapi(weekRoute, async (c) =>
    c.json(await weekOf(c.var.ctx, c.req.valid('param').id, c.req.valid('query').from), 200),
  )
}
