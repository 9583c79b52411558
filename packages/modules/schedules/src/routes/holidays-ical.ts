import { type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute, z } from '@hono/zod-openapi'
import { currentYear, holidaysICalendar } from '../holidays'
import { yearQuerySchema } from '../validation'

export const holidaysIcalRoute = createRoute({
  method: 'get',
  path: '/holidays/ical',
  tags: ['Holidays'],
  summary: "The tenant's holidays of a year as an iCalendar feed of all-day events",
  request: { query: yearQuerySchema },
  responses: {
    200: { description: 'iCalendar', content: { 'text/calendar': { schema: z.string() } } },
    ...problemResponses(422),
  },
})

export function registerHolidaysIcal(router: ModuleRouter) {
  router.openapi(holidaysIcalRoute, async (c) => {
    const year = c.req.valid('query').year ?? currentYear(c.var.ctx)
    return c.body(await holidaysICalendar(c.var.ctx, year), 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="hari-libur-${year}.ics"`,
    })
  })
}
