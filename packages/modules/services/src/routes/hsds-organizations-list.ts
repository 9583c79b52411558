import { type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { listHsdsOrganizations } from '../hsds'
import { hsdsOrganizationsPageSchema } from '../hsds-page-schemas'
import { hsdsOrganizationsQuerySchema } from '../hsds-query-schemas'

export const hsdsOrganizationsListRoute = createRoute({
  method: 'get',
  path: '/services/hsds/organizations',
  tags: ['Open Referral HSDS'],
  summary: 'Government offices of the directory as Open Referral HSDS 3 organizations, one page at a time',
  request: { query: hsdsOrganizationsQuerySchema },
  responses: {
    200: {
      description: 'A page of HSDS organizations (HSDS API list envelope)',
      content: { 'application/json': { schema: hsdsOrganizationsPageSchema } },
    },
    ...problemResponses(400, 422),
  },
})

export function registerHsdsOrganizationsList(router: ModuleRouter) {
  router.openapi(hsdsOrganizationsListRoute, async (c) =>
    c.json(await listHsdsOrganizations(c.var.ctx, c.req.valid('query'), { origin: new URL(c.req.url).origin }), 200),
  )
}
