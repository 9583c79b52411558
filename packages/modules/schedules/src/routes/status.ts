import { type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { statusOf } from '../schedule-status'
import { idParamSchema, statusOutSchema, statusQuerySchema } from '../validation'

export const statusRoute = createRoute({
  method: 'get',
  path: '/schedules/{id}/status',
  tags: ['Schedules'],
  summary: 'Open or closed now (or at `at`): until when, next opening, and why',
  description: 'Holiday-, break- and override-aware, evaluated in the schedule zone (the tenant zone by default).',
  request: { params: idParamSchema, query: statusQuerySchema },
  responses: {
    200: { description: 'The status', content: { 'application/json': { schema: statusOutSchema } } },
    ...problemResponses(404, 422),
  },
})

export function registerStatus(router: ModuleRouter) {
  router.openapi(statusRoute, async (c) => {
    const { at } = c.req.valid('query')
    return c.json(await statusOf(c.var.ctx, c.req.valid('param').id, at ? new Date(at) : undefined), 200)
  })
}
