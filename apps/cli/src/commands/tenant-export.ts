import { lstatSync } from 'node:fs'
import { resolve } from 'node:path'
import { exportTenant, slugSchema } from '@cerdas/platform'
import { z } from 'zod'
import { defineCommand, positionals, required } from '../command'
import { CliError, EXIT_OK } from '../errors'
import type { CliIo } from '../io'
import { cliActor, withPlatform } from '../platform-session'
import { writePrivateFile } from '../private-file'

const schema = z.strictObject({
  slug: z.string(required).pipe(slugSchema),
  out: z.string().min(1).optional(),
  force: z.boolean(),
})

/** Writes the tenant's lossless JSON export to a file, or to stdout so it can be piped. */
export async function tenantExport(input: z.infer<typeof schema>, io: CliIo): Promise<number> {
  const target = input.out ? resolve(io.cwd, input.out) : undefined
  // lstat: a dangling symlink counts as an existing file too.
  if (target && lstatSync(target, { throwIfNoEntry: false }) && !input.force)
    throw new CliError(`${target} already exists; add --force to replace it`)
  const dump = await withPlatform(io, (platform) => exportTenant(platform, input.slug, cliActor(io)))
  const json = `${JSON.stringify(dump, null, 2)}\n`
  if (!target) {
    io.stdout.write(json)
    return EXIT_OK
  }
  writePrivateFile(target, json)
  const rows = Object.values(dump.tables).reduce((n, t) => n + t.rows.length, 0)
  io.stderr.write(`exported ${input.slug}: ${Object.keys(dump.tables).length} table(s), ${rows} row(s) → ${target}\n`)
  return EXIT_OK
}

export const tenantExportCommand = defineCommand({
  name: 'tenant export',
  summary: "export a tenant's data and settings as JSON",
  help: `
Usage: cerdas tenant export <slug> [--out file.json] [--force]

Every row of every module table and the audit log, with the tenant's
settings, hosts and modules. Written to stdout unless --out is given.

Options:
  --out <file>   write to a file instead of stdout
  --force        replace an existing --out file (the new file is private:
                 mode 0600, since it holds password and token hashes)
  -h, --help     show this help
`,
  options: { out: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
  labels: { slug: '<slug>', out: '--out' },
  input: (args) => ({
    ...positionals(args, ['slug'], 'tenant export'),
    out: args.values.out,
    force: args.values.force === true,
  }),
  schema,
  action: tenantExport,
})
