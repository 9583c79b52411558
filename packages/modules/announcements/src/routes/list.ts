import { type ModuleRouter, pageSchema, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { listAnnouncements } from '../announcements'
import { announcementSchema, listQuerySchema } from '../validation'

export const listRoute = createRoute({
  method: 'get',
  path: '/announcements',
  tags: ['Announcements'],
  summary: 'List published announcements, newest first',
  request: { query: listQuerySchema },
  responses: {
    200: {
      description: 'A page of announcements',
      content: { 'application/json': { schema: pageSchema(announcementSchema) } },
    },
    ...problemResponses(400, 422),
  },
})

export function registerList(router: ModuleRouter) {
  router.openapi(listRoute, async (c) => c.json(await listAnnouncements(c.var.ctx, c.req.valid('query')), 200))
}
