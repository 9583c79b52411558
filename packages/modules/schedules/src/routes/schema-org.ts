import { type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute, z } from '@hono/zod-openapi'
import { scheduleSchemaOrg } from '../schedule-exports'
import { idParamSchema, schemaOrgQuerySchema } from '../validation'

export const schemaOrgRoute = createRoute({
  method: 'get',
  path: '/schedules/{id}/schema-org',
  tags: ['Schedules'],
  summary: 'schema.org OpeningHoursSpecification (JSON-LD) for the coming year',
  request: { params: idParamSchema, query: schemaOrgQuerySchema },
  responses: {
    200: {
      description: 'A schema.org Place with its opening hours',
      content: { 'application/ld+json': { schema: z.record(z.string(), z.unknown()) } },
    },
    ...problemResponses(404, 422),
  },
})

export function registerSchemaOrg(router: ModuleRouter) {
  router.openapi(schemaOrgRoute, async (c) => {
    const body = await scheduleSchemaOrg(c.var.ctx, c.req.valid('param').id, c.req.valid('query').locale)
    return c.json(body, 200, { 'Content-Type': 'application/ld+json; charset=utf-8' })
  })
}
