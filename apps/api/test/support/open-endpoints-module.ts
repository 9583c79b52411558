import { defineModule } from '@cerdas/core'

/**
 * A module for tests only: open endpoints under /uji311 in the manner of Open311 (form bodies in,
 * JSON or XML out), answering what the framework resolved for the request.
 */
export const openEndpointsModule = defineModule({
  id: 'uji',
  dimension: 'society',
  title: { id: 'Uji' },
  schema: {},
  migrations: [],
  http: {
    prefix: '/uji311',
    routes: (router) => {
      router.post('/v2/requests.json', async (c) => {
        const form = await c.req.parseBody()
        const { ctx } = c.var
        return c.json(
          {
            tenant: ctx.tenant.slug,
            actor: ctx.actor ? `${ctx.actor.kind}:${ctx.actor.name ?? ctx.actor.id}` : null,
            description: form.description ?? null,
          },
          201,
        )
      })
      router.get('/v2/services.xml', (c) =>
        c.body(
          `<?xml version="1.0" encoding="utf-8"?><services><tenant>${c.var.ctx.tenant.slug}</tenant></services>`,
          200,
          {
            'Content-Type': 'text/xml; charset=utf-8',
          },
        ),
      )
    },
  },
})
