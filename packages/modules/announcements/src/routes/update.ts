import { type ApiKit, type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { updateAnnouncement } from '../announcements'
import { announcementSchema, idParamSchema, updateAnnouncementSchema } from '../validation'

export const updateAnnouncementRoute = createRoute({
  method: 'patch',
  path: '/announcements/{id}',
  tags: ['Announcements'],
  summary: 'Change an announcement',
  security: [{ bearer: [] }],
  'x-permission': 'announcements.announcement:update',
  request: {
    params: idParamSchema,
    body: { required: true, content: { 'application/json': { schema: updateAnnouncementSchema } } },
  },
  responses: {
    200: { description: 'Updated', content: { 'application/json': { schema: announcementSchema } } },
    ...problemResponses(400, 401, 403, 404, 413, 415, 422),
  },
})

export function registerUpdate(router: ModuleRouter, kit: ApiKit) {
  router.openapi(kit.guard(updateAnnouncementRoute), async (c) =>
    c.json(await updateAnnouncement(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
  )
}
