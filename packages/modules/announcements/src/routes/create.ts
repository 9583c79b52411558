import { type ApiKit, type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { createAnnouncement } from '../announcements'
import { announcementSchema, createAnnouncementSchema } from '../validation'

export const createAnnouncementRoute = createRoute({
  method: 'post',
  path: '/announcements',
  tags: ['Announcements'],
  summary: 'Publish or schedule an announcement',
  security: [{ bearer: [] }],
  'x-permission': 'announcements.announcement:create',
  request: { body: { required: true, content: { 'application/json': { schema: createAnnouncementSchema } } } },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: announcementSchema } } },
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
})

export function registerCreate(router: ModuleRouter, kit: ApiKit) {
  router.openapi(kit.guard(createAnnouncementRoute), async (c) =>
    c.json(await createAnnouncement(c.var.ctx, c.req.valid('json')), 201),
  )
}
