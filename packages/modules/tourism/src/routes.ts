import { type ModuleRouter, pageSchema, problemResponses } from '@cerdas/core'
import { statusOutSchema } from '@cerdas/module-schedules'
import { createRoute, z } from '@hono/zod-openapi'
import { attraction } from './attraction'
import { listAttractions } from './attractions'
import { event, type TourismEvent } from './event'
import { eventOccurrencesBetween } from './events-calendar'
import { eventsFeed, oneEventICalendar } from './events-feed'
import { attractionListQuerySchema, eventWindowQuerySchema, feedQuerySchema, keyParamSchema } from './validation'

const json = (schema: z.ZodType) => ({ 'application/json': { schema } })
const calendar = { 'text/calendar': { schema: z.string() } }
const tags = ['Tourism']

const attractionItemSchema = attraction.schemas.output
  .extend({
    hours: statusOutSchema.nullable().openapi({ description: 'Hours status at `at`; null without an hours schedule' }),
  })
  .openapi('AttractionListItem')

const attractionPageSchema = pageSchema(attractionItemSchema)
  .extend({
    withoutHours: z
      .number()
      .int()
      .optional()
      .openapi({ description: 'With openNow: matching attractions left out because they have no hours' }),
  })
  .openapi('AttractionPage')

const occurrenceSchema = z
  .object({
    event: event.schemas.output,
    startDate: z.string().openapi({ description: 'First local date of this occurrence' }),
    endDate: z.string().openapi({ description: 'Last local date of this occurrence' }),
    startTime: z.string().nullable().openapi({ description: 'Local time HH:MM; null when all day or not known' }),
    endTime: z.string().nullable(),
  })
  .openapi('TourismEventOccurrence')

const occurrencesSchema = z
  .object({ from: z.string(), to: z.string(), items: z.array(occurrenceSchema) })
  .openapi('TourismEventOccurrences')

/** The absolute origin of a request, for the URLs inside a calendar feed. */
const originOf = (url: string) => new URL(url).origin

/** A calendar answer: inline, named, so a browser offers to add it to a calendar app. */
function calendarHeaders(filename: string) {
  return {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': `inline; filename="${filename}"`,
  }
}

/** The routes the generated ones cannot be: attractions open now, events as occurrences in a window, calendar feeds. */
export function registerTourismRoutes(router: ModuleRouter) {
  router.openapi(
    createRoute({
      method: 'get',
      path: '/tourism/attractions',
      tags,
      summary:
        'List attractions with their hours status, filtered (category, kecamatan, open now, price, facilities, free entry)',
      request: { query: attractionListQuerySchema },
      responses: {
        200: { description: 'A page of attractions', content: json(attractionPageSchema) },
        ...problemResponses(400, 422),
      },
    }),
    async (c) => c.json((await listAttractions(c.var.ctx, c.req.valid('query'))) as never, 200),
  )
  // Before /tourism/events/{id}: a static path.
  router.openapi(
    createRoute({
      method: 'get',
      path: '/tourism/events.ics',
      tags,
      summary: 'Upcoming events as an RFC 5545 iCalendar feed (all, or one category)',
      request: { query: feedQuerySchema },
      responses: { 200: { description: 'iCalendar', content: calendar }, ...problemResponses(422) },
    }),
    async (c) => {
      const { category } = c.req.valid('query')
      const text = await eventsFeed(c.var.ctx, { category, origin: originOf(c.req.url) })
      return c.body(text, 200, calendarHeaders(category ? `acara-${category}.ics` : 'acara.ics'))
    },
  )
  router.openapi(
    createRoute({
      method: 'get',
      path: '/tourism/events',
      tags,
      summary: 'Occurrences of events between two dates (default the next 30 days, at most 366)',
      request: { query: eventWindowQuerySchema },
      responses: {
        200: { description: 'Occurrences in order of their start', content: json(occurrencesSchema) },
        ...problemResponses(400, 422),
      },
    }),
    async (c) => c.json((await eventOccurrencesBetween(c.var.ctx, c.req.valid('query'))) as never, 200),
  )
  router.openapi(
    createRoute({
      method: 'get',
      path: '/tourism/events/{id}/ics',
      tags,
      summary: 'One event as an iCalendar file, to add it to a calendar',
      request: { params: keyParamSchema },
      responses: { 200: { description: 'iCalendar', content: calendar }, ...problemResponses(404, 422) },
    }),
    async (c) => {
      const found = (await event.get(c.var.ctx, c.req.valid('param').id)) as TourismEvent
      const text = await oneEventICalendar(c.var.ctx, found, originOf(c.req.url))
      return c.body(text, 200, calendarHeaders(`${found.slug}.ics`))
    },
  )
}
