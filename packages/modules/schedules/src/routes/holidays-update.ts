import { type ApiKit, type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { updateHoliday } from '../holidays'
import { holidayOutSchema, idParamSchema, updateHolidaySchema } from '../validation'

export const updateHolidayRoute = createRoute({
  method: 'patch',
  path: '/holidays/{id}',
  tags: ['Holidays'],
  summary: 'Change a holiday (a new date or kind clears its verification)',
  security: [{ bearer: [] }],
  'x-permission': 'schedules.holiday:update',
  request: {
    params: idParamSchema,
    body: { required: true, content: { 'application/json': { schema: updateHolidaySchema } } },
  },
  responses: {
    200: { description: 'Updated', content: { 'application/json': { schema: holidayOutSchema } } },
    ...problemResponses(400, 401, 403, 404, 413, 415, 422),
  },
})

export function registerUpdateHoliday(router: ModuleRouter, kit: ApiKit) {
  router.openapi(kit.guard(updateHolidayRoute), async (c) =>
    c.json(await updateHoliday(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
  )
}
