import { type ApiKit, type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { verifySchedule } from '../schedules'
import { idParamSchema, scheduleOutSchema, verifySchema } from '../validation'

export const verifyScheduleRoute = createRoute({
  method: 'post',
  path: '/schedules/{id}/verify',
  tags: ['Schedules'],
  summary: 'Mark a schedule as checked now by the caller',
  security: [{ bearer: [] }],
  'x-permission': 'schedules.schedule:verify',
  request: {
    params: idParamSchema,
    body: { required: true, content: { 'application/json': { schema: verifySchema } } },
  },
  responses: {
    200: { description: 'Verified', content: { 'application/json': { schema: scheduleOutSchema } } },
    ...problemResponses(400, 401, 403, 404, 413, 415, 422),
  },
})

export function registerVerify(router: ModuleRouter, kit: ApiKit) {
  router.openapi(kit.guard(verifyScheduleRoute), async (c) =>
    c.json(await verifySchedule(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
  )
}
