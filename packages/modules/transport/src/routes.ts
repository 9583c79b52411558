import { localizedTextOutput, type ModuleRouter, problemResponses } from '@cerdas/core'
import { isLocalDate } from '@cerdas/schedules'
import { createRoute, z } from '@hono/zod-openapi'
import { MAX_FEED_DAYS, MAX_NEXT, routeDepartures, routeICalendar } from './route-departures'

/** The routes the generated ones cannot be: a route's next departures and its iCalendar feed. */

const idParamSchema = z.strictObject({
  id: z
    .string()
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'kapal-penumpang-ajibata-tomok' }),
})

const localDate = z.string().refine(isLocalDate, { message: 'Expected a real date as YYYY-MM-DD' })

const departuresQuerySchema = z.strictObject({
  date: localDate.optional().openapi({
    description: 'Local date whose timetable `day` shows; default the date of `after`',
    example: '2026-08-17',
  }),
  after: z.iso.datetime({ offset: true }).optional().openapi({
    description: 'Departures strictly after this instant; default now',
    example: '2026-08-16T19:00:00+07:00',
  }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_NEXT)
    .optional()
    .openapi({ description: `How many next departures (default 5, at most ${MAX_NEXT})` }),
})

const icalQuerySchema = z.strictObject({
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_FEED_DAYS)
    .default(30)
    .openapi({ description: `Local dates covered from today (default 30, at most ${MAX_FEED_DAYS})` }),
})

const reasonSchema = z
  .object({
    kind: z.enum(['weekly', 'override', 'holiday', 'exception', 'cancelled']),
    label: localizedTextOutput
      .nullable()
      .openapi({ description: 'Holiday name or the reason of an override or exception' }),
    runsAs: z
      .string()
      .nullable()
      .openapi({ description: 'On a holiday: the weekday whose times run (su = as on Sunday), null for no service' }),
  })
  .openapi('DepartureReason')

const departureSchema = z
  .object({
    at: z.string().openapi({ description: 'Instant it leaves (UTC)' }),
    date: z.string(),
    time: z.string().openapi({ description: 'Local time HH:MM in the timetable zone' }),
    reason: reasonSchema,
  })
  .openapi('Departure')

const departuresSchema = z
  .object({
    route: z.object({ id: z.string(), slug: z.string(), name: localizedTextOutput, mode: z.string() }),
    timezone: z.string(),
    after: z.string(),
    noTimetable: z.boolean().openapi({ description: 'The route has no departure times yet (no data)' }),
    next: z.array(departureSchema),
    day: z.object({
      date: z.string(),
      weekday: z.string(),
      times: z.array(z.string()),
      reason: reasonSchema,
      holiday: z.object({ name: localizedTextOutput, kind: z.string(), verified: z.boolean() }).nullable(),
    }),
  })
  .openapi('RouteDepartures')

export function registerTransportRoutes(router: ModuleRouter) {
  const tags = ['Transport']
  router.openapi(
    createRoute({
      method: 'get',
      path: '/transport/routes/{id}/departures',
      tags,
      summary: "A route's next departures and one day's timetable, holiday-aware",
      description:
        'Next departures strictly after `after` (default now), crossing days, holidays (from the tenant holiday calendar), overrides and exceptions; each says why its day has these times.',
      request: { params: idParamSchema, query: departuresQuerySchema },
      responses: {
        200: { description: 'Departures', content: { 'application/json': { schema: departuresSchema } } },
        ...problemResponses(400, 404, 422),
      },
    }),
    async (c) => c.json(await routeDepartures(c.var.ctx, c.req.valid('param').id, c.req.valid('query')), 200),
  )
  router.openapi(
    createRoute({
      method: 'get',
      path: '/transport/routes/{id}/ical',
      tags,
      summary: "A route's departures for the coming days as an RFC 5545 iCalendar feed",
      request: { params: idParamSchema, query: icalQuerySchema },
      responses: {
        200: { description: 'iCalendar', content: { 'text/calendar': { schema: z.string() } } },
        ...problemResponses(400, 404, 422),
      },
    }),
    async (c) => {
      const ctx = c.var.ctx
      const { route, body } = await routeICalendar(ctx, c.req.valid('param').id, {
        days: c.req.valid('query').days,
        locale: ctx.locale === 'en' ? 'en' : 'id',
      })
      return c.body(body, 200, {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `inline; filename="${route.slug}.ics"`,
      })
    },
  )
}
