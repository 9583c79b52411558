import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CliError } from '../errors'

// Words that cannot name an imported binding; such module ids get a `Module` suffix.
const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await'.split(
    ' ',
  ),
)

export function importName(id: string): string {
  return RESERVED.has(id) ? `${id}Module` : id
}

export function packageName(id: string): string {
  return `@cerdas/module-${id}`
}

/** True when the registry already imports the module's package. */
export function isRegistered(registryDir: string, id: string): boolean {
  return readFileSync(join(registryDir, 'src', 'index.ts'), 'utf8').includes(`'${packageName(id)}'`)
}

const ARRAY = /(export const modules: AnyModule\[\] = \[)([\s\S]*?)(\])/

/**
 * Adds the module to packages/registry: an import (kept in order among the
 * module imports), an entry in the `modules` array and a workspace
 * dependency. Refuses, changing nothing, when the file no longer has the
 * shape it expects.
 */
export function registerModule(registryDir: string, id: string): string[] {
  const indexPath = join(registryDir, 'src', 'index.ts')
  const packagePath = join(registryDir, 'package.json')
  const source = readFileSync(indexPath, 'utf8')
  const name = importName(id)
  const match = ARRAY.exec(source)
  if (!match)
    throw new CliError(
      `${indexPath} has no \`export const modules: AnyModule[] = [...]\`; add ${packageName(id)} by hand (or use --no-register)`,
    )
  const entries = (match[2] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const single = `${match[1]}${[...entries, name].join(', ')}]`
  const array =
    single.length <= 120 ? single : `${match[1]}\n${[...entries, name].map((e) => `  ${e},`).join('\n')}\n${match[3]}`
  let next = source.replace(ARRAY, () => array)

  const lines = next.split('\n')
  const moduleImport = /^import \w+ from '@cerdas\/module-[a-z0-9]+'$/
  const existing = lines.flatMap((line, i) => (moduleImport.test(line) ? [i] : []))
  const lastImport = lines.reduce((last, line, i) => (line.startsWith('import ') ? i : last), -1)
  const newImport = `import ${name} from '${packageName(id)}'`
  if (existing.length > 0) {
    // Biome sorts imports by source: keep the block of module imports sorted.
    const first = existing[0] as number
    const block = [...existing.map((i) => lines[i] as string), newImport].sort((a, b) =>
      (a.split("'")[1] ?? '').localeCompare(b.split("'")[1] ?? ''),
    )
    for (const i of [...existing].reverse()) lines.splice(i, 1)
    lines.splice(first, 0, ...block)
  } else lines.splice(lastImport + 1, 0, newImport)
  next = lines.join('\n')

  const pkg = JSON.parse(readFileSync(packagePath, 'utf8')) as { dependencies?: Record<string, string> }
  const deps = { ...pkg.dependencies, [packageName(id)]: 'workspace:*' }
  pkg.dependencies = Object.fromEntries(Object.entries(deps).sort(([a], [b]) => a.localeCompare(b)))

  writeFileSync(indexPath, next)
  writeFileSync(packagePath, `${JSON.stringify(pkg, null, 2)}\n`)
  return [indexPath, packagePath]
}
