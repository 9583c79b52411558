import { type ApiEnv, type ApiKit, problemResponses } from '@cerdas/core'
import { type Platform, smtpPasswordEnvName, tenantMailSettings, updateMailSettings } from '@cerdas/platform'
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'

const SETTINGS = 'cerdas.settings:update'

const mailSettingsBody = z
  .strictObject({
    enabled: z.boolean().optional(),
    host: z.string().max(253).optional().openapi({ description: 'SMTP server name; internal addresses are refused' }),
    port: z
      .number()
      .int()
      .optional()
      .openapi({ description: '25, 465, 587 or 2525 unless the operator allows another' }),
    secure: z.boolean().optional().openapi({ description: 'TLS from the first byte (port 465)' }),
    user: z.string().max(254).optional(),
    passwordEnv: z.string().max(100).optional().openapi({
      description: 'Name of the variable holding the password: only the tenant’s own, see passwordEnvName',
    }),
    from: z.string().max(300).optional(),
  })
  .openapi('MailSettingsInput', {
    example: {
      enabled: true,
      host: 'smtp.tobakab.go.id',
      port: 587,
      from: 'Diskominfo Toba <no-reply@tobakab.go.id>',
    },
  })

const mailSettings = z
  .object({
    enabled: z.boolean(),
    host: z.string(),
    port: z.number(),
    secure: z.boolean(),
    user: z.string(),
    passwordEnv: z.string(),
    from: z.string(),
  })
  .openapi('MailSettings')

const mailSettingsView = mailSettings.extend({
  passwordEnvName: z.string().openapi({ description: 'The one environment variable the SMTP password may come from' }),
})

export const getMailSettingsRoute = createRoute({
  method: 'get',
  path: '/settings/mail',
  tags: ['Settings'],
  summary: "The tenant's outgoing mail (SMTP) settings; the password itself is never stored",
  security: [{ bearer: [] }],
  'x-permission': SETTINGS,
  responses: {
    200: { description: 'Mail settings', content: { 'application/json': { schema: mailSettingsView } } },
    ...problemResponses(401, 403),
  },
})

export const putMailSettingsRoute = createRoute({
  method: 'put',
  path: '/settings/mail',
  tags: ['Settings'],
  summary: "Replaces the tenant's outgoing mail (SMTP) settings, audited",
  security: [{ bearer: [] }],
  'x-permission': SETTINGS,
  request: { body: { required: true, content: { 'application/json': { schema: mailSettingsBody } } } },
  responses: {
    200: { description: 'The saved settings', content: { 'application/json': { schema: mailSettings } } },
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
})

/** Mail settings of the tenant at the request's host, kept in the control plane. */
export function registerMailSettings(router: OpenAPIHono<ApiEnv>, kit: ApiKit, platform: Platform) {
  router.openapi(kit.guard(getMailSettingsRoute), async (c) => {
    const { tenant } = c.var.ctx
    const settings = await tenantMailSettings(platform, tenant.id)
    return c.json({ ...settings, passwordEnvName: smtpPasswordEnvName(tenant.slug) }, 200)
  })
  router.openapi(kit.guard(putMailSettingsRoute), async (c) =>
    c.json(await updateMailSettings(platform, c.var.ctx, c.req.valid('json')), 200),
  )
}
