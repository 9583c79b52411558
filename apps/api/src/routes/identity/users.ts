import { type ApiEnv, type ApiKit, problem, problemResponses } from '@cerdas/core'
import { emailSchema, findUser, listUsers } from '@cerdas/identity'
import {
  type AccountMail,
  inviteAccount,
  issuePasswordReset,
  type MailResult,
  type Platform,
  setAccountGrants,
  setAccountStatus,
} from '@cerdas/platform'
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { pageUrl } from './link-url'
import { grantSchema, userIdParam, userSchema } from './schemas'

const MANAGE = 'cerdas.users:manage'

/** Whether the link was also emailed to the person (the tenant has email configured), and why not. */
const emailedFields = {
  emailed: z.boolean().openapi({ description: 'The link was also sent to the person by email' }),
  emailReason: z
    .string()
    .optional()
    .openapi({ description: 'Why the link was not emailed (email off, or the send failed); give the link yourself' }),
}

const emailed = (mail: MailResult) => (mail.emailed ? { emailed: true } : { emailed: false, emailReason: mail.reason })

export const listUsersRoute = createRoute({
  method: 'get',
  path: '/users',
  tags: ['Accounts'],
  summary: "The tenant's accounts with their roles",
  security: [{ bearer: [] }],
  'x-permission': MANAGE,
  responses: {
    200: {
      description: 'Accounts',
      content: { 'application/json': { schema: z.object({ items: z.array(userSchema) }) } },
    },
    ...problemResponses(401, 403),
  },
})

export const inviteUserRoute = createRoute({
  method: 'post',
  path: '/users/invitations',
  tags: ['Accounts'],
  summary:
    'Invite a person: creates the account and returns a one-time link to choose a password, also emailed when the tenant has email configured',
  security: [{ bearer: [] }],
  'x-permission': MANAGE,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .strictObject({
              email: emailSchema,
              name: z.string().trim().min(2).max(120),
              grants: z.array(grantSchema).min(1).max(20),
            })
            .openapi('Invitation'),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'Invited',
      content: {
        'application/json': {
          schema: z.object({
            user: userSchema,
            invitationUrl: z.string(),
            expiresInDays: z.number(),
            ...emailedFields,
          }),
        },
      },
    },
    ...problemResponses(400, 401, 403, 409, 413, 415, 422),
  },
})

export const setRolesRoute = createRoute({
  method: 'put',
  path: '/users/{id}/roles',
  tags: ['Accounts'],
  summary: "Replace a person's roles; their sessions end so the new rights apply at once",
  description:
    'Replaces the roles given by hand. Roles a dimension team membership gives stay while the membership lasts, ' +
    'and sending one of them here does not make it a role given by hand.',
  security: [{ bearer: [] }],
  'x-permission': MANAGE,
  request: {
    params: userIdParam,
    body: {
      required: true,
      content: { 'application/json': { schema: z.strictObject({ grants: z.array(grantSchema).max(20) }) } },
    },
  },
  responses: {
    200: { description: 'Updated', content: { 'application/json': { schema: userSchema } } },
    ...problemResponses(400, 401, 403, 404, 413, 415, 422),
  },
})

export const setStatusRoute = createRoute({
  method: 'put',
  path: '/users/{id}/status',
  tags: ['Accounts'],
  summary: 'Disable or re-enable an account (disabling ends its sessions)',
  security: [{ bearer: [] }],
  'x-permission': MANAGE,
  request: {
    params: userIdParam,
    body: {
      required: true,
      content: { 'application/json': { schema: z.strictObject({ status: z.enum(['active', 'disabled']) }) } },
    },
  },
  responses: {
    200: { description: 'Updated', content: { 'application/json': { schema: userSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
})

export const passwordResetRoute = createRoute({
  method: 'post',
  path: '/users/{id}/password-reset',
  tags: ['Accounts'],
  summary:
    'Issue a one-time password-reset link for an account (shown to the admin, also emailed when the tenant has email configured)',
  security: [{ bearer: [] }],
  'x-permission': MANAGE,
  request: { params: userIdParam },
  responses: {
    201: {
      description: 'Link issued',
      content: { 'application/json': { schema: z.object({ resetUrl: z.string(), ...emailedFields }) } },
    },
    ...problemResponses(401, 403, 404, 422),
  },
})

/**
 * The account routes. With `platform`, invitation and reset links are also
 * emailed when the tenant has email (SMTP) configured.
 */
export function registerUsers(
  router: OpenAPIHono<ApiEnv>,
  kit: ApiKit,
  options: { platform?: Pick<Platform, 'controlPlane'> | undefined } = {},
) {
  const mailStep = (c: Context): AccountMail | undefined =>
    options.platform
      ? { platform: options.platform, linkUrl: (token) => pageUrl(c, `/admin/tautan/${token}`) }
      : undefined
  router.openapi(kit.guard(listUsersRoute), async (c) => c.json({ items: await listUsers(c.var.ctx.db) }, 200))
  router.openapi(kit.guard(inviteUserRoute), async (c) => {
    const { user, token, mail } = await inviteAccount(c.var.ctx, c.req.valid('json'), { mail: mailStep(c) })
    return c.json(
      { user, invitationUrl: pageUrl(c, `/admin/tautan/${token}`), expiresInDays: 7, ...emailed(mail) },
      201,
    )
  })
  router.openapi(kit.guard(setRolesRoute), async (c) =>
    c.json(await setAccountGrants(c.var.ctx, c.req.valid('param').id, c.req.valid('json').grants), 200),
  )
  router.openapi(kit.guard(setStatusRoute), async (c) =>
    c.json(await setAccountStatus(c.var.ctx, c.req.valid('param').id, c.req.valid('json').status), 200),
  )
  router.openapi(kit.guard(passwordResetRoute), async (c) => {
    const user = await findUser(c.var.ctx.db, { id: c.req.valid('param').id })
    const result = user ? await issuePasswordReset(c.var.ctx, user.email, { mail: mailStep(c) }) : undefined
    if (!result) throw problem('notFound', 'No such active account.')
    return c.json({ resetUrl: pageUrl(c, `/admin/tautan/${result.token}`), ...emailed(result.mail) }, 201)
  })
}
