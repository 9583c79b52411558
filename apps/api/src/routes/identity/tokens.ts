import { type ApiEnv, type ApiKit, problemResponses } from '@cerdas/core'
import { listApiTokens } from '@cerdas/identity'
import { createAccountToken, revokeAccountToken } from '@cerdas/platform'
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { apiTokenSchema, grantSchema, userIdParam } from './schemas'

const MANAGE = 'cerdas.tokens:manage'

export const listTokensRoute = createRoute({
  method: 'get',
  path: '/tokens',
  tags: ['Accounts'],
  summary: 'API tokens of integrations (secrets are never shown again)',
  security: [{ bearer: [] }],
  'x-permission': MANAGE,
  responses: {
    200: {
      description: 'Tokens',
      content: { 'application/json': { schema: z.object({ items: z.array(apiTokenSchema) }) } },
    },
    ...problemResponses(401, 403),
  },
})

export const createTokenRoute = createRoute({
  method: 'post',
  path: '/tokens',
  tags: ['Accounts'],
  summary: 'Create a scoped API token; the secret is in this response only',
  security: [{ bearer: [] }],
  'x-permission': MANAGE,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .strictObject({
              name: z.string().trim().min(2).max(120),
              grants: z.array(grantSchema).min(1).max(20),
              expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
            })
            .openapi('ApiTokenCreate'),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'Created',
      content: { 'application/json': { schema: z.object({ token: apiTokenSchema, secret: z.string() }) } },
    },
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
})

export const revokeTokenRoute = createRoute({
  method: 'delete',
  path: '/tokens/{id}',
  tags: ['Accounts'],
  summary: 'Revoke an API token',
  security: [{ bearer: [] }],
  'x-permission': MANAGE,
  request: { params: userIdParam },
  responses: {
    200: { description: 'Revoked', content: { 'application/json': { schema: apiTokenSchema } } },
    ...problemResponses(401, 403, 404, 422),
  },
})

export function registerTokens(router: OpenAPIHono<ApiEnv>, kit: ApiKit) {
  router.openapi(kit.guard(listTokensRoute), async (c) => c.json({ items: await listApiTokens(c.var.ctx.db) }, 200))
  router.openapi(kit.guard(createTokenRoute), async (c) => {
    const input = c.req.valid('json')
    const expiresAt = input.expiresAt ? new Date(input.expiresAt).toISOString() : null
    return c.json(await createAccountToken(c.var.ctx, { name: input.name, grants: input.grants, expiresAt }), 201)
  })
  router.openapi(kit.guard(revokeTokenRoute), async (c) =>
    c.json(await revokeAccountToken(c.var.ctx, c.req.valid('param').id), 200),
  )
}
