import { formatGrant, type Grant, parseGrant } from '@cerdas/core'
import { listUsers, MAX_EMAIL_LENGTH } from '@cerdas/identity'
import {
  type AccountMail,
  inviteAccount,
  issuePasswordReset,
  type MailResult,
  type Platform,
  slugSchema,
} from '@cerdas/platform'
import { z } from 'zod'
import { defineCommand, positionals, required } from '../command'
import { CliError, EXIT_OK } from '../errors'
import type { CliIo } from '../io'
import { withPlatform } from '../platform-session'
import { formatTable } from '../table'
import { cliTenantContext, tenantOrigin } from '../tenant-context'

/** `--role admin`, `--role editor:governance`: a role, optionally limited to one dimension. */
export const grantOption = z.string().transform((text, ctx): Grant => {
  const grant = parseGrant(text)
  if (!grant) {
    ctx.addIssue({
      code: 'custom',
      message: `"${text}" is not a role (admin, editor:<dimension>, verifier[:<dimension>], viewer)`,
    })
    return z.NEVER
  }
  return grant
})

/** Links are emailed too when the tenant has email (SMTP) configured; the CLI prints them either way. */
const mailStep = (platform: Platform, origin: string, io: CliIo): AccountMail => ({
  platform,
  linkUrl: (token) => `${origin}/admin/tautan/${token}`,
  env: io.env,
  log: () => {},
})

const mailLine = (mail: MailResult) =>
  mail.emailed
    ? `emailed to ${mail.to}\n`
    : mail.attempted
      ? `not emailed: ${mail.reason}\n`
      : `not emailed (${mail.reason})\n`

const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value])

const inviteSchema = z.strictObject({
  slug: z.string(required).pipe(slugSchema),
  email: z.email().max(MAX_EMAIL_LENGTH),
  name: z.string().trim().min(2),
  grants: z.array(grantOption).min(1, 'give at least one --role'),
})

export async function userInvite(input: z.infer<typeof inviteSchema>, io: CliIo): Promise<number> {
  return withPlatform(io, async (platform) => {
    const ctx = await cliTenantContext(platform, input.slug, io)
    const origin = tenantOrigin(ctx, io)
    const { user, token, mail } = await inviteAccount(
      ctx,
      { email: input.email, name: input.name, grants: input.grants },
      { mail: mailStep(platform, origin, io) },
    )
    io.stdout.write(
      `invited ${user.email} (${user.grants.map(formatGrant).join(', ')})\n` +
        `one-time link, valid 7 days${mail.emailed ? '' : ' — send it to the person'}:\n  ${origin}/admin/tautan/${token}\n` +
        mailLine(mail),
    )
    return EXIT_OK
  })
}

export const userInviteCommand = defineCommand({
  name: 'user invite',
  summary: 'invite a person to a tenant and print their one-time link (also emailed when mail is configured)',
  help: `
Usage: cerdas user invite <slug> --email <email> --name <name> --role <role> [--role <role>]...

Creates the account without a password and prints a one-time link on which
the person chooses one. When the tenant has email (SMTP) configured in the
admin console, the link is also emailed to the person; the output says whether. Roles: admin, editor:<dimension>, verifier[:<dimension>],
viewer. Dimensions: governance, branding, economy, living, society, environment.

Example:
  cerdas user invite toba --email kominfo@tobakab.go.id --name "Admin Kominfo" --role admin
  cerdas user invite toba --email editor@tobakab.go.id --name "Tim Governance" --role editor:governance
`,
  options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', multiple: true } },
  input: (args) => ({
    ...positionals(args, ['slug'], 'user invite'),
    email: args.values.email,
    name: args.values.name,
    grants: list(args.values.role),
  }),
  labels: { slug: '<slug>', email: '--email', name: '--name', grants: '--role' },
  schema: inviteSchema,
  action: userInvite,
})

const slugOnly = z.strictObject({ slug: z.string(required).pipe(slugSchema) })

export async function userList(input: z.infer<typeof slugOnly>, io: CliIo): Promise<number> {
  return withPlatform(io, async (platform) => {
    const ctx = await cliTenantContext(platform, input.slug, io)
    const users = await listUsers(ctx.db)
    io.stdout.write(
      `${formatTable(
        ['email', 'name', 'roles', 'status', 'last login'],
        users.map((u) => [
          u.email,
          u.name,
          u.grants.map(formatGrant).join(', '),
          u.hasPassword ? u.status : `${u.status} (invited)`,
          u.lastLoginAt ?? '-',
        ]),
      )}\n`,
    )
    return EXIT_OK
  })
}

export const userListCommand = defineCommand({
  name: 'user list',
  summary: "list a tenant's accounts and roles",
  help: 'Usage: cerdas user list <slug>',
  input: (args) => positionals(args, ['slug'], 'user list'),
  labels: { slug: '<slug>' },
  schema: slugOnly,
  action: userList,
})

const resetSchema = z.strictObject({
  slug: z.string(required).pipe(slugSchema),
  email: z.email().max(MAX_EMAIL_LENGTH),
})

export async function userReset(input: z.infer<typeof resetSchema>, io: CliIo): Promise<number> {
  return withPlatform(io, async (platform) => {
    const ctx = await cliTenantContext(platform, input.slug, io)
    const origin = tenantOrigin(ctx, io)
    const result = await issuePasswordReset(ctx, input.email, { mail: mailStep(platform, origin, io) })
    if (!result) throw new CliError(`no active account ${input.email} in ${input.slug}`)
    io.stdout.write(
      `one-time password-reset link, valid 2 hours:\n  ${origin}/admin/tautan/${result.token}\n${mailLine(result.mail)}`,
    )
    return EXIT_OK
  })
}

export const userResetCommand = defineCommand({
  name: 'user reset',
  summary: 'print a one-time password-reset link for an account (also emailed when mail is configured)',
  help: 'Usage: cerdas user reset <slug> --email <email>',
  options: { email: { type: 'string' } },
  input: (args) => ({ ...positionals(args, ['slug'], 'user reset'), email: args.values.email }),
  labels: { slug: '<slug>', email: '--email' },
  schema: resetSchema,
  action: userReset,
})
