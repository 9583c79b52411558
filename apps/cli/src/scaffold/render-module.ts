import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DimensionId } from '@cerdas/core'

/** The module skeleton: real-looking files with `__token__` placeholders (apps/cli/scaffold/module). */
export const MODULE_SKELETON_DIR = fileURLToPath(new URL('../../scaffold/module/', import.meta.url))

export interface ModuleScaffold {
  id: string
  dimension: DimensionId
  title: { id: string; en: string }
  /** Path of the repo's tsconfig.base.json relative to the new package. */
  tsconfigBase: string
}

/** `parking` → `Parking`; ids are lowercase letters and digits, so only the first letter changes. */
export function pascalCase(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1)
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
 * Renders the skeleton for one module: relative path → file content. Every
 * placeholder must be known, so a typo in the skeleton fails loudly here
 * instead of producing a broken module.
 */
export function renderModule(scaffold: ModuleScaffold, skeletonDir: string = MODULE_SKELETON_DIR): Map<string, string> {
  const values: Record<string, string> = {
    id: scaffold.id,
    Pascal: pascalCase(scaffold.id),
    prefix: scaffold.id.slice(0, 3),
    dimension: scaffold.dimension,
    titleId: quoted(scaffold.title.id),
    titleEn: quoted(scaffold.title.en),
    titleIdText: quoted(scaffold.title.id),
    titleEnText: quoted(scaffold.title.en),
    titleEnComment: scaffold.title.en.replace(/\*\//g, '* /'),
    tsconfigBase: scaffold.tsconfigBase,
  }
  const render = (text: string, where: string) =>
    text.replace(/__([A-Za-z]+)__/g, (_match, token: string) => {
      const value = values[token]
      if (value === undefined) throw new Error(`${where}: unknown placeholder __${token}__`)
      return value
    })
  const files = new Map<string, string>()
  for (const file of listFiles(skeletonDir)) {
    const path = relative(skeletonDir, file).slice(0, -'.tmpl'.length).split('\\').join('/')
    files.set(render(path, path), render(readFileSync(file, 'utf8'), path))
  }
  return files
}
