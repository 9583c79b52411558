import { setModuleEnabled, slugSchema } from '@cerdas/platform'
import { z } from 'zod'
import { type Command, defineCommand, positionals, required } from '../command'
import { EXIT_OK } from '../errors'
import type { CliIo } from '../io'
import { cliActor, withPlatform } from '../platform-session'

const schema = z.strictObject({
  slug: z.string(required).pipe(slugSchema),
  module: z.string(required).min(1),
})

/** Enables or disables one module; enabling migrates its tables, disabling keeps them and their data. */
export async function tenantSetModule(input: z.infer<typeof schema>, enabled: boolean, io: CliIo): Promise<number> {
  const record = await withPlatform(io, (platform) =>
    setModuleEnabled(platform, input.slug, input.module, enabled, cliActor(io)),
  )
  const active = record.modules.filter((m) => m.enabled).map((m) => m.moduleId)
  io.stdout.write(
    `${enabled ? 'enabled' : 'disabled'} ${input.module} for ${input.slug}; enabled modules: ${active.join(', ') || '(none)'}\n`,
  )
  return EXIT_OK
}

function toggleCommand(enabled: boolean): Command {
  const verb = enabled ? 'enable' : 'disable'
  return defineCommand({
    name: `tenant ${verb}`,
    summary: `${verb} a module for a tenant`,
    help: enabled
      ? `
Usage: cerdas tenant enable <slug> <module>

Enables a registered module (its requirements must be enabled) and applies
its migrations to the tenant's database.
`
      : `
Usage: cerdas tenant disable <slug> <module>

Disables a module. Its tables and data stay, so enabling it again restores
it. Refused while another enabled module requires it.
`,
    labels: { slug: '<slug>', module: '<module>' },
    input: (args) => positionals(args, ['slug', 'module'], `tenant ${verb}`),
    schema,
    action: (input, io: CliIo) => tenantSetModule(input, enabled, io),
  })
}

export const tenantEnableCommand = toggleCommand(true)
export const tenantDisableCommand = toggleCommand(false)
