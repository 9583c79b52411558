import { resolve } from 'node:path'
import { backupTenant, slugSchema } from '@cerdas/platform'
import { z } from 'zod'
import { defineCommand, positionals, required } from '../command'
import { EXIT_OK } from '../errors'
import type { CliIo } from '../io'
import { cliActor, withPlatform } from '../platform-session'

const schema = z.strictObject({ slug: z.string(required).pipe(slugSchema), out: z.string().min(1).optional() })

/** An online, consistent snapshot (VACUUM INTO); prints the path of the backup on stdout for scripts. */
export async function tenantBackup(input: z.infer<typeof schema>, io: CliIo): Promise<number> {
  const path = await withPlatform(io, (platform) =>
    backupTenant(platform, input.slug, { to: input.out ? resolve(io.cwd, input.out) : undefined }, cliActor(io)),
  )
  io.stdout.write(`${path}\n`)
  return EXIT_OK
}

export const tenantBackupCommand = defineCommand({
  name: 'tenant backup',
  summary: "snapshot a tenant's database to a file",
  help: `
Usage: cerdas tenant backup <slug> [--out file.db]

Makes a consistent snapshot while the tenant stays online. Without --out it
goes to <CERDAS_DATA_DIR>/backups/<slug>-<time>.db. Prints the backup path.

Options:
  --out <file>   where to write the backup (must not exist)
  -h, --help     show this help
`,
  options: { out: { type: 'string', short: 'o' } },
  labels: { slug: '<slug>', out: '--out' },
  input: (args) => ({ ...positionals(args, ['slug'], 'tenant backup'), out: args.values.out }),
  schema,
  action: tenantBackup,
})
