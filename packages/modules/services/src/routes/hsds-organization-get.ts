import { type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { getHsdsOrganization } from '../hsds'
import { hsdsOrganizationSchema } from '../hsds-organization-schemas'
import { hsdsDetailQuerySchema, hsdsIdParamSchema } from '../hsds-query-schemas'

/**
 * The HSDS organization of one office. It sits under the office's own path (as `/schedules/{id}/ical`
 * does for a schedule) because the HSDS API's `/organizations/{id}` has no collection here to create
 * records in; the route belongs to the services module, which owns the HSDS export.
 */
export const hsdsOrganizationGetRoute = createRoute({
  method: 'get',
  path: '/directory/offices/{id}/hsds',
  tags: ['Open Referral HSDS'],
  summary: 'One government office as an Open Referral HSDS 3 organization (by HSDS id, office id or slug)',
  request: { params: hsdsIdParamSchema, query: hsdsDetailQuerySchema },
  responses: {
    200: {
      description: 'The HSDS organization',
      content: { 'application/json': { schema: hsdsOrganizationSchema } },
    },
    ...problemResponses(404, 422),
  },
})

export function registerHsdsOrganizationGet(router: ModuleRouter) {
  router.openapi(hsdsOrganizationGetRoute, async (c) =>
    c.json(
      await getHsdsOrganization(c.var.ctx, c.req.valid('param').id, c.req.valid('query'), {
        origin: new URL(c.req.url).origin,
      }),
      200,
    ),
  )
}
