import { findTenantBySlug } from '@cerdas/db'
import {
  migrateAllTenants,
  migrateTenant,
  migrationStatus,
  type Platform,
  slugSchema,
  type TenantMigrationResult,
} from '@cerdas/platform'
import { z } from 'zod'
import { defineCommand, positionals } from '../command'
import { CliError, EXIT_FAILURE, EXIT_OK } from '../errors'
import type { CliIo } from '../io'
import { withPlatform } from '../platform-session'
import { createProgress } from '../progress'
import { formatTable } from '../table'

const schema = z
  .strictObject({
    slug: slugSchema.optional(),
    all: z.boolean(),
    status: z.boolean(),
    json: z.boolean(),
    concurrency: z.coerce.number().int().min(1).max(64),
  })
  .refine((v) => !(v.slug && v.all), { message: 'give either <slug> or --all, not both', path: ['all'] })

export type TenantMigrateInput = z.infer<typeof schema>

function reportMigrations(io: CliIo, results: TenantMigrationResult[]): void {
  const rows = results.map((r) => [
    r.slug,
    r.status === 'ok' ? 'ok' : 'FAILED',
    String(r.applied.length),
    r.status === 'ok'
      ? Object.entries(r.versions)
          .map(([owner, v]) => `${owner}@${v}`)
          .join(' ')
      : (r.error ?? ''),
  ])
  io.stdout.write(`${formatTable(['TENANT', 'RESULT', 'APPLIED', 'VERSIONS / ERROR'], rows)}\n`)
  const failed = results.filter((r) => r.status === 'failed')
  const applied = results.reduce((n, r) => n + r.applied.length, 0)
  io.stdout.write(
    `${results.length - failed.length} of ${results.length} tenant(s) up to date, ${applied} migration(s) applied` +
      (failed.length > 0 ? `; failed: ${failed.map((r) => r.slug).join(', ')} (fix and re-run: it resumes)` : '') +
      '\n',
  )
}

async function reportStatus(platform: Platform, io: CliIo, input: TenantMigrateInput): Promise<number> {
  const statuses = (await migrationStatus(platform)).filter((s) => !input.slug || s.slug === input.slug)
  if (input.slug && statuses.length === 0) throw new CliError(`no tenant "${input.slug}"`)
  if (input.json) io.stdout.write(`${JSON.stringify(statuses, null, 2)}\n`)
  else {
    const rows = statuses.map((s) => [
      s.slug,
      s.error ? 'ERROR' : s.upToDate ? 'up to date' : `${s.pending.length} pending`,
      s.error ?? s.pending.join(' '),
    ])
    io.stdout.write(`${formatTable(['TENANT', 'SCHEMA', 'PENDING / ERROR'], rows)}\n`)
  }
  // Pending migrations are information; a tenant whose database cannot be read is a failure.
  return statuses.some((s) => s.error) ? EXIT_FAILURE : EXIT_OK
}

/**
 * Migrates one tenant or all of them. Each migration commits with its ledger
 * row, so a run that stopped resumes; one tenant failing never stops the others.
 */
export async function tenantMigrate(input: TenantMigrateInput, io: CliIo): Promise<number> {
  return withPlatform(io, async (platform) => {
    if (input.status) return reportStatus(platform, io, input)
    let results: TenantMigrationResult[]
    if (input.slug) {
      const record = await findTenantBySlug(platform.controlPlane, input.slug)
      if (!record) throw new CliError(`no tenant "${input.slug}"`)
      const result = await migrateTenant(platform, record, (m) =>
        io.stderr.write(`${record.slug}: applied ${m.owner}/${m.id}\n`),
      )
      results = [result]
    } else {
      const total = (await platform.controlPlane.$client.execute('SELECT COUNT(*) AS n FROM tenants')).rows[0]?.n
      const progress = createProgress(io.stderr, Number(total ?? 0), 'migrating')
      results = await migrateAllTenants(platform, {
        concurrency: input.concurrency,
        onProgress: (_done, _total, r) =>
          progress.tick(`${r.slug} ${r.status === 'ok' ? `ok (+${r.applied.length})` : 'FAILED'}`),
      })
      progress.done()
      if (results.length === 0) {
        io.stdout.write('no tenants to migrate\n')
        return EXIT_OK
      }
    }
    if (input.json) io.stdout.write(`${JSON.stringify(results, null, 2)}\n`)
    else reportMigrations(io, results)
    return results.some((r) => r.status === 'failed') ? EXIT_FAILURE : EXIT_OK
  })
}

export const tenantMigrateCommand = defineCommand({
  name: 'tenant migrate',
  summary: 'apply pending migrations to one or all tenants, or show what is pending',
  help: `
Usage: cerdas tenant migrate [<slug> | --all] [--status] [--json]

Applies the framework's and every enabled module's pending migrations. With
no <slug>, every tenant is migrated (same as --all). Idempotent and
resumable; a failing tenant is reported and the others still migrate. The
exit code is 1 if any tenant failed.

Options:
  --all              migrate every tenant (the default without <slug>)
  --status           only report pending migrations per tenant (reads each tenant database)
  --concurrency <n>  tenants migrated at once (default 4)
  --json             machine-readable report
  -h, --help         show this help
`,
  options: {
    all: { type: 'boolean' },
    status: { type: 'boolean' },
    json: { type: 'boolean' },
    concurrency: { type: 'string' },
  },
  labels: { slug: '<slug>', all: '--all', concurrency: '--concurrency' },
  input: (args) => ({
    ...positionals(args, ['slug'], 'tenant migrate'),
    all: args.values.all === true,
    status: args.values.status === true,
    json: args.values.json === true,
    concurrency: args.values.concurrency ?? '4',
  }),
  schema,
  action: tenantMigrate,
})
