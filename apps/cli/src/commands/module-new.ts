import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { DIMENSION_IDS, RESERVED_MODULE_IDS } from '@cerdas/core'
import { modules } from '@cerdas/registry'
import { z } from 'zod'
import { defineCommand, positionals, required } from '../command'
import { CliError, EXIT_OK, UsageError } from '../errors'
import type { CliIo } from '../io'
import { REPO_ROOT } from '../repo-root'
import { entityCreateStatements, statementsSource } from '../scaffold/entity-statements'
import {
  findModulePackages,
  importName,
  markAsModule,
  packageName,
  syncModuleRegistry,
} from '../scaffold/module-registry'
import {
  defaultEntityName,
  entityNames,
  MODULE_PARTS,
  type ModuleScaffold,
  PAGES_E2E_SKELETON,
  pascalCase,
  placeholderValues,
  renderModule,
  renderText,
} from '../scaffold/render-module'

const title = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((t) => !/[\p{Cc}]/u.test(t), 'must be one line of text')

// Names the generated files already bind; an entity so named would shadow or clash with them.
const TEMPLATE_NAMES = new Set([
  'category',
  'field',
  'fields',
  'loader',
  'lte',
  'messages',
  'meta',
  'migrations',
  'settings',
])

const schema = z.strictObject({
  id: z
    .string(required)
    .regex(/^[a-z][a-z0-9]{1,30}$/, 'must be 2-31 lowercase letters or digits, starting with a letter')
    // `cerdas_` prefixes the framework's own tables; `root` and `routes/…` are the web app's route ids.
    .refine((id) => !RESERVED_MODULE_IDS.includes(id), 'is reserved for the framework'),
  dimension: z.enum(DIMENSION_IDS),
  entity: z
    .string()
    .regex(/^[a-z][a-z0-9]{1,30}$/, 'must be 2-31 lowercase letters or digits, starting with a letter')
    .refine((name) => importName(name) === name && !TEMPLATE_NAMES.has(name), 'is a name the generated files use')
    .optional(),
  parts: z.array(z.enum(MODULE_PARTS, { error: `must be a comma-separated list of ${MODULE_PARTS.join(', ')}` })),
  titleId: title.optional(),
  titleEn: title.optional(),
  dir: z.string().min(1).optional(),
  register: z.boolean(),
  /** Link the new package into the workspace (pnpm install); default: yes in this repository. */
  install: z.boolean().optional(),
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
 * Links the workspace's packages again (and records the new one in the lockfile) with the pinned
 * pnpm, as `npm start` and `npm test` install it; false, with what to run, when that fails.
 */
function installWorkspace(root: string, io: CliIo): boolean {
  const manager = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager ?? 'pnpm'
  io.stdout.write(`linking it into the workspace (${manager} install)…\n`)
  const result = spawnSync('npx', ['-y', manager, 'install', '--prefer-offline'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, npm_config_yes: 'true' },
  })
  if (result.status === 0) return true
  io.stderr.write('warning: pnpm install failed; run it before the tests or the server\n')
  return false
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

  const entity = input.entity ?? defaultEntityName(input.id)
  const scaffold: ModuleScaffold = {
    id: input.id,
    dimension: input.dimension,
    title: { id: input.titleId ?? pascalCase(input.id), en: input.titleEn ?? input.titleId ?? pascalCase(input.id) },
    entity,
    parts: input.parts,
    tsconfigBase: relative(target, join(root, 'tsconfig.base.json')).split('\\').join('/'),
  }
  const entityFile = `src/${entityNames(input.id, entity).file}.ts`
  // The migration is what the rendered entity declaration builds, so render it first and ask it.
  const statements = await entityCreateStatements(renderModule(scaffold, '').get(entityFile) ?? '', entity)
  const files = renderModule(scaffold, statementsSource(statements))
  if (input.register) files.set('package.json', markAsModule(files.get('package.json') ?? '{}'))
  // The browser test runs with the web app's tests, against the built app that serves registered modules' pages.
  const e2eFile =
    input.register && input.parts.includes('pages')
      ? join(root, 'apps/web/test/modules', `${input.id}.e2e.test.ts`)
      : null
  if (e2eFile && existsSync(e2eFile)) throw new CliError(`${e2eFile} already exists`)
  for (const [path, content] of files) {
    const file = join(target, path)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, content)
  }
  if (e2eFile) {
    mkdirSync(dirname(e2eFile), { recursive: true })
    const skeleton = readFileSync(PAGES_E2E_SKELETON, 'utf8')
    writeFileSync(e2eFile, renderText(skeleton, scaffold, placeholderValues(scaffold), 'module.e2e.test.ts'))
  }
  const shown = relative(io.cwd, target) || target
  for (const written of e2eFile ? [target, e2eFile] : [target]) {
    if (!formatWithBiome(root, written)) {
      const path = relative(io.cwd, written) || written
      io.stderr.write(`warning: could not format ${path}; run \`biome check --write ${path}\`\n`)
    }
  }
  io.stdout.write(
    `created ${shown} (${files.size} files):\n${[...files.keys()]
      .sort()
      .map((f) => `  ${f}`)
      .join('\n')}\n${e2eFile ? `wrote its browser test ${relative(io.cwd, e2eFile)}\n` : ''}`,
  )
  if (!input.parts.includes('admin'))
    io.stdout.write('note: the console screens come with every entity (--with admin only says so)\n')

  let installed = false
  if (input.register) {
    const changed = syncModuleRegistry(root)
    io.stdout.write(`registered ${packageName(input.id)} in ${changed.map((f) => relative(io.cwd, f)).join(', ')}\n`)
    // Without the link every package importing the registry fails to load, tests and server alike.
    if (input.install ?? options.repoRoot === undefined) installed = installWorkspace(root, io)
  }
  io.stdout.write(
    [
      '',
      'Next:',
      ...(installed
        ? []
        : [
            input.register
              ? '  pnpm install                      # link the new package into the workspace'
              : `  to register it: add "cerdas": { "module": true } to its package.json, then pnpm cerdas module sync && pnpm install`,
          ]),
      `  node_modules/.bin/vitest run --project ${packageName(input.id)}   # its contract and API tests`,
      ...(e2eFile
        ? [
            '  npx pnpm --filter @cerdas/web run build     # the web app serves its pages once rebuilt',
            `  node_modules/.bin/vitest run ${relative(root, e2eFile)}   # its pages and console in a browser`,
          ]
        : []),
      '  To enable it in a template (not done for you), add under "modules" in templates/<name>/template.json:',
      `    "${input.id}": { "enabled": true, "settings": {} }`,
      `  and its records in templates/<name>/data/${input.id}.json (shaped like seedData in test/contract.test.ts),`,
      '  then: pnpm cerdas template check <name>',
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

Creates packages/modules/<id> (package @cerdas/module-<id>) shaped like the
announcements module: one entity declared with defineEntity (starter fields:
a title, a body, a category and a publish time), from which its table, API
routes (list, get, create, update, delete, verify), console screens, search,
seeds, sitemap and permissions come; its first migration, written from the
entity's own createStatements(); settings; a module contract test with seed
records and an API test. With --with pages: public list and record pages with
their messages, a navigation entry and a home-page section, and (when
registered) a browser test in apps/web/test/modules/<id>.e2e.test.ts.
Its package.json declares it a Cerdas module ("cerdas": { "module": true }),
and the registry's generated module list
(packages/registry/src/installed-modules.ts) is rewritten to include it.

Arguments:
  <id>                 2-31 lowercase letters or digits, starting with a letter;
                       its tables are prefixed <id>_

Options:
  --entity <name>      the entity, singular, 2-31 lowercase letters or digits
                       (default: the id's singular when it ends in s, else item)
  --with <parts>       comma-separated: pages (public pages), admin (the console
                       screens, which every entity has anyway)
  --dimension <d>      ${DIMENSION_IDS.join(', ')} (default governance)
  --title-id "..."     Indonesian title (default: the id, capitalised)
  --title-en "..."     English title (default: the Indonesian one)
  --dir <path>         create <path>/<id> instead of packages/modules/<id>
  --no-register        leave it undeclared and do not touch packages/registry
  --no-install         do not run pnpm install afterwards (it links the package)
  -h, --help           show this help

Example:
  cerdas module new parkir --entity lot --with pages,admin --dimension living --title-id "Parkir" --title-en "Parking"
`,
  options: {
    entity: { type: 'string' },
    with: { type: 'string' },
    dimension: { type: 'string' },
    'title-id': { type: 'string' },
    'title-en': { type: 'string' },
    dir: { type: 'string' },
    'no-register': { type: 'boolean' },
    'no-install': { type: 'boolean' },
  },
  labels: {
    id: '<id>',
    entity: '--entity',
    parts: '--with',
    dimension: '--dimension',
    titleId: '--title-id',
    titleEn: '--title-en',
    dir: '--dir',
  },
  input: (args) => ({
    ...positionals(args, ['id'], 'module new'),
    entity: args.values.entity,
    parts: [
      ...new Set(
        String(args.values.with ?? '')
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean),
      ),
    ],
    dimension: args.values.dimension ?? 'governance',
    titleId: args.values['title-id'],
    titleEn: args.values['title-en'],
    dir: args.values.dir,
    register: !args.values['no-register'],
    ...(args.values['no-install'] ? { install: false } : {}),
  }),
  schema,
  action: (input, io) => moduleNew(input, io),
})
