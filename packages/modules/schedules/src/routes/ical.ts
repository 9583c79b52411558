import { type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute, z } from '@hono/zod-openapi'
import { scheduleICalendar } from '../schedule-exports'
import { idParamSchema, rangeQuerySchema } from '../validation'

export const icalRoute = createRoute({
  method: 'get',
  path: '/schedules/{id}/ical',
  tags: ['Schedules'],
  summary: 'The schedule as an RFC 5545 iCalendar feed',
  description:
    'Weekly recurring events with exceptions on holidays, Ramadan hours and closures. Default: one year from today.',
  request: { params: idParamSchema, query: rangeQuerySchema },
  responses: {
    200: { description: 'iCalendar', content: { 'text/calendar': { schema: z.string() } } },
    ...problemResponses(400, 404, 422),
  },
})

export function registerIcal(router: ModuleRouter) {
  router.openapi(icalRoute, async (c) => {
    const { id } = c.req.valid('param')
    const text = await scheduleICalendar(c.var.ctx, id, { ...c.req.valid('query'), locale: c.var.ctx.locale })
    return c.body(text, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="${id}.ics"`,
    })
  })
}
