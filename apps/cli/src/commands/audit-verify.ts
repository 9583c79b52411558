import { listTenants } from '@cerdas/db'
import { slugSchema } from '@cerdas/platform'
import { z } from 'zod'
import { defineCommand } from '../command'
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../errors'
import type { CliIo } from '../io'
import { withPlatform } from '../platform-session'

const schema = z.strictObject({ slug: slugSchema.optional(), all: z.boolean() })

/** Checks each tenant's audit log (chain, signatures, anchor); exit 1 when any is broken. */
export async function auditVerify(input: z.infer<typeof schema>, io: CliIo): Promise<number> {
  if (!input.slug && !input.all) throw new UsageError('give a <slug> or --all', 'audit verify')
  return withPlatform(io, async (platform) => {
    const records = (await listTenants(platform.controlPlane)).filter((t) => input.all || t.slug === input.slug)
    if (records.length === 0) throw new UsageError(`no tenant "${input.slug}"`, 'audit verify')
    let broken = 0
    for (const record of records) {
      const result = await platform.verifyAudit(record.id, await platform.tenantDb(record))
      if (result.ok) io.stdout.write(`${record.slug}: ok, ${result.entries} entries chained, signed and anchored\n`)
      else {
        broken++
        io.stdout.write(
          `${record.slug}: TAMPERED at entry #${result.brokenAt?.seq} (${result.brokenAt?.id}): ${result.brokenAt?.reason}\n`,
        )
      }
    }
    return broken > 0 ? EXIT_FAILURE : EXIT_OK
  })
}

export const auditVerifyCommand = defineCommand({
  name: 'audit verify',
  summary: "check that a tenant's audit log was not edited",
  help: `
Usage: cerdas audit verify <slug> | --all

Recomputes the hash chain of the audit log and checks each entry's signature
and the newest entry recorded in the control plane: an entry edited, inserted
or removed outside Cerdas, a rewrite with recomputed hashes, or the newest
entries cut off all show as TAMPERED at that entry (docs/decisions/0103).
Exit code 1 when any log is broken.
`,
  options: { all: { type: 'boolean' } },
  input: (args) => ({ slug: args.positionals[0], all: args.values.all === true }),
  labels: { slug: '<slug>', all: '--all' },
  schema,
  action: auditVerify,
})
