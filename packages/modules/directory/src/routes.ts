import { localizedTextOutput, type ModuleRouter, pageSchema, problemResponses } from '@cerdas/core'
import { ownerStatusOutSchema } from '@cerdas/module-schedules'
import { createRoute, z } from '@hono/zod-openapi'
import { counter } from './counters'
import { office } from './office'
import { getOfficeDetail, listOffices, listOfficesOpenNow } from './offices'
import { position } from './positions'
import { unit } from './units'
import {
  detailQuerySchema,
  idParamSchema,
  listOfficesQuerySchema,
  OFFICE_TYPES,
  openNowQuerySchema,
} from './validation'

/** The office routes the generated ones cannot be: a list by words, offices open now, an office with its parts. */

const json = (schema: z.ZodType) => ({ 'application/json': { schema } })

const officeSummarySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    type: z.enum(OFFICE_TYPES),
    name: localizedTextOutput,
    shortName: z.string().nullable(),
  })
  .openapi('OfficeSummary')

const officeDetailSchema = z
  .object({
    office: office.schemas.output,
    parent: officeSummarySchema.nullable(),
    children: z.array(officeSummarySchema),
    units: z.array(unit.schemas.output),
    counters: z.array(counter.schemas.output),
    positions: z.array(position.schemas.output),
    openNow: z.boolean().nullable().openapi({ description: 'Null when the office has no hours schedule' }),
    hours: ownerStatusOutSchema.shape.hours,
    presence: ownerStatusOutSchema.shape.presence,
  })
  .openapi('OfficeDetail')

const openOffice = z.object({ office: office.schemas.output, hours: ownerStatusOutSchema.shape.hours.unwrap() })
const openNowSchema = z
  .object({
    at: z.string(),
    items: z.array(openOffice),
    closed: z
      .array(openOffice)
      .openapi({ description: 'Offices with hours that are closed at that instant, soonest opening first' }),
    withoutHours: z.number().int().openapi({ description: 'Offices left out because they have no hours schedule' }),
  })
  .openapi('OfficesOpenNow')

export function registerOfficeRoutes(router: ModuleRouter) {
  const tags = ['Directory']
  router.openapi(
    createRoute({
      method: 'get',
      path: '/directory/offices',
      tags,
      summary: 'List offices (OPD) by name, filtered by type, kecamatan and words',
      request: { query: listOfficesQuerySchema },
      responses: {
        200: { description: 'A page of offices', content: json(pageSchema(office.schemas.output)) },
        ...problemResponses(400, 422),
      },
    }),
    async (c) => c.json((await listOffices(c.var.ctx, c.req.valid('query'))) as never, 200),
  )
  // Before /directory/offices/{id}, which would otherwise take "open-now" as an id.
  router.openapi(
    createRoute({
      method: 'get',
      path: '/directory/offices/open-now',
      tags,
      summary: 'Offices open now (or at an instant), holiday- and break-aware',
      request: { query: openNowQuerySchema },
      responses: {
        200: { description: 'Open offices with their hours status', content: json(openNowSchema) },
        ...problemResponses(422),
      },
    }),
    async (c) => c.json((await listOfficesOpenNow(c.var.ctx, c.req.valid('query'))) as never, 200),
  )
  router.openapi(
    createRoute({
      method: 'get',
      path: '/directory/offices/{id}',
      tags,
      summary: 'One office by id or slug, with units, counters, positions and whether it is open now',
      request: { params: idParamSchema, query: detailQuerySchema },
      responses: {
        200: { description: 'The office', content: json(officeDetailSchema) },
        ...problemResponses(404, 422),
      },
    }),
    async (c) => {
      const { at } = c.req.valid('query')
      const detail = await getOfficeDetail(c.var.ctx, c.req.valid('param').id, at ? new Date(at) : undefined)
      return c.json(detail as never, 200)
    },
  )
}
