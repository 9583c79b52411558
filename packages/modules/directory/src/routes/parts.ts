import { type ApiKit, type ModuleRouter, problemResponses, type TenantContext } from '@cerdas/core'
import { createRoute, type z } from '@hono/zod-openapi'
import { idParamSchema, verifyInputSchema } from '../validation'

/**
 * The five routes of a part of an office (unit, counter, position): public get, guarded create,
 * update, delete and verify. One definition keeps the three alike; each route is still its own
 * OpenAPI operation with its own `x-permission`.
 */
export interface PartRoutes {
  /** Entity id, e.g. `unit`; permissions are `directory.<entity>:<action>`. */
  entity: string
  /** Path segment, e.g. `units`. */
  plural: string
  label: string
  out: z.ZodType
  createInput: z.ZodType
  updateInput: z.ZodType
  get(ctx: TenantContext, id: string): Promise<unknown>
  create(ctx: TenantContext, input: never): Promise<unknown>
  update(ctx: TenantContext, id: string, input: never): Promise<unknown>
  remove(ctx: TenantContext, id: string): Promise<void>
  verify(ctx: TenantContext, id: string, input: { source?: string | undefined }): Promise<unknown>
}

export function partRoutes(p: PartRoutes) {
  const tags = ['Directory']
  const base = `/directory/${p.plural}`
  const permission = (action: string) => `directory.${p.entity}:${action}`
  const json = (schema: z.ZodType) => ({ 'application/json': { schema } })
  return {
    get: createRoute({
      method: 'get',
      path: `${base}/{id}`,
      tags,
      summary: `One ${p.label}`,
      request: { params: idParamSchema },
      responses: { 200: { description: `The ${p.label}`, content: json(p.out) }, ...problemResponses(404, 422) },
    }),
    create: createRoute({
      method: 'post',
      path: base,
      tags,
      summary: `Add a ${p.label}`,
      security: [{ bearer: [] }],
      'x-permission': permission('create'),
      request: { body: { required: true, content: json(p.createInput) } },
      responses: {
        201: { description: 'Created', content: json(p.out) },
        ...problemResponses(400, 401, 403, 413, 415, 422),
      },
    }),
    update: createRoute({
      method: 'patch',
      path: `${base}/{id}`,
      tags,
      summary: `Change a ${p.label}`,
      security: [{ bearer: [] }],
      'x-permission': permission('update'),
      request: { params: idParamSchema, body: { required: true, content: json(p.updateInput) } },
      responses: {
        200: { description: 'Updated', content: json(p.out) },
        ...problemResponses(400, 401, 403, 404, 413, 415, 422),
      },
    }),
    remove: createRoute({
      method: 'delete',
      path: `${base}/{id}`,
      tags,
      summary: `Delete a ${p.label}`,
      security: [{ bearer: [] }],
      'x-permission': permission('delete'),
      request: { params: idParamSchema },
      responses: { 204: { description: 'Deleted' }, ...problemResponses(401, 403, 404, 409, 422) },
    }),
    verify: createRoute({
      method: 'post',
      path: `${base}/{id}/verify`,
      tags,
      summary: `Mark a ${p.label} as checked now by the caller`,
      security: [{ bearer: [] }],
      'x-permission': permission('verify'),
      request: { params: idParamSchema, body: { required: true, content: json(verifyInputSchema) } },
      responses: {
        200: { description: 'Verified', content: json(p.out) },
        ...problemResponses(400, 401, 403, 404, 413, 415, 422),
      },
    }),
  }
}

export function registerPartRoutes(router: ModuleRouter, kit: ApiKit, p: PartRoutes) {
  const routes = partRoutes(p)
  router.openapi(routes.get, async (c) => c.json((await p.get(c.var.ctx, c.req.valid('param').id)) as never, 200))
  router.openapi(kit.guard(routes.create), async (c) =>
    c.json((await p.create(c.var.ctx, c.req.valid('json') as never)) as never, 201),
  )
  router.openapi(kit.guard(routes.update), async (c) =>
    c.json((await p.update(c.var.ctx, c.req.valid('param').id, c.req.valid('json') as never)) as never, 200),
  )
  router.openapi(kit.guard(routes.remove), async (c) => {
    await p.remove(c.var.ctx, c.req.valid('param').id)
    return c.body(null, 204)
  })
  router.openapi(kit.guard(routes.verify), async (c) =>
    c.json((await p.verify(c.var.ctx, c.req.valid('param').id, c.req.valid('json') as never)) as never, 200),
  )
}
