import { createRoute, type z } from '@hono/zod-openapi'
import { type ApiKit, type GuardedRoute, type ModuleRouter, pageSchema, problemResponses } from '../api-kit'
import type { TenantContext } from '../tenant'
import { BULK_MAX_ITEMS, type BulkMode, bulkSchemaProblem } from './bulk-writes'
import type { EntityRouteName } from './declaration'
import { recordKeyParam } from './schemas'

/** What the routes of an entity call and describe. */
export interface EntityApi {
  path: string
  tag: string
  /** Lowercase English names for the summaries. */
  singular: string
  plural: string
  summaries?: Partial<Record<EntityRouteName, string>> | undefined
  /** Which routes to register; all when left out. */
  only?: readonly EntityRouteName[] | undefined
  permissions: { create: string; update: string; delete: string; verify: string }
  schemas: { output: any; create: any; update: any; verify: any; listQuery: any; bulk: any; bulkResult: any }
  list(ctx: TenantContext, query: any): Promise<unknown>
  get(ctx: TenantContext, key: string): Promise<unknown>
  create(ctx: TenantContext, input: any): Promise<unknown>
  update(ctx: TenantContext, key: string, input: any): Promise<unknown>
  remove(ctx: TenantContext, key: string): Promise<void>
  verify(ctx: TenantContext, key: string, input: { source?: string | undefined }): Promise<unknown>
  bulk(ctx: TenantContext, items: any[], options: { mode: BulkMode }): Promise<unknown>
}

const json = (schema: z.ZodType) => ({ 'application/json': { schema } })

/**
 * Registers the routes of an entity: list (cursor, filters, sort), get by id or slug, and the
 * guarded create, update, delete and verify; with create comes the bulk create/upsert.
 */
export function registerEntityRoutes(router: ModuleRouter, kit: ApiKit, api: EntityApi) {
  const { path, tag, schemas, permissions } = api
  const summary = (name: EntityRouteName, fallback: string) => api.summaries?.[name] ?? fallback
  const record = `${path}/{id}`
  const a = /^[aeiou]/i.test(api.singular) ? 'an' : 'a'
  const body = (schema: z.ZodType) => ({ body: { required: true, content: json(schema) } })
  const ok = (description: string) => ({ description, content: json(schemas.output) })
  // The route objects are typed loosely: their schemas come from a declaration, not from literals.
  const all = router as any
  const wanted = (name: EntityRouteName) => !api.only || api.only.includes(name)
  // Each registration names its route, so a module can keep a hand-written one instead.
  const r = (name: EntityRouteName) => (wanted(name) ? all : { openapi: () => undefined })
  r('list').openapi(
    createRoute({
      method: 'get',
      path,
      tags: [tag],
      summary: summary('list', `List ${api.plural}`),
      request: { query: schemas.listQuery },
      responses: {
        200: { description: `A page of ${api.plural}`, content: json(pageSchema(schemas.output)) },
        ...problemResponses(400, 422),
      },
    }),
    async (c: any) => c.json(await api.list(c.var.ctx, c.req.valid('query')), 200),
  )
  r('get').openapi(
    createRoute({
      method: 'get',
      path: record,
      tags: [tag],
      summary: summary('get', `One ${api.singular}, by id or slug`),
      request: { params: recordKeyParam },
      responses: { 200: ok(`The ${api.singular}`), ...problemResponses(404, 422) },
    }),
    async (c: any) => c.json(await api.get(c.var.ctx, c.req.valid('param').id), 200),
  )
  r('create').openapi(
    kit.guard(
      createRoute<string, GuardedRoute>({
        method: 'post',
        path,
        tags: [tag],
        summary: summary('create', `Create ${a} ${api.singular}`),
        security: [{ bearer: [] }],
        'x-permission': permissions.create,
        request: body(schemas.create),
        responses: { 201: ok('Created'), ...problemResponses(400, 401, 403, 409, 413, 415, 422) },
      }),
    ),
    async (c: any) => c.json(await api.create(c.var.ctx, c.req.valid('json')), 201),
  )
  r('create').openapi(
    kit.guard(
      createRoute<string, GuardedRoute>({
        method: 'post',
        path: `${path}/bulk`,
        tags: [tag],
        summary: `Create or update up to ${BULK_MAX_ITEMS} ${api.plural} at once`,
        description:
          `All items in one transaction, each checked, audited and indexed for search as a single write is; ` +
          `an item that is refused refuses the whole batch (a 422 listing every bad item by its index, nothing written). ` +
          `\`upsert\` also needs permission \`${permissions.update}\`.`,
        security: [{ bearer: [] }],
        'x-permission': permissions.create,
        request: body(schemas.bulk),
        responses: {
          200: { description: 'Written', content: json(schemas.bulkResult) },
          ...problemResponses(400, 401, 403, 409, 413, 415, 422),
        },
      }),
    ),
    async (c: any) => {
      const { mode, items } = c.req.valid('json')
      // Updating needs its own permission, as a single update does; checked before anything is read.
      if (mode === 'upsert') await kit.requirePermission(permissions.update)(c, async () => {})
      return c.json(await api.bulk(c.var.ctx, items, { mode }), 200)
    },
    (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => {
      if (!result.success && result.error) throw bulkSchemaProblem(result.error.issues)
    },
  )
  r('update').openapi(
    kit.guard(
      createRoute<string, GuardedRoute>({
        method: 'patch',
        path: record,
        tags: [tag],
        summary: summary('update', `Change ${a} ${api.singular}`),
        security: [{ bearer: [] }],
        'x-permission': permissions.update,
        request: { params: recordKeyParam, ...body(schemas.update) },
        responses: { 200: ok('Updated'), ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422) },
      }),
    ),
    async (c: any) => c.json(await api.update(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
  )
  r('delete').openapi(
    kit.guard(
      createRoute<string, GuardedRoute>({
        method: 'delete',
        path: record,
        tags: [tag],
        summary: summary('delete', `Delete ${a} ${api.singular}`),
        security: [{ bearer: [] }],
        'x-permission': permissions.delete,
        request: { params: recordKeyParam },
        // A hook may refuse a write that conflicts with other records (a slug taken, parts still attached).
        responses: { 204: { description: 'Deleted' }, ...problemResponses(401, 403, 404, 409, 422) },
      }),
    ),
    async (c: any) => {
      await api.remove(c.var.ctx, c.req.valid('param').id)
      return c.body(null, 204)
    },
  )
  r('verify').openapi(
    kit.guard(
      createRoute<string, GuardedRoute>({
        method: 'post',
        path: `${record}/verify`,
        tags: [tag],
        summary: summary('verify', `Mark ${a} ${api.singular} as checked now by the caller`),
        security: [{ bearer: [] }],
        'x-permission': permissions.verify,
        request: { params: recordKeyParam, ...body(schemas.verify) },
        responses: { 200: ok('Verified'), ...problemResponses(400, 401, 403, 404, 413, 415, 422) },
      }),
    ),
    async (c: any) => c.json(await api.verify(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
  )
}
