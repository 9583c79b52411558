import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { moduleNew } from '../src/commands/module-new'
import { findModulePackages, MODULE_LIST_FILE, staleRegistryFiles } from '../src/scaffold/module-registry'
import { applyConditions, defaultEntityName, entityNames } from '../src/scaffold/render-module'
import { linkModuleDependencies } from './support/link-module-dependencies'
import { REPO_ROOT, runInProcess } from './support/run-cli'

// Generated inside apps/cli, where `.cache` keeps it out of git, out of the workspace (so no
// registry or other package ever sees it) and out of vitest's test discovery.
const cacheDir = join(REPO_ROOT, 'apps/cli/.cache')
mkdirSync(cacheDir, { recursive: true })
const parent = mkdtempSync(join(cacheDir, 'module-new-'))
afterAll(() => rmSync(parent, { recursive: true, force: true }))

/** Runs `cerdas module new` into the temporary parent, unregistered, with its dependencies linked. */
async function generate(args: string[]) {
  const result = await runInProcess(['module', 'new', ...args, '--dir', parent, '--no-register'], {})
  if (result.code !== 0) throw new Error(`module new failed: ${result.stderr}`)
  linkModuleDependencies(join(parent, args[0] as string))
  return result
}

// Ids nobody generates in this repository (`demo` is the one a newcomer tries first).
const id = 'ujidemo'
const moduleDir = join(parent, id)
const generated = await generate([
  id,
  '--with',
  'pages,admin',
  '--dimension',
  'living',
  '--title-id',
  "Demo 'Uji'",
  '--title-en',
  'Demo',
])
// Without pages, and with a named entity.
const parkir = 'ujiparkir'
const apiOnly = await generate([parkir, '--entity', 'lot', '--title-id', 'Parkir', '--title-en', 'Parking'])

// The generated tests register their describe blocks here: they must pass as generated.
for (const test of ['contract.test.ts', 'item-api.test.ts'])
  await import(pathToFileURL(join(moduleDir, 'test', test)).href)
await import(pathToFileURL(join(parent, parkir, 'test', 'contract.test.ts')).href)

describe('cerdas module new', () => {
  it('writes a module shaped like the reference one: entity, pages with messages, migration and tests', () => {
    for (const file of [
      'package.json',
      'tsconfig.json',
      'README.md',
      'src/index.ts',
      'src/item.ts',
      'src/migrations.ts',
      'web/item-list.tsx',
      'web/item-detail.tsx',
      'web/messages.ts',
      'test/contract.test.ts',
      'test/item-api.test.ts',
    ])
      expect(existsSync(join(moduleDir, file)), file).toBe(true)
    const pkg = JSON.parse(readFileSync(join(moduleDir, 'package.json'), 'utf8'))
    expect(pkg.name).toBe(`@cerdas/module-${id}`)
    // --no-register: not declared a Cerdas module, so no registry lists it.
    expect(pkg.cerdas).toBeUndefined()
    expect(generated.stdout).toContain('11 files')
    // Unregistered, the web app cannot serve its pages, so no browser test is written for it.
    expect(generated.stdout).not.toContain('browser test')
    expect(existsSync(join(REPO_ROOT, `apps/web/test/modules/${id}.e2e.test.ts`))).toBe(false)
  })

  it('checks in the SQL the entity declaration builds as its first migration', async () => {
    const { item } = await import(pathToFileURL(join(moduleDir, 'src', 'item.ts')).href)
    const { migrations } = await import(pathToFileURL(join(moduleDir, 'src', 'migrations.ts')).href)
    const source = readFileSync(join(moduleDir, 'src', 'migrations.ts'), 'utf8')
    expect(source).toContain(`CREATE TABLE ${id}_items (`)
    expect(source).not.toMatch(/statements:\s*\w+\.createStatements/)
    const oneLine = (statements: string[]) => statements.map((sql) => sql.replace(/\s+/g, ' '))
    expect(oneLine(migrations[0].statements)).toEqual(oneLine(item.createStatements()))
  })

  it('declares the entity with its permissions, API path, pages and navigation', async () => {
    const mod = (await import(pathToFileURL(join(moduleDir, 'src', 'index.ts')).href)).default
    expect(mod).toMatchObject({ id, dimension: 'living', title: { id: "Demo 'Uji'", en: 'Demo' } })
    expect(Object.keys(mod.permissions)).toEqual(['create', 'update', 'delete', 'verify'].map((a) => `${id}.item:${a}`))
    expect(mod.web.routes.map((r: { path: string }) => r.path)).toEqual([id, `${id}/:id`])
    expect(mod.web.nav).toEqual([{ path: `/${id}`, title: { id: "Demo 'Uji'", en: 'Demo' } }])
    expect(mod.admin.entities.map((e: { id: string }) => e.id)).toEqual(['item'])
    expect(mod.settings.parse({})).toEqual({ pageSize: 10, homeCount: 3 })
  })

  it('without pages: an API and console module, with no pages, page path or web dependencies', async () => {
    const dir = join(parent, parkir)
    expect(existsSync(join(dir, 'web'))).toBe(false)
    expect(existsSync(join(dir, 'src/lot.ts'))).toBe(true)
    expect(existsSync(join(dir, 'test/lot-api.test.ts'))).toBe(true)
    const mod = (await import(pathToFileURL(join(dir, 'src', 'index.ts')).href)).default
    expect(mod.web).toBeUndefined()
    expect(Object.keys(mod.permissions)).toContain(`${parkir}.lot:create`)
    const { lot } = await import(pathToFileURL(join(dir, 'src', 'lot.ts')).href)
    expect(lot.declaration).toMatchObject({ table: `${parkir}_lots`, api: { path: `/${parkir}/lots` } })
    expect(lot.declaration.page).toBeUndefined()
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })).not.toContain('react')
    expect(apiOnly.stdout).toContain('console screens come with every entity')
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('No public pages')
  })

  it('typechecks and passes lint as generated', () => {
    const tsc = spawnSync(join(REPO_ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '-p', moduleDir], { encoding: 'utf8' })
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0)
    const biome = spawnSync(
      join(REPO_ROOT, 'node_modules/.bin/biome'),
      ['check', '--vcs-use-ignore-file=false', '--error-on-warnings', moduleDir, join(parent, parkir)],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    )
    expect(biome.status, biome.stdout + biome.stderr).toBe(0)
    expect(biome.stdout + biome.stderr).toMatch(/Checked 19 files/)
  }, 180_000)

  it('refuses bad, reserved and taken ids, bad entity names and unknown parts with exit 2', async () => {
    for (const [args, message] of [
      [['Parkir'], 'must be 2-31 lowercase letters or digits'],
      [['p'], 'must be 2-31 lowercase letters or digits'],
      [['2fa'], 'must be 2-31 lowercase letters or digits'],
      [['cerdas'], 'reserved for the framework'],
      [['announcements'], 'module id "announcements" is already taken'],
      [['taman', '--entity', 'tamanKota'], '--entity: must be 2-31 lowercase letters or digits'],
      [['taman', '--entity', 'field'], '--entity: is a name the generated files use'],
      [['taman', '--entity', 'class'], '--entity: is a name the generated files use'],
      [['taman', '--with', 'pages,menu'], 'must be a comma-separated list of pages, admin'],
    ] as const) {
      const res = await runInProcess(['module', 'new', ...args, '--dir', parent, '--no-register'], {})
      expect(res.code, args.join(' ')).toBe(2)
      expect(res.stderr, args.join(' ')).toContain(message)
    }
    const again = await runInProcess(['module', 'new', id, '--dir', parent, '--no-register'], {})
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('already exists')
    const outside = await runInProcess(['module', 'new', 'taman', '--dir', parent], {})
    expect(outside.code).toBe(2)
    expect(outside.stderr).toContain('add --no-register')
    const dimension = await runInProcess(['module', 'new', 'taman', '--dimension', 'weather'], {})
    expect(dimension.code).toBe(2)
    expect(dimension.stderr).toContain('--dimension')
  })
})

describe('names the generator derives', () => {
  it('takes the singular of a plural id as the entity, else item', () => {
    expect(['events', 'libraries', 'attractions', 'demo', 'umkm', 'bus'].map(defaultEntityName)).toEqual([
      'event',
      'library',
      'attraction',
      'item',
      'item',
      'item',
    ])
    expect(entityNames('events', 'event')).toEqual({
      file: 'event',
      table: 'events_events',
      apiPath: '/events',
      schemaName: 'Event',
    })
    expect(entityNames('wisata', 'gallery')).toEqual({
      file: 'gallery',
      table: 'wisata_galleries',
      apiPath: '/wisata/galleries',
      schemaName: 'WisataGallery',
    })
  })

  it('keeps or drops the lines of a condition, and refuses unknown or unbalanced ones', () => {
    const text = 'a\n//#if pages\nb\n//#endif\n//#if !pages\nc\n//#endif\nd'
    expect(applyConditions(text, { pages: true }, 'x')).toBe('a\nb\nd')
    expect(applyConditions(text, { pages: false }, 'x')).toBe('a\nc\nd')
    expect(() => applyConditions('//#if menu\n//#endif', { pages: true }, 'x')).toThrow('unknown condition menu')
    expect(() => applyConditions('//#if pages\n', { pages: true }, 'x')).toThrow('without //#endif')
    expect(() => applyConditions('//#endif', { pages: true }, 'x')).toThrow('without //#if')
  })
})

describe('registering a module in packages/registry', () => {
  /** A throwaway repo root with copies of the real registry and the shipped modules' package.json files. */
  function fakeRepo() {
    const root = mkdtempSync(join(tmpdir(), 'cerdas-registry-'))
    cpSync(join(REPO_ROOT, 'packages/registry'), join(root, 'packages/registry'), {
      recursive: true,
      filter: (src) => !src.includes('node_modules'),
    })
    for (const shipped of ['announcements', 'schedules', 'directory', 'services']) {
      mkdirSync(join(root, 'packages/modules', shipped), { recursive: true })
      cpSync(
        join(REPO_ROOT, 'packages/modules', shipped, 'package.json'),
        join(root, 'packages/modules', shipped, 'package.json'),
      )
    }
    writeFileSync(join(root, 'tsconfig.base.json'), '{}')
    return root
  }

  it('declares the package a Cerdas module and regenerates the module list and the registry dependencies', async () => {
    const root = fakeRepo()
    try {
      // Called with a fake repo root: the real registry is never touched by tests.
      const io = {
        env: {},
        cwd: root,
        stdout: { write: () => true },
        stderr: { write: () => true },
        stdin: process.stdin,
      }
      const input = {
        dimension: 'environment',
        titleEn: undefined,
        dir: undefined,
        register: true,
        parts: ['pages', 'admin'] as ('pages' | 'admin')[],
      } as const
      expect(await moduleNew({ ...input, id: 'taman', titleId: 'Taman Kota' }, io, { repoRoot: root })).toBe(0)
      expect(existsSync(join(root, 'packages/modules/taman/src/index.ts'))).toBe(true)
      expect(JSON.parse(readFileSync(join(root, 'packages/modules/taman/tsconfig.json'), 'utf8')).extends).toBe(
        '../../../tsconfig.base.json',
      )
      const modulePkg = JSON.parse(readFileSync(join(root, 'packages/modules/taman/package.json'), 'utf8'))
      expect(modulePkg.cerdas).toEqual({ module: true })
      const list = readFileSync(join(root, MODULE_LIST_FILE), 'utf8')
      expect(list).toContain("import taman from '@cerdas/module-taman'")
      expect(list).toMatch(/\[announcements, schedules, directory, services, taman\]/)
      const pkg = JSON.parse(readFileSync(join(root, 'packages/registry/package.json'), 'utf8'))
      expect(pkg.dependencies['@cerdas/module-taman']).toBe('workspace:*')
      expect(staleRegistryFiles(root)).toEqual([])
      // Registered with pages, it gets a browser test with the web app's tests.
      const e2e = readFileSync(join(root, 'apps/web/test/modules/taman.e2e.test.ts'), 'utf8')
      expect(e2e).toContain("await logIn(page, '/admin/data/taman/item')")
      expect(e2e).not.toMatch(/__[A-Za-z]+__/)

      // A second module with a reserved word as id lands after it, suffixed; taman cannot be made twice.
      expect(await moduleNew({ ...input, id: 'do', titleId: undefined }, io, { repoRoot: root })).toBe(0)
      expect(
        findModulePackages(root)
          .map((p) => p.id)
          .slice(4),
      ).toEqual(['do', 'taman'])
      expect(readFileSync(join(root, MODULE_LIST_FILE), 'utf8')).toMatch(/services, doModule, taman\]/)
      await expect(moduleNew({ ...input, id: 'taman', titleId: undefined }, io, { repoRoot: root })).rejects.toThrow(
        'already taken',
      )
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
