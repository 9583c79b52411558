import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { moduleNew } from '../src/commands/module-new'
import { findModulePackages, MODULE_LIST_FILE, staleRegistryFiles } from '../src/scaffold/module-registry'
import { REPO_ROOT, runInProcess } from './support/run-cli'

// Generated inside apps/cli so the module's imports resolve through apps/cli/node_modules;
// `.cache` keeps it out of git and out of vitest's test discovery.
const cacheDir = join(REPO_ROOT, 'apps/cli/.cache')
mkdirSync(cacheDir, { recursive: true })
const parent = mkdtempSync(join(cacheDir, 'module-new-'))
const id = 'parkir'
const moduleDir = join(parent, id)

const generated = await runInProcess(
  [
    'module',
    'new',
    id,
    '--dimension',
    'living',
    '--title-id',
    "Parkir 'Tepi Jalan'",
    '--title-en',
    'Parking',
    '--dir',
    parent,
    '--no-register',
  ],
  {},
)
if (generated.code !== 0) throw new Error(`module new failed: ${generated.stderr}`)

// The generated contract test registers its describe blocks here: it must pass as generated.
await import(pathToFileURL(join(moduleDir, 'test', 'contract.test.ts')).href)

afterAll(() => rmSync(parent, { recursive: true, force: true }))

describe('cerdas module new', () => {
  it('writes a complete module package', () => {
    for (const file of [
      'package.json',
      'tsconfig.json',
      'src/index.ts',
      'src/schema.ts',
      'src/migrations.ts',
      'src/settings.ts',
      'src/permissions.ts',
      'src/routes/list.ts',
      'src/routes/get.ts',
      'src/routes/create.ts',
      `src/${id}.ts`,
      'src/seed.ts',
      'test/contract.test.ts',
    ])
      expect(existsSync(join(moduleDir, file)), file).toBe(true)
    const pkg = JSON.parse(readFileSync(join(moduleDir, 'package.json'), 'utf8'))
    expect(pkg.name).toBe('@cerdas/module-parkir')
    // --no-register: not declared a Cerdas module, so no registry lists it.
    expect(pkg.cerdas).toBeUndefined()
    expect(readFileSync(join(moduleDir, 'src/migrations.ts'), 'utf8')).toContain('CREATE TABLE parkir_items')
    expect(generated.stdout).toContain('15 files')
  })

  it('exports a definition with the given id, dimension and titles', async () => {
    const mod = (await import(pathToFileURL(join(moduleDir, 'src', 'index.ts')).href)).default
    expect(mod).toMatchObject({ id, dimension: 'living', title: { id: "Parkir 'Tepi Jalan'", en: 'Parking' } })
    expect(Object.keys(mod.permissions)).toEqual(['parkir.item:create'])
  })

  it('typechecks and passes lint as generated', () => {
    const tsc = spawnSync(join(REPO_ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '-p', moduleDir], { encoding: 'utf8' })
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0)
    const biome = spawnSync(
      join(REPO_ROOT, 'node_modules/.bin/biome'),
      ['check', '--vcs-use-ignore-file=false', moduleDir],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    )
    expect(biome.status, biome.stdout + biome.stderr).toBe(0)
    expect(biome.stdout + biome.stderr).toMatch(/Checked 1[0-9] files/)
  }, 180_000)

  it('refuses bad, reserved and taken ids with exit 2', async () => {
    for (const [bad, message] of [
      ['Parkir', 'must be 2-31 lowercase letters or digits'],
      ['p', 'must be 2-31 lowercase letters or digits'],
      ['2fa', 'must be 2-31 lowercase letters or digits'],
      ['cerdas', 'reserved for the framework'],
      ['announcements', 'module id "announcements" is already taken'],
    ] as const) {
      const res = await runInProcess(['module', 'new', bad, '--dir', parent, '--no-register'], {})
      expect(res.code, bad).toBe(2)
      expect(res.stderr, bad).toContain(message)
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
      const input = { dimension: 'environment', titleEn: undefined, dir: undefined, register: true } as const
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
