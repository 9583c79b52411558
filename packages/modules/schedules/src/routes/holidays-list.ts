import { type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute, z } from '@hono/zod-openapi'
import { holiday } from '../holiday'
import { currentYear, listHolidays } from '../holidays'
import { yearQuerySchema } from '../validation'

export const listHolidaysRoute = createRoute({
  method: 'get',
  path: '/holidays',
  tags: ['Holidays'],
  summary: "The tenant's holidays of a year: national, cuti bersama and regional, each with its source",
  request: { query: yearQuerySchema },
  responses: {
    200: {
      description: 'The holidays in date order',
      content: {
        'application/json': { schema: z.object({ year: z.number().int(), items: z.array(holiday.schemas.output) }) },
      },
    },
    ...problemResponses(422),
  },
})

export function registerListHolidays(router: ModuleRouter) {
  router.openapi(listHolidaysRoute, async (c) => {
    const year = c.req.valid('query').year ?? currentYear(c.var.ctx)
    return c.json({ year, items: await listHolidays(c.var.ctx, year) }, 200)
  })
}
