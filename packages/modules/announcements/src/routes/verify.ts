import { type ApiKit, type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute } from '@hono/zod-openapi'
import { verifyAnnouncement } from '../announcements'
import { announcementSchema, idParamSchema, verifyAnnouncementSchema } from '../validation'

export const verifyAnnouncementRoute = createRoute({
  method: 'post',
  path: '/announcements/{id}/verify',
  tags: ['Announcements'],
  summary: 'Mark an announcement as checked now by the caller',
  security: [{ bearer: [] }],
  'x-permission': 'announcements.announcement:verify',
  request: {
    params: idParamSchema,
    body: { required: true, content: { 'application/json': { schema: verifyAnnouncementSchema } } },
  },
  responses: {
    200: { description: 'Verified', content: { 'application/json': { schema: announcementSchema } } },
    ...problemResponses(400, 401, 403, 404, 413, 415, 422),
  },
})

export function registerVerify(router: ModuleRouter, kit: ApiKit) {
  router.openapi(kit.guard(verifyAnnouncementRoute), async (c) =>
    c.json(await verifyAnnouncement(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
  )
}
