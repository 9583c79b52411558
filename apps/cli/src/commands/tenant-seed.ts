import { findTenantBySlug } from '@cerdas/db'
import { seedTenant, slugSchema } from '@cerdas/platform'
import { z } from 'zod'
import { defineCommand, positionals, required } from '../command'
import { CliError, EXIT_OK } from '../errors'
import type { CliIo } from '../io'
import { cliActor, withPlatform } from '../platform-session'

/** Runs the template's seeds again; seeds are idempotent, so this only adds what is missing. */
export async function tenantSeed(input: { slug: string }, io: CliIo): Promise<number> {
  return withPlatform(io, async (platform) => {
    const record = await findTenantBySlug(platform.controlPlane, input.slug)
    if (!record) throw new CliError(`no tenant "${input.slug}"`)
    const seeded = await seedTenant(platform, record, cliActor(io))
    const parts = Object.entries(seeded).map(([id, n]) => `${id}: ${n} record(s)`)
    io.stdout.write(
      `seeded ${input.slug}${parts.length ? ` (${parts.join(', ')})` : ' (no seed data in its template)'}\n`,
    )
    return EXIT_OK
  })
}

export const tenantSeedCommand = defineCommand({
  name: 'tenant seed',
  summary: "run the template's seeds for a tenant (idempotent)",
  help: `
Usage: cerdas tenant seed <slug>

Runs each enabled module's seed with the tenant template's data and rebuilds
the search index. Records already seeded are left alone.
`,
  input: (args) => positionals(args, ['slug'], 'tenant seed'),
  labels: { slug: '<slug>' },
  schema: z.strictObject({ slug: z.string(required).pipe(slugSchema) }),
  action: tenantSeed,
})
