import { type ModuleRouter, problemResponses } from '@cerdas/core'
import { isLocalDate } from '@cerdas/schedules'
import { createRoute, z } from '@hono/zod-openapi'
import { AGENDA_KINDS, type AgendaEntry, agenda } from './agenda'
import { agendaBetween, agendaFeed, oneAgendaICalendar } from './agenda-calendar'

const tags = ['Smart-city governance']
const calendar = { 'text/calendar': { schema: z.string() } }

const localDate = z
  .string()
  .refine(isLocalDate, { message: 'Expected a real date as YYYY-MM-DD' })
  .openapi({ example: '2021-06-28' })

const windowQuery = z.strictObject({
  from: localDate.optional().openapi({ description: 'First local date; default today in the tenant zone' }),
  to: localDate.optional().openapi({ description: 'Last local date (inclusive); default a year after from' }),
  kind: z.enum(AGENDA_KINDS).optional(),
})

const idParam = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'agd_01JDXYZABCDEFGHJKMNPQRSTVW' }),
})

const windowSchema = z
  .object({ from: z.string(), to: z.string(), items: z.array(agenda.schemas.output) })
  .openapi('GovernanceAgendaWindow')

/** A calendar answer: inline, named, so a browser offers to add it to a calendar app. */
const calendarHeaders = (filename: string) => ({
  'Content-Type': 'text/calendar; charset=utf-8',
  'Content-Disposition': `inline; filename="${filename}"`,
})

const originOf = (url: string) => new URL(url).origin

/** The agenda's list by window and its iCalendar feeds (the entity's routes do the rest). */
export function registerAgendaRoutes(router: ModuleRouter): void {
  router.openapi(
    createRoute({
      method: 'get',
      path: '/governance/agenda.ics',
      tags,
      summary: 'The whole smart-city agenda as an RFC 5545 iCalendar feed (all, or one kind)',
      request: { query: z.strictObject({ kind: z.enum(AGENDA_KINDS).optional() }) },
      responses: { 200: { description: 'iCalendar', content: calendar }, ...problemResponses(422) },
    }),
    async (c) => {
      const { kind } = c.req.valid('query')
      const text = await agendaFeed(c.var.ctx, { kind, origin: originOf(c.req.url) })
      return c.body(text, 200, calendarHeaders(kind ? `agenda-${kind}.ics` : 'agenda.ics'))
    },
  )
  router.openapi(
    createRoute({
      method: 'get',
      path: '/governance/agenda',
      tags,
      summary: 'Agenda entries taking place between two dates (default the coming year), of one kind if asked',
      request: { query: windowQuery },
      responses: {
        200: {
          description: 'Entries in order of their start',
          content: { 'application/json': { schema: windowSchema } },
        },
        ...problemResponses(422),
      },
    }),
    async (c) => c.json((await agendaBetween(c.var.ctx, c.req.valid('query'))) as never, 200),
  )
  router.openapi(
    createRoute({
      method: 'get',
      path: '/governance/agenda/{id}/ics',
      tags,
      summary: 'One agenda entry as an iCalendar file',
      request: { params: idParam },
      responses: { 200: { description: 'iCalendar', content: calendar }, ...problemResponses(404, 422) },
    }),
    async (c) => {
      const entry = (await agenda.get(c.var.ctx, c.req.valid('param').id)) as AgendaEntry
      const text = await oneAgendaICalendar(c.var.ctx, entry, originOf(c.req.url))
      return c.body(text, 200, calendarHeaders(`${entry.id}.ics`))
    },
  )
}
