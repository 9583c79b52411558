import { type ApiKit, type ModuleRouter, problemResponses } from '@cerdas/core'
import { createRoute, z } from '@hono/zod-openapi'
import { importSchedule } from '../schedules'
import { importScheduleSchema, scheduleOutSchema } from '../validation'

export const importScheduleRoute = createRoute({
  method: 'post',
  path: '/schedules/import',
  tags: ['Schedules'],
  summary: 'Create a schedule from an OSM opening_hours value',
  description: 'A value that cannot be read is a 422 whose error names the character position (`position`, `snippet`).',
  security: [{ bearer: [] }],
  'x-permission': 'schedules.schedule:create',
  request: { body: { required: true, content: { 'application/json': { schema: importScheduleSchema } } } },
  responses: {
    201: {
      description: 'Created',
      content: {
        'application/json': {
          schema: z.object({
            schedule: scheduleOutSchema,
            warnings: z.array(z.object({ position: z.number().int(), message: z.string() })),
          }),
        },
      },
    },
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
})

export function registerImport(router: ModuleRouter, kit: ApiKit) {
  router.openapi(kit.guard(importScheduleRoute), async (c) =>
    c.json(await importSchedule(c.var.ctx, c.req.valid('json')), 201),
  )
}
