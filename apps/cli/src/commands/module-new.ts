import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { DIMENSION_IDS } from '@cerdas/core'
import { modules } from '@cerdas/registry'
import { z } from 'zod'
import { defineCommand, positionals, required } from '../command'
import { CliError, EXIT_OK, UsageError } from '../errors'
import type { CliIo } from '../io'
import { REPO_ROOT } from '../repo-root'
import { findModulePackages, markAsModule, packageName, syncModuleRegistry } from '../scaffold/module-registry'
import { pascalCase, renderModule } from '../scaffold/render-module'

const title = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((t) => !/[\p{Cc}]/u.test(t), 'must be one line of text')

const schema = z.strictObject({
  id: z
    .string(required)
    .regex(/^[a-z][a-z0-9]{1,30}$/, 'must be 2-31 lowercase letters or digits, starting with a letter')
    // `cerdas_` is the prefix of the framework's own tables in every tenant database.
    .refine((id) => id !== 'cerdas', '"cerdas" is reserved for the framework'),
  dimension: z.enum(DIMENSION_IDS),
  titleId: title.optional(),
  titleEn: title.optional(),
  dir: z.string().min(1).optional(),
  register: z.boolean(),
})

export type ModuleNewInput = z.infer<typeof schema>

export interface ModuleNewOptions {
  /** Where the repo lives (its packages/modules and packages/registry); tests point it elsewhere. */
  repoRoot?: string
}

/**
 * Import order depends on the module id (`./parkir` sorts before `./schema`,
 * `./zebra` after it), so the repo's own biome puts the new files in its
 * canonical form rather than the generator guessing its ordering rules.
 */
function formatWithBiome(root: string, target: string): boolean {
  const biome = join(root, 'node_modules', '.bin', 'biome')
  if (!existsSync(biome)) return false
  const result = spawnSync(biome, ['check', '--write', '--vcs-use-ignore-file=false', target], {
    cwd: root,
    encoding: 'utf8',
  })
  return result.status === 0
}

/**
 * Scaffolds a module package that passes the module contract as generated.
 * Unless --no-register, its package.json declares it a Cerdas module and the
 * registry's generated module list is brought up to date.
 */
export async function moduleNew(input: ModuleNewInput, io: CliIo, options: ModuleNewOptions = {}): Promise<number> {
  const root = options.repoRoot ?? REPO_ROOT
  const modulesDir = join(root, 'packages', 'modules')
  const parent = input.dir ? resolve(io.cwd, input.dir) : modulesDir
  const target = join(parent, input.id)

  if (modules.some((m) => m.id === input.id) || existsSync(join(modulesDir, input.id)))
    throw new UsageError(`module id "${input.id}" is already taken`, 'module new')
  if (input.register && findModulePackages(root).some((p) => p.id === input.id))
    throw new UsageError(`${packageName(input.id)} is already in the registry`, 'module new')
  if (existsSync(target)) throw new CliError(`${target} already exists`)
  // The workspace links packages/modules/* only; a module elsewhere cannot be a registry dependency.
  if (input.register && resolve(parent) !== resolve(modulesDir))
    throw new UsageError('a module outside packages/modules cannot be registered; add --no-register', 'module new')

  const files = renderModule({
    id: input.id,
    dimension: input.dimension,
    title: { id: input.titleId ?? pascalCase(input.id), en: input.titleEn ?? input.titleId ?? pascalCase(input.id) },
    tsconfigBase: relative(target, join(root, 'tsconfig.base.json')).split('\\').join('/'),
  })
  if (input.register) files.set('package.json', markAsModule(files.get('package.json') ?? '{}'))
  for (const [path, content] of files) {
    const file = join(target, path)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, content)
  }
  const shown = relative(io.cwd, target) || target
  if (!formatWithBiome(root, target))
    io.stderr.write(`warning: could not format ${shown}; run \`biome check --write ${shown}\`\n`)
  io.stdout.write(
    `created ${shown} (${files.size} files):\n${[...files.keys()]
      .sort()
      .map((f) => `  ${f}`)
      .join('\n')}\n`,
  )

  if (input.register) {
    const changed = syncModuleRegistry(root)
    io.stdout.write(`registered ${packageName(input.id)} in ${changed.map((f) => relative(io.cwd, f)).join(', ')}\n`)
  }
  io.stdout.write(
    [
      '',
      'Next:',
      input.register
        ? '  pnpm install                      # link the new package into the workspace'
        : `  to register it: add "cerdas": { "module": true } to its package.json, then pnpm cerdas module sync && pnpm install`,
      `  node_modules/.bin/vitest run --project ${packageName(input.id)}   # its contract tests`,
      `  pnpm cerdas tenant enable <slug> ${input.id}`,
      '',
    ].join('\n'),
  )
  return EXIT_OK
}

export const moduleNewCommand = defineCommand({
  name: 'module new',
  summary: 'scaffold a new module package and register it',
  help: `
Usage: cerdas module new <id> [options]

Creates packages/modules/<id> (package @cerdas/module-<id>): definition,
drizzle schema and matching migration, settings, permissions, list/get/create
routes, business functions that audit writes and update search, an idempotent
seed and the module contract test. Its package.json declares it a Cerdas
module ("cerdas": { "module": true }), and the registry's generated module
list (packages/registry/src/installed-modules.ts) is rewritten to include it.

Arguments:
  <id>                 2-31 lowercase letters or digits, starting with a letter;
                       its tables are prefixed <id>_

Options:
  --dimension <d>      ${DIMENSION_IDS.join(', ')} (default governance)
  --title-id "..."     Indonesian title (default: the id, capitalised)
  --title-en "..."     English title (default: the Indonesian one)
  --dir <path>         create <path>/<id> instead of packages/modules/<id>
  --no-register        leave it undeclared and do not touch packages/registry
  -h, --help           show this help

Example:
  cerdas module new parking --dimension living --title-id "Parkir" --title-en "Parking"
`,
  options: {
    dimension: { type: 'string' },
    'title-id': { type: 'string' },
    'title-en': { type: 'string' },
    dir: { type: 'string' },
    'no-register': { type: 'boolean' },
  },
  labels: { id: '<id>', dimension: '--dimension', titleId: '--title-id', titleEn: '--title-en', dir: '--dir' },
  input: (args) => ({
    ...positionals(args, ['id'], 'module new'),
    dimension: args.values.dimension ?? 'governance',
    titleId: args.values['title-id'],
    titleEn: args.values['title-en'],
    dir: args.values.dir,
    register: !args.values['no-register'],
  }),
  schema,
  action: (input, io) => moduleNew(input, io),
})
