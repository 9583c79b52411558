import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { hostSchema, importTenant, slugSchema, tenantExportSchema } from '@cerdas/platform'
import { z } from 'zod'
import { defineCommand, positionals, required } from '../command'
import { CliError, EXIT_OK } from '../errors'
import { type CliIo, readAll } from '../io'
import { cliActor, withPlatform } from '../platform-session'
import { createProgress } from '../progress'

const schema = z.strictObject({
  file: z.string(required).min(1),
  slug: slugSchema.optional(),
  hosts: z.array(hostSchema).optional(),
})

async function readExport(file: string, io: CliIo): Promise<unknown> {
  let text: string
  if (file === '-') text = await readAll(io.stdin)
  else {
    const path = resolve(io.cwd, file)
    if (!existsSync(path)) throw new CliError(`no file ${path}`)
    text = readFileSync(path, 'utf8')
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new CliError(`${file === '-' ? 'stdin' : file} is not JSON: ${(error as Error).message}`)
  }
}

/**
 * Creates a new tenant from an export. The platform validates the whole file
 * before writing and removes a half-imported tenant; afterwards the row
 * counts are compared with the file so a silent loss cannot pass.
 */
export async function tenantImport(input: z.infer<typeof schema>, io: CliIo): Promise<number> {
  const progress = createProgress(io.stderr, 3, 'importing')
  const raw = await readExport(input.file, io)
  const parsed = tenantExportSchema.safeParse(raw)
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    throw new CliError(`${input.file === '-' ? 'stdin' : input.file} is not a tenant export: ${first.join('; ')}`)
  }
  const dump = parsed.data
  const expected = Object.values(dump.tables).reduce((n, t) => n + t.rows.length, 0)
  progress.tick(`read ${Object.keys(dump.tables).length} table(s), ${expected} row(s)`)
  return withPlatform(io, async (platform) => {
    const record = await importTenant(platform, raw, { slug: input.slug, hosts: input.hosts }, cliActor(io))
    progress.tick(`created ${record.slug} and loaded its rows`)
    const db = await platform.tenantDb(record)
    let actual = 0
    for (const table of Object.keys(dump.tables)) {
      const result = await db.$client.execute(`SELECT COUNT(*) AS n FROM "${table}"`)
      actual += Number(result.rows[0]?.n ?? 0)
    }
    progress.tick(`checked ${actual} row(s)`)
    progress.done()
    if (actual !== expected) throw new CliError(`imported ${actual} row(s) but the file holds ${expected}`)
    const hosts = (await platform.tenantBySlug(record.slug))?.record.hosts.map((h) => h.host) ?? []
    io.stdout.write(`imported ${dump.tenant.slug} as ${record.slug}: ${actual} row(s); hosts: ${hosts.join(', ')}\n`)
    return EXIT_OK
  })
}

export const tenantImportCommand = defineCommand({
  name: 'tenant import',
  summary: 'create a tenant from an export file',
  help: `
Usage: cerdas tenant import <file> [--slug new-slug] [--host h]...

Creates a new tenant from a file made by \`cerdas tenant export\` (use - to
read stdin). Nothing is kept unless the whole file imports.

Options:
  --slug <slug>   import under another slug (hosts then default to <slug>.<platform host>)
  --host <host>   host name for the new tenant; repeatable (default: the exported hosts)
  -h, --help      show this help
`,
  options: { slug: { type: 'string' }, host: { type: 'string', multiple: true } },
  labels: { file: '<file>', slug: '--slug', hosts: '--host' },
  input: (args) => ({
    ...positionals(args, ['file'], 'tenant import'),
    slug: args.values.slug,
    hosts: args.values.host,
  }),
  schema,
  action: tenantImport,
})
