import type { Platform } from '@cerdas/platform'
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { requestHost } from '../middleware/tenant'

const checkSchema = z.object({ status: z.enum(['ok', 'failed']), detail: z.string().optional() })

const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    live: z.literal(true),
    ready: z.boolean(),
    checks: z.record(z.string(), checkSchema),
  })
  .openapi('Health')

export const healthRoute = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['Platform'],
  summary: 'Liveness and readiness: the control plane, and the tenant database when asked on a tenant host',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: healthSchema } } },
    503: { description: 'Not ready', content: { 'application/json': { schema: healthSchema } } },
  },
})

async function check(run: () => Promise<unknown>): Promise<z.infer<typeof checkSchema>> {
  try {
    await run()
    return { status: 'ok' }
  } catch (error) {
    return { status: 'failed', detail: (error as Error).message }
  }
}

export function registerHealth(app: OpenAPIHono<any>, platform: Platform, trustProxy: boolean) {
  app.openapi(healthRoute, async (c) => {
    const checks: Record<string, z.infer<typeof checkSchema>> = {
      controlPlane: await check(() => platform.controlPlane.$client.execute('SELECT 1')),
    }
    const tenant = await platform.tenantByHost(requestHost(c, trustProxy)).catch(() => undefined)
    if (tenant) {
      checks.tenantDatabase = await check(() =>
        platform.withTenantDb(tenant.record, (db) => db.$client.execute('SELECT 1')),
      )
    }
    const ready = Object.values(checks).every((v) => v.status === 'ok')
    const body = { status: ready ? ('ok' as const) : ('degraded' as const), live: true as const, ready, checks }
    c.header('Cache-Control', 'no-store')
    return ready ? c.json(body, 200) : c.json(body, 503)
  })
}
