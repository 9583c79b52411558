import { type ApiKit, type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { deleteAnnouncement } from '../announcements'
import { idParamSchema } from '../validation'

export const deleteAnnouncementRoute = createRoute({
  method: 'delete',
  path: '/announcements/{id}',
  tags: ['Announcements'],
  summary: 'Delete an announcement',
  security: [{ bearer: [] }],
  'x-permission': 'announcements.announcement:delete',
  request: { params: idParamSchema },
  responses: {
    204: { description: 'Deleted' },
    ...problemResponses(401, 403, 404, 422),
  },
})

export function registerDelete(router: ModuleRouter, kit: ApiKit) {
  router.openapi(kit.guard(deleteAnnouncementRoute), async (c) => {
    await deleteAnnouncement(c.var.ctx, c.req.valid('param').id)
    return c.body(null, 204)
  })
}
