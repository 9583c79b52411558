import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { listTemplates, loadTemplate } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import { z } from 'zod'
import { defineCommand, positionals } from '../command'
import { EXIT_OK } from '../errors'
import type { CliIo } from '../io'
import { cliConfig } from '../platform-session'
import { formatTable } from '../table'

export interface TemplateSummary {
  name: string
  extends: string | null
  description: string
  valid: boolean
}

/** Reads only the fields a listing shows; `template check` reports what is wrong with a broken one. */
function describeTemplate(dir: string, name: string): TemplateSummary {
  let raw: { extends?: unknown; description?: unknown } = {}
  try {
    raw = JSON.parse(readFileSync(join(dir, name, 'template.json'), 'utf8'))
  } catch {}
  let valid = true
  try {
    loadTemplate(dir, name, modules)
  } catch {
    valid = false
  }
  return {
    name,
    extends: typeof raw.extends === 'string' ? raw.extends : null,
    description: typeof raw.description === 'string' ? raw.description : '',
    valid,
  }
}

export async function templateList(input: { json: boolean }, io: CliIo): Promise<number> {
  const dir = cliConfig(io).CERDAS_TEMPLATES_DIR
  const templates = listTemplates(dir).map((name) => describeTemplate(dir, name))
  if (input.json) io.stdout.write(`${JSON.stringify(templates, null, 2)}\n`)
  else
    io.stdout.write(
      `${formatTable(
        ['TEMPLATE', 'EXTENDS', 'VALID', 'DESCRIPTION'],
        templates.map((t) => [t.name, t.extends ?? '-', t.valid ? 'yes' : 'NO', t.description]),
      )}\n`,
    )
  return EXIT_OK
}

export const templateListCommand = defineCommand({
  name: 'template list',
  summary: 'list tenant templates',
  help: `
Usage: cerdas template list [--json]

Templates under CERDAS_TEMPLATES_DIR, with their parent and whether they
load against the registered modules.
`,
  options: { json: { type: 'boolean' } },
  input: (args) => ({ ...positionals(args, [], 'template list'), json: args.values.json === true }),
  schema: z.strictObject({ json: z.boolean() }),
  action: templateList,
})
