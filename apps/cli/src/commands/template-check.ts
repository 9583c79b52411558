import { listTemplates, loadTemplate, slugSchema } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import { z } from 'zod'
import { defineCommand, positionals, required } from '../command'
import { CliError, EXIT_OK, UsageError } from '../errors'
import type { CliIo } from '../io'
import { cliConfig } from '../platform-session'

/**
 * Loads a template as tenant creation would (parents merged, settings and
 * seed data validated against the registered modules) and reports what it
 * would give a tenant, or every problem found.
 */
export async function templateCheck(input: { name: string }, io: CliIo): Promise<number> {
  const dir = cliConfig(io).CERDAS_TEMPLATES_DIR
  const names = listTemplates(dir)
  if (!names.includes(input.name))
    throw new UsageError(`unknown template "${input.name}"; available: ${names.join(', ')}`, 'template check')
  const template = loadTemplate(dir, input.name, modules)
  // A template pinned to a slug (like toba) must pin a slug tenants can have.
  if (template.tenant.slug !== undefined && !slugSchema.safeParse(template.tenant.slug).success)
    throw new CliError(`template "${input.name}": tenant.slug "${template.tenant.slug}" is not a valid slug`)
  const enabled = Object.entries(template.modules)
    .filter(([, m]) => m.enabled)
    .map(([id]) => id)
  const data = Object.entries(template.data).map(([id, d]) => `${id} (${Array.isArray(d) ? d.length : 1})`)
  io.stdout.write(
    [
      `template ${input.name} is valid`,
      `  chain:     ${template.chain.join(' → ')}`,
      `  tenant:    ${template.tenant.name ?? '(name given at creation)'}, ${template.tenant.kind}, ${template.tenant.province || '(no province)'}, ${template.tenant.timezone}`,
      `  locales:   ${template.tenant.locales.join(', ')} (default ${template.tenant.defaultLocale})`,
      `  hosts:     ${template.tenant.hosts.join(', ') || '-'}`,
      `  modules:   ${enabled.join(', ') || '-'}`,
      `  seed data: ${data.join(', ') || '-'}`,
      `  districts: ${template.reference.districts.length}`,
      '',
    ].join('\n'),
  )
  return EXIT_OK
}

export const templateCheckCommand = defineCommand({
  name: 'template check',
  summary: 'validate a template against the registered modules',
  help: `
Usage: cerdas template check <name>

Loads the template with its parents and validates the merged result, module
settings and seed data files. Exit code 1 with every problem listed if it is
not valid.
`,
  labels: { name: '<name>' },
  input: (args) => positionals(args, ['name'], 'template check'),
  schema: z.strictObject({ name: z.string(required).min(1) }),
  action: templateCheck,
})
