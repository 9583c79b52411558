import { problem } from '@cerdas/core'
import { authenticateOperatorToken, type OperatorToken, type Platform } from '@cerdas/platform'
import type { Context, MiddlewareHandler } from 'hono'
import { problemResponse } from '../problem'
import { requestHost } from '../tenant'

export interface OperatorOnlyOptions {
  platform: Platform
  trustProxy: boolean
}

/**
 * An endpoint for platform operators: on the platform host only, and only with an operator token
 * (401 otherwise, whatever else is sent, a tenant's token included). Any other host passes the
 * request on, so a tenant's site answers its own 404 and shows nothing of the server behind it.
 * @example app.get('/metrics', operatorOnly({ platform, trustProxy: false }, (c) => c.text('...')))
 */
export function operatorOnly(
  options: OperatorOnlyOptions,
  handler: (c: Context, operator: OperatorToken) => Response | Promise<Response>,
): MiddlewareHandler {
  const { platform } = options
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
    return handler(c, operator)
  }
}
