import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DimensionId } from '@cerdas/core'

/** The module skeleton: real-looking files with `__token__` placeholders (apps/cli/scaffold/module). */
export const MODULE_SKELETON_DIR = fileURLToPath(new URL('../../scaffold/module/', import.meta.url))
/** The browser test of a module's pages and console screens, which lives with the web app's tests. */
export const PAGES_E2E_SKELETON = fileURLToPath(
  new URL('../../scaffold/web-test/module.e2e.test.ts.tmpl', import.meta.url),
)

/** The optional parts `--with` asks for. */
export const MODULE_PARTS = ['pages', 'admin'] as const
export type ModulePart = (typeof MODULE_PARTS)[number]

export interface ModuleScaffold {
  id: string
  dimension: DimensionId
  title: { id: string; en: string }
  /** The entity's name, singular, lowercase letters and digits (as permission keys want): `item`, `event`. */
  entity: string
  parts: readonly ModulePart[]
  /** Path of the repo's tsconfig.base.json relative to the new package. */
  tsconfigBase: string
}

/** `parking` → `Parking`; ids are lowercase letters and digits, so only the first letter changes. */
export function pascalCase(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1)
}

/** English plural of a singular word, good enough for table names and API paths. */
export function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`
  return `${word}s`
}

/**
 * The entity a module of this id holds by default: the singular of a plural id (`events` → `event`,
 * `libraries` → `library`), else `item`.
 */
export function defaultEntityName(id: string): string {
  if (/^[a-z0-9]{2,}[^aeiou]ies$/.test(id)) return `${id.slice(0, -3)}y`
  if (/^[a-z0-9]{2,}[^s]s$/.test(id)) return id.slice(0, -1)
  return 'item'
}

/** The names the skeleton derives from the module id and entity name. */
export function entityNames(id: string, entity: string) {
  const singularOfId = defaultEntityName(id) === entity
  return {
    file: entity,
    table: `${id}_${plural(entity)}`,
    // A module named after its one entity keeps the short path (`/events`); otherwise the entity is named.
    apiPath: singularOfId ? `/${id}` : `/${id}/${plural(entity)}`,
    schemaName: singularOfId ? pascalCase(entity) : `${pascalCase(id)}${pascalCase(entity)}`,
  }
}

/** Escapes text for a single-quoted TypeScript string. */
function quoted(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.tmpl'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

/**
 * Keeps or drops the lines between `//#if <flag>` (or `//#if !<flag>`) and `//#endif`, by the
 * flags given; the directive lines themselves never reach the output.
 */
export function applyConditions(text: string, flags: Record<string, boolean>, where: string): string {
  const out: string[] = []
  let keep: boolean | null = null
  for (const line of text.split('\n')) {
    const opening = /^\s*\/\/#if (!?)([A-Za-z]+)\s*$/.exec(line)
    if (opening) {
      const flag = flags[opening[2] as string]
      if (keep !== null) throw new Error(`${where}: //#if inside //#if`)
      if (flag === undefined) throw new Error(`${where}: unknown condition ${opening[2]}`)
      keep = opening[1] === '!' ? !flag : flag
      continue
    }
    if (/^\s*\/\/#endif\s*$/.test(line)) {
      if (keep === null) throw new Error(`${where}: //#endif without //#if`)
      keep = null
      continue
    }
    if (keep !== false) out.push(line)
  }
  if (keep !== null) throw new Error(`${where}: //#if without //#endif`)
  return out.join('\n')
}

/** Every placeholder's value for one module; `statements` is filled in once the entity's SQL is known. */
export function placeholderValues(scaffold: ModuleScaffold, statements = ''): Record<string, string> {
  const names = entityNames(scaffold.id, scaffold.entity)
  return {
    id: scaffold.id,
    Pascal: pascalCase(scaffold.id),
    dimension: scaffold.dimension,
    titleId: quoted(scaffold.title.id),
    titleEn: quoted(scaffold.title.en),
    titleEnComment: scaffold.title.en.replace(/\*\//g, '* /'),
    titleIdMarkdown: scaffold.title.id.replace(/[\\`*_[\]<>#]/g, '\\$&'),
    tsconfigBase: scaffold.tsconfigBase,
    entity: scaffold.entity,
    Entity: pascalCase(scaffold.entity),
    entityFile: names.file,
    table: names.table,
    idPrefix: scaffold.id.slice(0, 3),
    apiPath: names.apiPath,
    schemaName: names.schemaName,
    statements,
  }
}

/** Renders one skeleton file's text: conditions first, then every placeholder, which must be known. */
export function renderText(text: string, scaffold: ModuleScaffold, values: Record<string, string>, where: string) {
  const flags = Object.fromEntries(MODULE_PARTS.map((part) => [part, scaffold.parts.includes(part)]))
  return applyConditions(text, flags, where).replace(/__([A-Za-z]+)__/g, (_match, token: string) => {
    const value = values[token]
    if (value === undefined) throw new Error(`${where}: unknown placeholder __${token}__`)
    return value
  })
}

/**
 * Renders the skeleton for one module: relative path → file content. Files under `web/` are the
 * public pages, written only with `pages`. Every placeholder must be known, so a typo in the
 * skeleton fails loudly here instead of producing a broken module.
 */
export function renderModule(
  scaffold: ModuleScaffold,
  statements: string,
  skeletonDir: string = MODULE_SKELETON_DIR,
): Map<string, string> {
  const values = placeholderValues(scaffold, statements)
  const files = new Map<string, string>()
  for (const file of listFiles(skeletonDir)) {
    const path = relative(skeletonDir, file).slice(0, -'.tmpl'.length).split('\\').join('/')
    if (path.startsWith('web/') && !scaffold.parts.includes('pages')) continue
    files.set(renderText(path, scaffold, values, path), renderText(readFileSync(file, 'utf8'), scaffold, values, path))
  }
  return files
}
