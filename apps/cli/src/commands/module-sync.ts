import { relative } from 'node:path'
import { z } from 'zod'
import { defineCommand, positionals } from '../command'
import { EXIT_FAILURE, EXIT_OK } from '../errors'
import type { CliIo } from '../io'
import { REPO_ROOT } from '../repo-root'
import { findModulePackages, staleRegistryFiles, syncModuleRegistry } from '../scaffold/module-registry'

export interface ModuleSyncOptions {
  /** Where the repo lives; tests point it elsewhere. */
  repoRoot?: string
}

/** Rewrites (or with --check, only compares) the registry's module list from the workspace's module packages. */
export async function moduleSync(
  input: { check: boolean },
  io: CliIo,
  options: ModuleSyncOptions = {},
): Promise<number> {
  const root = options.repoRoot ?? REPO_ROOT
  const shown = (files: string[]) => files.map((f) => relative(io.cwd, f) || f).join(', ')
  const ids = findModulePackages(root).map((p) => p.id)
  if (input.check) {
    const stale = staleRegistryFiles(root)
    if (stale.length === 0) {
      io.stdout.write(`the registry lists every module package: ${ids.join(', ')}\n`)
      return EXIT_OK
    }
    io.stderr.write(
      `${shown(stale)} no longer match the module packages (${ids.join(', ')}); run pnpm cerdas module sync\n`,
    )
    return EXIT_FAILURE
  }
  const changed = syncModuleRegistry(root)
  io.stdout.write(
    changed.length === 0
      ? `the registry already lists every module package: ${ids.join(', ')}\n`
      : `updated ${shown(changed)}: ${ids.join(', ')}\nNext:\n  pnpm install   # link the registry to its module packages\n`,
  )
  return EXIT_OK
}

export const moduleSyncCommand = defineCommand({
  name: 'module sync',
  summary: 'list the workspace module packages in the registry',
  help: `
Usage: cerdas module sync [--check]

Finds the packages under packages/modules whose package.json declares
"cerdas": { "module": true } and rewrites packages/registry/src/installed-modules.ts
and the registry's dependencies to list exactly those, in a fixed order.
\`cerdas module new\` runs it for the module it creates.

Options:
  --check              change nothing; exit 1 when the registry is out of date
  -h, --help           show this help
`,
  options: { check: { type: 'boolean' } },
  input: (args) => ({ ...positionals(args, [], 'module sync'), check: args.values.check === true }),
  schema: z.strictObject({ check: z.boolean() }),
  action: (input, io) => moduleSync(input, io),
})
