import type { Platform } from '@cerdas/platform'
import type { MiddlewareHandler } from 'hono'
import { type MetricsRegistry, PROMETHEUS_CONTENT_TYPE } from '../middleware/metrics'
import { operatorOnly } from '../middleware/operator'

export interface MetricsEndpointOptions {
  registry: MetricsRegistry
  platform: Platform
  trustProxy: boolean
}

/**
 * `GET /metrics` for Prometheus, on the platform host only and only for a platform operator
 * token. Any other host passes the request on, so a tenant's site answers its own 404 and
 * shows nothing of the server behind it.
 * @example app.get('/metrics', metricsEndpoint({ registry, platform, trustProxy: false }))
 */
export function metricsEndpoint(options: MetricsEndpointOptions): MiddlewareHandler {
  const { registry } = options
  return operatorOnly(options, async (c) =>
    c.body(await registry.render(), 200, {
      'Content-Type': PROMETHEUS_CONTENT_TYPE,
      'Cache-Control': 'no-store',
    }),
  )
}
