import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AnyModule } from '@cerdas/core'
import type { z } from 'zod'
import { type ResolvedTemplate, resolvedTemplateSchema, type TemplateFile, templateFileSchema } from './template-schema'

/** Thrown for a template that does not exist or does not validate; the message names file and field. */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TemplateError'
  }
}

function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n')
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new TemplateError(`${path}: not valid JSON (${(error as Error).message})`)
  }
}

function readTemplateFile(dir: string, name: string): TemplateFile {
  if (!/^[a-z0-9-]+$/.test(name)) throw new TemplateError(`template name "${name}" may hold only a-z, 0-9 and -`)
  const path = join(dir, name, 'template.json')
  if (!existsSync(path)) throw new TemplateError(`no template "${name}" (looked for ${path})`)
  const parsed = templateFileSchema.safeParse(readJson(path))
  if (!parsed.success) throw new TemplateError(`${path} is not a valid template:\n${formatIssues(parsed.error)}`)
  return parsed.data
}

/** Names of the templates in a directory. */
export function listTemplates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'template.json')))
    .map((entry) => entry.name)
    .sort()
}

/**
 * Loads a template with its parents, merges them (child wins; module data
 * files replace the parent's), and validates the result against the
 * registered modules: unknown modules, bad settings and bad seed data fail
 * here with the file and field named.
 * @example const template = loadTemplate('templates', 'toba', modules)
 */
export function loadTemplate(dir: string, name: string, modules: readonly AnyModule[]): ResolvedTemplate {
  const chain: string[] = []
  const files: TemplateFile[] = []
  for (let current: string | undefined = name; current; current = files.at(-1)?.extends) {
    if (chain.includes(current))
      throw new TemplateError(`template "${name}" extends itself through ${chain.join(' → ')}`)
    chain.push(current)
    files.push(readTemplateFile(dir, current))
  }
  chain.reverse()
  files.reverse()

  const merged = {
    name,
    chain,
    tenant: {} as Record<string, unknown>,
    modules: {} as Record<string, { enabled: boolean; settings: Record<string, unknown> }>,
    reference: { districts: [] as unknown[] },
    data: {} as Record<string, unknown>,
  }
  files.forEach((file, i) => {
    const templateName = chain[i] as string
    const { branding, ...tenant } = file.tenant ?? {}
    merged.tenant = { ...merged.tenant, ...tenant, branding: { ...(merged.tenant.branding as object), ...branding } }
    for (const [id, mod] of Object.entries(file.modules ?? {})) {
      const previous = merged.modules[id]
      merged.modules[id] = { enabled: mod.enabled, settings: { ...previous?.settings, ...mod.settings } }
    }
    if (file.reference?.districts) merged.reference.districts = file.reference.districts
    const dataDir = join(dir, templateName, 'data')
    if (existsSync(dataDir)) {
      for (const entry of readdirSync(dataDir)) {
        if (entry.endsWith('.json')) merged.data[entry.slice(0, -5)] = readJson(join(dataDir, entry))
      }
    }
  })
  merged.tenant.hosts ??= []

  const parsed = resolvedTemplateSchema.safeParse(merged)
  if (!parsed.success) throw new TemplateError(`template "${name}" is incomplete:\n${formatIssues(parsed.error)}`)
  const template = parsed.data

  const byId = new Map(modules.map((m) => [m.id, m]))
  const problems: string[] = []
  for (const [id, mod] of Object.entries(template.modules)) {
    const definition = byId.get(id)
    if (!definition) {
      problems.push(`modules.${id}: no such module is registered`)
      continue
    }
    for (const required of definition.requires ?? []) {
      if (!template.modules[required]?.enabled && mod.enabled) problems.push(`modules.${id}: requires "${required}"`)
    }
    if (definition.settings) {
      const settings = definition.settings.safeParse(mod.settings)
      if (!settings.success)
        problems.push(...settings.error.issues.map((i) => `modules.${id}.settings.${i.path.join('.')}: ${i.message}`))
      else mod.settings = settings.data
    }
  }
  for (const [id, data] of Object.entries(template.data)) {
    const definition = byId.get(id)
    if (!definition?.seed) {
      problems.push(`data/${id}.json: no registered module "${id}" takes seed data`)
      continue
    }
    const parsedData = definition.seed.data.safeParse(data)
    if (!parsedData.success)
      problems.push(...parsedData.error.issues.map((i) => `data/${id}.json ${i.path.join('.')}: ${i.message}`))
    else template.data[id] = parsedData.data
  }
  if (problems.length > 0)
    throw new TemplateError(`template "${name}" does not fit the registered modules:\n  - ${problems.join('\n  - ')}`)
  return template
}
