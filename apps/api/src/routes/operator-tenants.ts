import { isProblemError } from '@cerdas/core'
import { OVERVIEW_MAX_CONCURRENCY, type Platform, slugSchema, tenantOverview } from '@cerdas/platform'
import type { MiddlewareHandler } from 'hono'
import { z } from 'zod'
import { operatorOnly } from '../middleware/operator'
import { problemResponse, validationHook } from '../middleware/problem'

export interface OperatorTenantsOptions {
  platform: Platform
  trustProxy: boolean
}

export const OPERATOR_TENANTS_PATH = '/operator/tenants'

const querySchema = z.strictObject({
  concurrency: z.coerce.number().int().min(1).max(OVERVIEW_MAX_CONCURRENCY).optional(),
  /** Comma-separated slugs; every tenant when absent. */
  tenant: z
    .string()
    .max(4000)
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(slugSchema).min(1).max(1000))
    .optional(),
})

/**
 * `GET /operator/tenants`: the operators' view over every tenant (modules, record counts,
 * unverified and stale records, last write), read from each tenant's own database a few at a
 * time. Same rules as /metrics: the platform host and an operator token only.
 * @example app.get(OPERATOR_TENANTS_PATH, operatorTenantsEndpoint({ platform, trustProxy: false }))
 */
export function operatorTenantsEndpoint(options: OperatorTenantsOptions): MiddlewareHandler {
  const { platform } = options
  return operatorOnly(options, async (c) => {
    const parsed = querySchema.safeParse(c.req.query())
    if (!parsed.success) return validationHook({ ...parsed, target: 'query' }, c) as Response
    try {
      const view = await tenantOverview(platform, {
        ...(parsed.data.concurrency ? { concurrency: parsed.data.concurrency } : {}),
        ...(parsed.data.tenant ? { slugs: parsed.data.tenant } : {}),
      })
      return c.json(view, 200, { 'Cache-Control': 'no-store' })
    } catch (error) {
      // Also mounted outside the API app (the web server), whose errors are not problem+json.
      if (isProblemError(error)) return problemResponse(c, error.problem)
      throw error
    }
  })
}
