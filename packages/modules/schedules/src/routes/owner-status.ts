import { type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute, z } from '@hono/zod-openapi'
import { statusForOwner } from '../schedule-status'
import { ownerRefSchema, ownerStatusOutSchema, statusQuerySchema } from '../validation'

const ownerQuery = z.strictObject({
  ownerModule: ownerRefSchema.shape.module,
  ownerType: ownerRefSchema.shape.type,
  ownerId: ownerRefSchema.shape.id,
  at: statusQuerySchema.shape.at,
})

export const ownerStatusRoute = createRoute({
  method: 'get',
  path: '/schedule-status',
  tags: ['Schedules'],
  summary: "An owner's opening status plus the presence of its officers",
  description:
    'E.g. an office (ownerModule=directory, ownerType=office, ownerId=…): open now until 16:00, KTP-el officer present 08:30–12:00. An owner without schedules answers hours: null and presence: [].',
  request: { query: ownerQuery },
  responses: {
    200: { description: 'Hours and presence', content: { 'application/json': { schema: ownerStatusOutSchema } } },
    ...problemResponses(422),
  },
})

export function registerOwnerStatus(router: ModuleRouter) {
  router.openapi(ownerStatusRoute, async (c) => {
    const { ownerModule, ownerType, ownerId, at } = c.req.valid('query')
    const owner = { module: ownerModule, type: ownerType, id: ownerId }
    return c.json(await statusForOwner(c.var.ctx, owner, at ? new Date(at) : undefined), 200)
  })
}
