import { type ModuleRouter, problemResponses, type TenantContext } from '@cerdas/core'
import { statusOutSchema } from '@cerdas/module-schedules'
import { createRoute, z } from '@hono/zod-openapi'
import { business } from './business'
import { eatery } from './eatery'
import {
  businessListQuerySchema,
  eateryListQuerySchema,
  listBusinesses,
  listEateries,
  listLodgings,
  lodgingListQuerySchema,
} from './lists'
import { lodging } from './lodging'

/** The list routes the generated ones cannot be: each place with its hours status, open now, halal. */

const json = (schema: z.ZodType) => ({ 'application/json': { schema } })

/** A page of places of one entity, each with `hours` (its status at the instant asked, null without hours). */
function placePageSchema(output: z.ZodObject, name: string) {
  const item = output
    .extend({ hours: statusOutSchema.nullable().openapi({ description: 'Null when the place has no hours yet' }) })
    .openapi(`${name}ListItem`)
  return z
    .object({
      items: z.array(item),
      nextCursor: z.string().nullable(),
      withoutHours: z
        .number()
        .int()
        .optional()
        .openapi({ description: 'With openNow: matching places left out because they have no hours' }),
    })
    .openapi(`${name}Page`)
}

interface ListRoute {
  path: string
  name: string
  plural: string
  output: z.ZodObject
  query: z.ZodObject
  list: (ctx: TenantContext, query: never) => Promise<unknown>
}

const LISTS: ListRoute[] = [
  {
    path: '/economy/eateries',
    name: 'Eatery',
    plural: 'culinary places',
    output: eatery.schemas.output as unknown as z.ZodObject,
    query: eateryListQuerySchema,
    list: listEateries as ListRoute['list'],
  },
  {
    path: '/economy/lodgings',
    name: 'Lodging',
    plural: 'lodgings',
    output: lodging.schemas.output as unknown as z.ZodObject,
    query: lodgingListQuerySchema,
    list: listLodgings as ListRoute['list'],
  },
  {
    path: '/economy/businesses',
    name: 'Business',
    plural: 'small businesses (UMKM)',
    output: business.schemas.output as unknown as z.ZodObject,
    query: businessListQuerySchema,
    list: listBusinesses as ListRoute['list'],
  },
]

export function registerEconomyRoutes(router: ModuleRouter) {
  for (const l of LISTS) {
    router.openapi(
      createRoute({
        method: 'get',
        path: l.path,
        tags: ['Economy'],
        summary: `List ${l.plural} by name with whether each is open, filtered`,
        request: { query: l.query },
        responses: {
          200: { description: `A page of ${l.plural}`, content: json(placePageSchema(l.output, l.name)) },
          ...problemResponses(400, 422),
        },
      }),
      async (c) => c.json((await l.list(c.var.ctx, c.req.valid('query') as never)) as never, 200),
    )
  }
}
