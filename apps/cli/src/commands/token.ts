import { formatGrant } from '@cerdas/core'
import { createAccountToken, createOperatorToken, slugSchema } from '@cerdas/platform'
import { z } from 'zod'
import { defineCommand, positionals, required } from '../command'
import { EXIT_OK } from '../errors'
import type { CliIo } from '../io'
import { withPlatform } from '../platform-session'
import { cliTenantContext } from '../tenant-context'
import { grantOption } from './user'

const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value])

const tokenSchema = z.strictObject({
  slug: z.string(required).pipe(slugSchema),
  name: z.string().trim().min(2),
  grants: z.array(grantOption).min(1, 'give at least one --role'),
})

export async function tokenCreate(input: z.infer<typeof tokenSchema>, io: CliIo): Promise<number> {
  return withPlatform(io, async (platform) => {
    const ctx = await cliTenantContext(platform, input.slug, io)
    const { token, secret } = await createAccountToken(ctx, { name: input.name, grants: input.grants })
    io.stdout.write(
      `created API token ${token.id} "${token.name}" (${token.grants.map(formatGrant).join(', ')}) for ${input.slug}\n` +
        `secret (shown once; send as Authorization: Bearer <secret>):\n${secret}\n`,
    )
    return EXIT_OK
  })
}

export const tokenCreateCommand = defineCommand({
  name: 'token create',
  summary: 'create a scoped API token for an integration',
  help: `
Usage: cerdas token create <slug> --name <name> --role <role> [--role <role>]...

The token acts with the given roles in that tenant only. The secret is printed
once and stored hashed.
`,
  options: { name: { type: 'string' }, role: { type: 'string', multiple: true } },
  input: (args) => ({
    ...positionals(args, ['slug'], 'token create'),
    name: args.values.name,
    grants: list(args.values.role),
  }),
  labels: { slug: '<slug>', name: '--name', grants: '--role' },
  schema: tokenSchema,
  action: tokenCreate,
})

const operatorSchema = z.strictObject({
  name: z.string().trim().min(2),
  secretEnv: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/)
    .optional(),
})

export async function operatorTokenCreate(input: z.infer<typeof operatorSchema>, io: CliIo): Promise<number> {
  return withPlatform(io, async (platform) => {
    const secret = input.secretEnv ? io.env[input.secretEnv] : undefined
    const created = await createOperatorToken(platform.controlPlane, { name: input.name, secret })
    io.stdout.write(
      `created operator token ${created.id} "${input.name}": acts as admin on every tenant\n` +
        (input.secretEnv ? `secret taken from $${input.secretEnv}\n` : `secret (shown once):\n${created.secret}\n`),
    )
    return EXIT_OK
  })
}

export const operatorTokenCreateCommand = defineCommand({
  name: 'operator token',
  summary: 'create a platform operator token (admin on every tenant)',
  help: `
Usage: cerdas operator token --name <name> [--secret-env VAR]

Creates a token for the platform operator, kept hashed in the control plane.
With --secret-env the secret is read from that environment variable (it must
start with cerdas_op_ and have 32+ characters after it) instead of generated.
`,
  options: { name: { type: 'string' }, 'secret-env': { type: 'string' } },
  input: (args) => {
    positionals(args, [], 'operator token')
    return { name: args.values.name, secretEnv: args.values['secret-env'] }
  },
  labels: { name: '--name', secretEnv: '--secret-env' },
  schema: operatorSchema,
  action: operatorTokenCreate,
})
