import { findTenantBySlug } from '@cerdas/db'
import { removeTenant, slugSchema } from '@cerdas/platform'
import { z } from 'zod'
import { defineCommand, positionals, required } from '../command'
import { confirmByTyping } from '../confirm'
import { CliError, EXIT_OK } from '../errors'
import type { CliIo } from '../io'
import { cliActor, withPlatform } from '../platform-session'

const schema = z.strictObject({ slug: z.string(required).pipe(slugSchema), yes: z.boolean() })

/** Removes a tenant and its embedded database after the slug is typed back (or --yes). */
export async function tenantRemove(input: z.infer<typeof schema>, io: CliIo): Promise<number> {
  return withPlatform(io, async (platform) => {
    // Check first, so nobody is asked to confirm removing a tenant that does not exist.
    const record = await findTenantBySlug(platform.controlPlane, input.slug)
    if (!record) throw new CliError(`no tenant "${input.slug}"`)
    await confirmByTyping(
      io,
      `permanently remove tenant "${record.slug}" (${record.name}) and delete its data`,
      record.slug,
      input.yes,
    )
    await removeTenant(platform, input.slug, cliActor(io))
    io.stdout.write(`removed tenant ${input.slug}\n`)
    return EXIT_OK
  })
}

export const tenantRemoveCommand = defineCommand({
  name: 'tenant remove',
  summary: 'remove a tenant and delete its data',
  help: `
Usage: cerdas tenant remove <slug> [--yes]

Removes the tenant from the control plane and deletes its embedded database
(a tenant on a libSQL server keeps its namespace). Back it up first with
\`cerdas tenant backup\`. Asks you to type the slug unless --yes is given;
without a terminal, --yes is required.

Options:
  --yes        do not ask for confirmation
  -h, --help   show this help
`,
  options: { yes: { type: 'boolean', short: 'y' } },
  labels: { slug: '<slug>' },
  input: (args) => ({ ...positionals(args, ['slug'], 'tenant remove'), yes: args.values.yes === true }),
  schema,
  action: tenantRemove,
})
