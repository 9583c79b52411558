import { existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { REPO_ROOT } from './run-cli'

/** Installed module packages whose dependencies cover what a generated module declares. */
const INSTALLED_MODULES = ['announcements', 'services'].map((id) =>
  join(REPO_ROOT, 'packages/modules', id, 'node_modules'),
)

/**
 * Gives a generated module outside the workspace a node_modules of links to the packages its
 * package.json names, taken from the installed modules, as `pnpm install` would link them.
 */
export function linkModuleDependencies(moduleDir: string): void {
  const pkg = JSON.parse(readFileSync(join(moduleDir, 'package.json'), 'utf8')) as Record<
    string,
    Record<string, string> | undefined
  >
  const names = new Set(
    ['dependencies', 'devDependencies', 'peerDependencies'].flatMap((key) => Object.keys(pkg[key] ?? {})),
  )
  for (const name of names) {
    const installed = INSTALLED_MODULES.map((dir) => join(dir, name)).find((path) => existsSync(path))
    if (!installed) throw new Error(`no installed module depends on ${name}; link it from elsewhere`)
    const link = join(moduleDir, 'node_modules', name)
    mkdirSync(dirname(link), { recursive: true })
    symlinkSync(realpathSync(installed), link)
  }
}
