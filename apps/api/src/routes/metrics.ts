import { problem } from '@cerdas/core'
import { authenticateOperatorToken, type Platform } from '@cerdas/platform'
import type { MiddlewareHandler } from 'hono'
import { type MetricsRegistry, PROMETHEUS_CONTENT_TYPE } from '../middleware/metrics'
import { problemResponse } from '../middleware/problem'
import { requestHost } from '../middleware/tenant'

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
  const { registry, platform } = options
  return async (c, next) => {
    if (requestHost(c, options.trustProxy) !== platform.options.platformHost) return next()
    const secret = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
    const operator = secret ? await authenticateOperatorToken(platform.controlPlane, secret) : undefined
    if (!operator) {
      const refused = problemResponse(
        c,
        problem('unauthorized', 'Send a platform operator token: Authorization: Bearer cerdas_op_...').problem,
      )
      refused.headers.set('WWW-Authenticate', 'Bearer')
      return refused
    }
    return c.body(await registry.render(), 200, {
      'Content-Type': PROMETHEUS_CONTENT_TYPE,
      'Cache-Control': 'no-store',
    })
  }
}
