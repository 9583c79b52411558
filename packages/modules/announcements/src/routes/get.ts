import { type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { getAnnouncement } from '../announcements'
import { announcementSchema, idParamSchema } from '../validation'

export const getRoute = createRoute({
  method: 'get',
  path: '/announcements/{id}',
  tags: ['Announcements'],
  summary: 'One published announcement',
  request: { params: idParamSchema },
  responses: {
    200: { description: 'The announcement', content: { 'application/json': { schema: announcementSchema } } },
    ...problemResponses(404, 422),
  },
})

export function registerGet(router: ModuleRouter) {
  router.openapi(getRoute, async (c) => c.json(await getAnnouncement(c.var.ctx, c.req.valid('param').id), 200))
}
