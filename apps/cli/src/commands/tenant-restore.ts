import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { restoreTenant, slugSchema } from '@cerdas/platform'
import { z } from 'zod'
import { defineCommand, positionals, required } from '../command'
import { confirmByTyping } from '../confirm'
import { CliError, EXIT_OK } from '../errors'
import type { CliIo } from '../io'
import { cliActor, withPlatform } from '../platform-session'

const schema = z.strictObject({
  slug: z.string(required).pipe(slugSchema),
  backup: z.string(required).min(1),
  yes: z.boolean(),
})

/** Replaces the tenant's database with a checked backup; the current file is kept beside it. */
export async function tenantRestore(input: z.infer<typeof schema>, io: CliIo): Promise<number> {
  const backup = resolve(io.cwd, input.backup)
  if (!existsSync(backup)) throw new CliError(`no backup at ${backup}`)
  await confirmByTyping(io, `replace the data of tenant "${input.slug}" with ${backup}`, input.slug, input.yes)
  await withPlatform(io, (platform) => restoreTenant(platform, input.slug, backup, cliActor(io)))
  io.stdout.write(`restored ${input.slug} from ${backup} (the previous database was kept as *.before-restore-*)\n`)
  return EXIT_OK
}

export const tenantRestoreCommand = defineCommand({
  name: 'tenant restore',
  summary: "replace a tenant's database with a backup",
  help: `
Usage: cerdas tenant restore <slug> <backup-file> [--yes]

Checks the backup (it must open and pass an integrity check), then replaces
the tenant's embedded database with it. Asks you to type the slug unless
--yes is given; without a terminal, --yes is required. Stop servers using
this tenant first, or they keep serving the old data until restarted.

Options:
  --yes        do not ask for confirmation
  -h, --help   show this help
`,
  options: { yes: { type: 'boolean', short: 'y' } },
  labels: { slug: '<slug>', backup: '<backup-file>' },
  input: (args) => ({ ...positionals(args, ['slug', 'backup'], 'tenant restore'), yes: args.values.yes === true }),
  schema,
  action: tenantRestore,
})
