import { type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute, z } from '@hono/zod-openapi'
import { scheduleOpeningHours } from '../schedule-exports'
import { idParamSchema } from '../validation'

export const openingHoursRoute = createRoute({
  method: 'get',
  path: '/schedules/{id}/opening-hours',
  tags: ['Schedules'],
  summary: 'The schedule as an OpenStreetMap opening_hours value',
  request: { params: idParamSchema },
  responses: {
    200: {
      description: 'The OSM value',
      content: {
        'application/json': {
          schema: z.object({
            openingHours: z.string().openapi({ example: 'Mo-Th 08:00-12:00,13:00-16:00; PH off' }),
          }),
        },
      },
    },
    ...problemResponses(404, 422),
  },
})

export function registerOpeningHours(router: ModuleRouter) {
  router.openapi(openingHoursRoute, async (c) =>
    c.json({ openingHours: await scheduleOpeningHours(c.var.ctx, c.req.valid('param').id) }, 200),
  )
}
