import {
  DEFAULT_STALE_DAYS,
  OVERVIEW_DEFAULT_CONCURRENCY,
  OVERVIEW_MAX_CONCURRENCY,
  type PlatformOverview,
  slugSchema,
  type TenantOverview,
  tenantOverview,
} from '@cerdas/platform'
import { z } from 'zod'
import { defineCommand, positionals } from '../command'
import { EXIT_FAILURE, EXIT_OK } from '../errors'
import type { CliIo } from '../io'
import { withPlatform } from '../platform-session'
import { createProgress, type Progress } from '../progress'
import { formatTable } from '../table'

const schema = z.strictObject({
  json: z.boolean(),
  concurrency: z.coerce.number().int().min(1).max(OVERVIEW_MAX_CONCURRENCY),
  tenants: z.array(slugSchema).optional(),
})

export type TenantOverviewInput = z.infer<typeof schema>

const count = (n: number | null) => (n === null ? '-' : String(n))
/** Minutes are enough to tell fresh from forgotten; the JSON keeps the full instant. */
const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')}Z` : '-')

function tenantSection(t: TenantOverview): string {
  const head = `${t.slug}  ${t.name}  ${t.hosts.join(',') || '-'}  ${t.status}`
  if (t.outcome !== 'ok') {
    const modules = t.modules.map((m) => m.id).join(',') || '-'
    return `${head}\n  ${t.outcome.toUpperCase()}: ${t.error ?? ''}\n  modules enabled: ${modules}`
  }
  const rows = t.modules.map((m) => [
    m.id,
    m.dimension,
    m.version ?? '-',
    `${count(m.records)}${m.truncated ? '+' : ''}`,
    count(m.neverVerified),
    count(m.stale),
    when(m.lastWriteAt),
    when(m.lastVerifiedAt),
  ])
  const totals = t.totals
  if (totals) {
    rows.push([
      'total',
      '',
      '',
      String(totals.records),
      String(totals.neverVerified),
      String(totals.stale),
      when(totals.lastWriteAt),
      when(totals.lastVerifiedAt),
    ])
  }
  const table = formatTable(
    ['MODULE', 'DIMENSION', 'VERSION', 'RECORDS', 'UNVERIFIED', 'STALE', 'LAST WRITE', 'LAST VERIFIED'],
    rows,
  )
  return `${head}\n${table.replace(/^/gm, '  ')}`
}

function report(io: CliIo, view: PlatformOverview): void {
  if (view.tenants.length === 0) {
    io.stdout.write('no tenants yet; create one with `cerdas tenant create <slug> --template <name>`\n')
    return
  }
  io.stdout.write(`${view.tenants.map(tenantSection).join('\n\n')}\n\n`)
  const failed = view.tenants.filter((t) => t.outcome !== 'ok')
  io.stdout.write(
    `${view.totals.ok} of ${view.totals.tenants} tenant(s) read: ${view.totals.records} record(s), ` +
      `${view.totals.neverVerified} never verified, ${view.totals.stale} verified more than ${view.staleDays} days ago` +
      (failed.length > 0 ? `; not read: ${failed.map((t) => t.slug).join(', ')}` : '') +
      '\n',
  )
}

/**
 * Every tenant's modules and how current their data is, read from each tenant's own database a
 * few at a time, with progress on stderr. A tenant that cannot be read is reported and exits 1.
 */
export async function tenantOverviewCommandAction(input: TenantOverviewInput, io: CliIo): Promise<number> {
  return withPlatform(io, async (platform) => {
    let progress: Progress | undefined
    const view = await tenantOverview(platform, {
      concurrency: input.concurrency,
      ...(input.tenants ? { slugs: input.tenants } : {}),
      onProgress: (_done, total, t) => {
        progress ??= createProgress(io.stderr, total, 'reading')
        progress.tick(`${t.slug} ${t.outcome === 'ok' ? 'ok' : t.outcome.toUpperCase()}`)
      },
    })
    progress?.done()
    if (input.json) io.stdout.write(`${JSON.stringify(view, null, 2)}\n`)
    else report(io, view)
    return view.totals.failed > 0 ? EXIT_FAILURE : EXIT_OK
  })
}

export const tenantOverviewCommand = defineCommand({
  name: 'tenant overview',
  summary: 'per tenant: modules, records, unverified and stale records, last write',
  help: `
Usage: cerdas tenant overview [--tenant <slug>]... [--concurrency <n>] [--json]

Reads every tenant's own database (a few at a time) and prints, per tenant,
its enabled modules with their latest migration, record counts, records
never verified, records verified more than ${DEFAULT_STALE_DAYS} days ago, and the last write
and verification. Nothing is stored. Progress goes to stderr. A tenant whose
database cannot be read is reported as failed, and the exit code is then 1.

Options:
  --tenant <slug>    only this tenant (repeat for more)
  --concurrency <n>  tenant databases read at once, 1 to ${OVERVIEW_MAX_CONCURRENCY} (default ${OVERVIEW_DEFAULT_CONCURRENCY})
  --json             machine-readable output
  -h, --help         show this help
`,
  options: {
    json: { type: 'boolean' },
    concurrency: { type: 'string' },
    tenant: { type: 'string', multiple: true },
  },
  labels: { concurrency: '--concurrency', tenants: '--tenant' },
  input: (args) => ({
    ...positionals(args, [], 'tenant overview'),
    json: args.values.json === true,
    concurrency: args.values.concurrency ?? String(OVERVIEW_DEFAULT_CONCURRENCY),
    ...(args.values.tenant ? { tenants: args.values.tenant } : {}),
  }),
  schema,
  action: tenantOverviewCommandAction,
})
