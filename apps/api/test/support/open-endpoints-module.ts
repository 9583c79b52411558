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
    routes: (router, kit) => {
      // A resident's photo, stored through the API's photo service.
      router.post('/v2/media', async (c) => {
        const file = (await c.req.parseBody()).media
        if (!(file instanceof File)) return c.json({ error: 'no media' }, 400)
        const photo = await kit.uploadPhoto?.(c.var.ctx, new Uint8Array(await file.arrayBuffer()))
        return c.json(photo ?? null, 201)
      })
      // A one-time code to the address given, through the tenant's mail settings.
      router.post('/v2/code', async (c) => {
        const form = await c.req.parseBody()
        const to = typeof form.email === 'string' ? form.email : ''
        return c.json((await kit.sendMail?.(c.var.ctx, { to, subject: 'Kode Anda', text: 'Kode: 123456' })) ?? null)
      })
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
