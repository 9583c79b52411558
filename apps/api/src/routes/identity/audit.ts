import { type AnyModule, type ApiEnv, type ApiKit, problemResponses, type TenantDb } from '@cerdas/core'
import { type AuditVerification, auditScopeOf, listVisibleAudit } from '@cerdas/platform'
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'

const READ = 'cerdas.audit:read'

const entrySchema = z
  .object({
    seq: z.number(),
    id: z.string(),
    at: z.string(),
    actorKind: z.string(),
    actorId: z.string(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('AuditEntry')

export const listAuditRoute = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['Audit'],
  summary: 'The audit trail, newest first, with filters',
  description:
    'Only entries of records the caller may read: a grant limited to a dimension sees its modules; users, tokens, settings and mail settings need an unlimited grant.',
  security: [{ bearer: [] }],
  'x-permission': READ,
  request: {
    query: z.strictObject({
      entity: z.string().max(100).optional(),
      entityId: z.string().max(100).optional(),
      actorId: z.string().max(100).optional(),
      action: z.string().max(50).optional(),
      beforeSeq: z.coerce.number().int().min(1).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: {
      description: 'Entries',
      content: { 'application/json': { schema: z.object({ items: z.array(entrySchema) }) } },
    },
    ...problemResponses(401, 403, 422),
  },
})

export const verifyAuditRoute = createRoute({
  method: 'get',
  path: '/audit/verification',
  tags: ['Audit'],
  summary: 'Check the audit trail: chain, signatures and the head kept outside the tenant database',
  security: [{ bearer: [] }],
  'x-permission': 'cerdas.audit:verify',
  responses: {
    200: {
      description: 'Result',
      content: {
        'application/json': {
          schema: z.object({
            ok: z.boolean(),
            entries: z.number(),
            brokenAt: z.object({ seq: z.number(), id: z.string(), reason: z.string() }).optional(),
          }),
        },
      },
    },
    ...problemResponses(401, 403),
  },
})

/**
 * `trail.flushPending` moves a tenant's audit entries still pending in the
 * control plane into its log, so a read never misses one; `trail.verify`
 * checks the log against what the control plane keeps (and flushes too).
 */
export function registerAudit(
  router: OpenAPIHono<ApiEnv>,
  kit: ApiKit,
  modules: readonly AnyModule[],
  trail: {
    flushPending: (tenantId: string) => Promise<unknown>
    verify: (tenantId: string, db: TenantDb) => Promise<AuditVerification>
  },
) {
  router.openapi(kit.guard(listAuditRoute), async (c) => {
    await trail.flushPending(c.var.ctx.tenant.id)
    const scope = auditScopeOf(c.var.ctx.actor?.grants ?? [], modules)
    return c.json({ items: await listVisibleAudit(c.var.ctx.db, c.req.valid('query'), scope) }, 200)
  })
  router.openapi(kit.guard(verifyAuditRoute), async (c) => {
    return c.json(await trail.verify(c.var.ctx.tenant.id, c.var.ctx.db), 200)
  })
}
