import { localizedTextOutput, type ModuleRouter, problemResponses } from '@cerdas/core'
import { counterSchema, officeSchema, unitSchema } from '@cerdas/module-directory'
import { ownerStatusOutSchema } from '@cerdas/module-schedules'
import { createRoute, z } from '@hono/zod-openapi'
import { service } from '../service'
import { getServiceDetail } from '../services'
import { detailQuerySchema } from '../validation'

const scheduleStatus = ownerStatusOutSchema.shape.presence.element

export const serviceDetailSchema = z
  .object({
    service: service.schemas.output,
    office: officeSchema.nullable().openapi({ description: 'Null when the responsible office was deleted' }),
    unit: unitSchema.nullable(),
    locations: z.array(z.object({ office: officeSchema, counter: counterSchema.nullable() })),
    openNow: z.boolean().nullable().openapi({ description: 'Null when the office has no hours schedule' }),
    hours: scheduleStatus.nullable(),
    presence: z.array(scheduleStatus).openapi({ description: 'Officer presence schedules that cover this service' }),
    related: z.array(z.object({ id: z.string(), slug: z.string(), name: localizedTextOutput })),
  })
  .openapi('ServiceDetail')

const idParamSchema = z.strictObject({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
})

export const getRoute = createRoute({
  method: 'get',
  path: '/services/{id}',
  tags: ['Services'],
  summary: 'One service by id or slug, with its office, bidang, counters, open-now status and officer presence',
  request: { params: idParamSchema, query: detailQuerySchema },
  responses: {
    200: { description: 'The service', content: { 'application/json': { schema: serviceDetailSchema } } },
    ...problemResponses(404, 422),
  },
})

export function registerGet(router: ModuleRouter) {
  router.openapi(getRoute, async (c) => {
    const { at } = c.req.valid('query')
    const detail = await getServiceDetail(c.var.ctx, c.req.valid('param').id, at ? new Date(at) : undefined)
    return c.json(detail as never, 200)
  })
}
