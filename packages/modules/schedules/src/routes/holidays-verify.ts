import { type ApiKit, type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { verifyHoliday } from '../holidays'
import { holidayOutSchema, idParamSchema, verifySchema } from '../validation'

export const verifyHolidayRoute = createRoute({
  method: 'post',
  path: '/holidays/{id}/verify',
  tags: ['Holidays'],
  summary: 'Mark a holiday as checked now against its decree by the caller',
  security: [{ bearer: [] }],
  'x-permission': 'schedules.holiday:verify',
  request: {
    params: idParamSchema,
    body: { required: true, content: { 'application/json': { schema: verifySchema } } },
  },
  responses: {
    200: { description: 'Verified', content: { 'application/json': { schema: holidayOutSchema } } },
    ...problemResponses(400, 401, 403, 404, 413, 415, 422),
  },
})

export function registerVerifyHoliday(router: ModuleRouter, kit: ApiKit) {
  router.openapi(kit.guard(verifyHolidayRoute), async (c) =>
    c.json(await verifyHoliday(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
  )
}
