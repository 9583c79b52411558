import { type ApiKit, type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { createHoliday } from '../holidays'
import { createHolidaySchema, holidayOutSchema } from '../validation'

export const createHolidayRoute = createRoute({
  method: 'post',
  path: '/holidays',
  tags: ['Holidays'],
  summary: 'Add a holiday (e.g. a regional holiday or a revised cuti bersama)',
  security: [{ bearer: [] }],
  'x-permission': 'schedules.holiday:create',
  request: { body: { required: true, content: { 'application/json': { schema: createHolidaySchema } } } },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: holidayOutSchema } } },
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
})

export function registerCreateHoliday(router: ModuleRouter, kit: ApiKit) {
  router.openapi(kit.guard(createHolidayRoute), async (c) =>
    c.json(await createHoliday(c.var.ctx, c.req.valid('json')), 201),
  )
}
