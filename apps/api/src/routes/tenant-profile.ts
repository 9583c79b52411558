import { type ApiEnv, DIMENSIONS } from '@cerdas/core'
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'

const text = z.object({ id: z.string(), en: z.string().optional() })

const profileSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    kind: z.enum(['kabupaten', 'kota']),
    province: z.string(),
    timezone: z.string(),
    defaultLocale: z.enum(['id', 'en']),
    locales: z.array(z.enum(['id', 'en'])),
    branding: z.object({
      primaryColor: z.string(),
      accentColor: z.string(),
      logoUrl: z.string().optional(),
      tagline: text.optional(),
    }),
    modules: z.array(z.object({ id: z.string(), dimension: z.string(), title: text })),
    dimensions: z.array(z.object({ id: z.string(), title: text, modules: z.array(z.string()) })),
  })
  .openapi('TenantProfile')

export const tenantProfileRoute = createRoute({
  method: 'get',
  path: '/tenant',
  tags: ['Tenant'],
  summary: 'Public profile of the regency served at this host: name, branding, enabled modules',
  responses: { 200: { description: 'The tenant', content: { 'application/json': { schema: profileSchema } } } },
})

export function registerTenantProfile(
  router: OpenAPIHono<ApiEnv>,
  modules: { id: string; dimension: string; title: { id: string; en?: string | undefined } }[],
) {
  router.openapi(tenantProfileRoute, (c) => {
    const t = c.var.ctx.tenant
    const enabled = modules.filter((m) => t.modules[m.id]).map(({ id, dimension, title }) => ({ id, dimension, title }))
    return c.json(
      {
        slug: t.slug,
        name: t.name,
        kind: t.kind,
        province: t.province,
        timezone: t.timezone,
        defaultLocale: t.defaultLocale,
        locales: t.locales,
        branding: t.branding,
        modules: enabled,
        dimensions: DIMENSIONS.map((d) => ({
          id: d.id,
          title: d.title,
          modules: enabled.filter((m) => m.dimension === d.id).map((m) => m.id),
        })),
      },
      200,
    )
  })
}
