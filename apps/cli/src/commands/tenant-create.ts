import { resolve } from 'node:path'
import { fileUrl, isRelativeFileUrl } from '@cerdas/db'
import { createTenant, createTenantInputSchema, hostSchema, listTemplates, slugSchema } from '@cerdas/platform'
import { z } from 'zod'
import { defineCommand, positionals, required } from '../command'
import { EXIT_OK, UsageError } from '../errors'
import type { CliIo } from '../io'
import { cliActor, cliConfig, withPlatform } from '../platform-session'

const schema = z.strictObject({
  slug: z.string(required).pipe(slugSchema),
  template: z.string(required).min(1),
  name: z.string().trim().min(3).optional(),
  hosts: z.array(hostSchema),
  dbUrl: createTenantInputSchema.shape.dbUrl,
  dbTokenEnv: createTenantInputSchema.shape.dbTokenEnv,
  seed: z.boolean(),
})

export type TenantCreateInput = z.infer<typeof schema>

/** A relative `file:` path on the command line means relative to the working directory, like every other path. */
function commandLineDbUrl(url: string | undefined, cwd: string): string | undefined {
  if (url === undefined || !isRelativeFileUrl(url)) return url
  return fileUrl(resolve(cwd, decodeURIComponent(url.slice('file:'.length))))
}

/** Creates, migrates and (unless --no-seed) seeds a tenant; prints where it is reachable. */
export async function tenantCreate(input: TenantCreateInput, io: CliIo): Promise<number> {
  // An unknown template is a wrong argument: name the ones that exist.
  const { CERDAS_TEMPLATES_DIR } = cliConfig(io)
  const templates = listTemplates(CERDAS_TEMPLATES_DIR)
  if (!templates.includes(input.template))
    throw new UsageError(`unknown template "${input.template}"; available: ${templates.join(', ')}`, 'tenant create')
  return withPlatform(io, async (platform) => {
    const record = await createTenant(
      platform,
      {
        slug: input.slug,
        template: input.template,
        name: input.name,
        hosts: input.hosts,
        dbUrl: commandLineDbUrl(input.dbUrl, io.cwd),
        dbTokenEnv: input.dbTokenEnv,
        seed: input.seed,
      },
      cliActor(io),
    )
    const modules = record.modules.filter((m) => m.enabled).map((m) => m.moduleId)
    io.stdout.write(
      [
        `created tenant ${record.slug} (${record.name}) from template ${record.template}`,
        `  hosts:    ${record.hosts.map((h) => h.host).join(', ')}`,
        `  database: ${platform.tenantDbUrl(record)}`,
        `  modules:  ${modules.join(', ') || '(none)'}`,
        `  seeded:   ${input.seed ? 'yes' : 'no (run `cerdas tenant seed` later)'}`,
        '',
      ].join('\n'),
    )
    return EXIT_OK
  })
}

export const tenantCreateCommand = defineCommand({
  name: 'tenant create',
  summary: 'create a tenant from a template, migrate and seed it',
  help: `
Usage: cerdas tenant create <slug> --template <name> [options]

Creates the tenant in the control plane, its own database, applies every
migration and runs the template's seeds.

Arguments:
  <slug>                 3-42 characters of a-z, 0-9 and -, starting with a letter

Options:
  --template <name>      template under CERDAS_TEMPLATES_DIR (see \`cerdas template list\`)
  --name "Kabupaten X"   display name (default: the template's, else the slug)
  --host <host>          extra host name; repeatable. <slug>.<platform host> is always added
  --db-url <url>         libsql:// or https:// URL of the tenant database (default: embedded
                         file <CERDAS_DATA_DIR>/tenants/<slug>.db, stored relative to the data dir)
  --db-token-env <VAR>   environment variable holding that database's auth token
  --no-seed              skip the template's seed data
  -h, --help             show this help

Example:
  cerdas tenant create samosir --template kabupaten --name "Kabupaten Samosir" --host samosirkab.go.id
`,
  options: {
    template: { type: 'string', short: 't' },
    name: { type: 'string' },
    host: { type: 'string', multiple: true },
    'db-url': { type: 'string' },
    'db-token-env': { type: 'string' },
    'no-seed': { type: 'boolean' },
  },
  labels: {
    slug: '<slug>',
    template: '--template',
    name: '--name',
    hosts: '--host',
    dbUrl: '--db-url',
    dbTokenEnv: '--db-token-env',
  },
  input: (args) => ({
    ...positionals(args, ['slug'], 'tenant create'),
    template: args.values.template,
    name: args.values.name,
    hosts: args.values.host ?? [],
    dbUrl: args.values['db-url'],
    dbTokenEnv: args.values['db-token-env'],
    seed: !args.values['no-seed'],
  }),
  schema,
  action: tenantCreate,
})
