import { getSchemaVersions, listTenants } from '@cerdas/db'
import { migrationSetsFor, type Platform } from '@cerdas/platform'
import { z } from 'zod'
import { defineCommand, positionals } from '../command'
import { EXIT_OK } from '../errors'
import type { CliIo } from '../io'
import { withPlatform } from '../platform-session'
import { formatTable } from '../table'

export interface TenantSummary {
  slug: string
  name: string
  status: string
  hosts: string[]
  template: string
  modules: string[]
  /** The database URL in use: an embedded file resolved against this data directory, or the remote URL. */
  database: string
  /** `up-to-date`, or how many migrations the control plane has not seen applied. */
  schema: { upToDate: boolean; pending: string[] }
}

/**
 * Tenants as the control plane knows them. Schema status compares the
 * versions recorded at the last migration with the registered modules, so
 * listing opens no tenant database (`tenant migrate --status` asks each one).
 */
export async function summarizeTenants(platform: Platform): Promise<TenantSummary[]> {
  const out: TenantSummary[] = []
  for (const record of await listTenants(platform.controlPlane)) {
    const versions = await getSchemaVersions(platform.controlPlane, record.id)
    const pending = migrationSetsFor(record, platform.modules).flatMap((set) =>
      set.migrations
        .filter((m) => versions[set.owner] === undefined || m.id > (versions[set.owner] as string))
        .map((m) => `${set.owner}/${m.id}`),
    )
    out.push({
      slug: record.slug,
      name: record.name,
      status: record.status,
      hosts: record.hosts.map((h) => h.host),
      template: record.template,
      modules: record.modules.filter((m) => m.enabled).map((m) => m.moduleId),
      database: platform.tenantDbUrl(record),
      schema: { upToDate: pending.length === 0, pending },
    })
  }
  return out
}

export async function tenantList(input: { json: boolean }, io: CliIo): Promise<number> {
  const tenants = await withPlatform(io, summarizeTenants)
  if (input.json) {
    io.stdout.write(`${JSON.stringify(tenants, null, 2)}\n`)
    return EXIT_OK
  }
  if (tenants.length === 0) {
    io.stdout.write('no tenants yet; create one with `cerdas tenant create <slug> --template <name>`\n')
    return EXIT_OK
  }
  const rows = tenants.map((t) => [
    t.slug,
    t.name,
    t.hosts.join(','),
    t.template,
    t.modules.join(',') || '-',
    t.schema.upToDate ? 'up to date' : `${t.schema.pending.length} pending`,
    t.status,
  ])
  io.stdout.write(`${formatTable(['SLUG', 'NAME', 'HOSTS', 'TEMPLATE', 'MODULES', 'SCHEMA', 'STATUS'], rows)}\n`)
  return EXIT_OK
}

export const tenantListCommand = defineCommand({
  name: 'tenant list',
  summary: 'list tenants with hosts, template, modules and schema status',
  help: `
Usage: cerdas tenant list [--json]

--json also gives each tenant's database URL (embedded files resolved against
CERDAS_DATA_DIR).

Options:
  --json       machine-readable output
  -h, --help   show this help
`,
  options: { json: { type: 'boolean' } },
  input: (args) => ({ ...positionals(args, [], 'tenant list'), json: args.values.json === true }),
  schema: z.strictObject({ json: z.boolean() }),
  action: tenantList,
})
