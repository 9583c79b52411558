import { type ApiEnv, problemResponses } from '@cerdas/core'
import { searchTenant } from '@cerdas/platform'
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'

const hitSchema = z
  .object({
    id: z.string(),
    module: z.string(),
    kind: z.string(),
    url: z.string(),
    title: z.string().openapi({ description: "In the request's language where the record has it" }),
    snippet: z.string().openapi({
      description: 'A passage of the record with the matched words in [brackets]',
      example: 'Perekaman dan penerbitan [KTP]-el bagi penduduk yang berusia 17 tahun',
    }),
    snippetParts: z
      .array(
        z.object({
          text: z.string(),
          match: z.literal(true).optional().openapi({ description: 'Present on words the query matched' }),
        }),
      )
      .openapi({
        description: 'The same passage in parts, to render matched words marked (e.g. <mark>) without parsing brackets',
      }),
  })
  .openapi('SearchHit')

export const searchRoute = createRoute({
  method: 'get',
  path: '/search',
  tags: ['Search'],
  summary: "Search everything the tenant's modules publish",
  request: {
    query: z.strictObject({
      q: z.string().trim().min(1).max(200).openapi({ example: 'pengumuman' }),
      limit: z.coerce.number().int().min(1).max(50).default(10),
    }),
  },
  responses: {
    200: {
      description: 'Best matches first',
      content: { 'application/json': { schema: z.object({ items: z.array(hitSchema) }) } },
    },
    ...problemResponses(422),
  },
})

export function registerSearch(router: OpenAPIHono<ApiEnv>) {
  router.openapi(searchRoute, async (c) => {
    const { q, limit } = c.req.valid('query')
    return c.json({ items: await searchTenant(c.var.ctx, q, limit) }, 200)
  })
}
