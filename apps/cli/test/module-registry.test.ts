import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { modules } from '@cerdas/registry'
import { afterEach, describe, expect, it } from 'vitest'
import { moduleSync } from '../src/commands/module-sync'
import type { CliIo } from '../src/io'
import {
  findModulePackages,
  MODULE_LIST_FILE,
  renderModuleList,
  staleRegistryFiles,
  syncModuleRegistry,
} from '../src/scaffold/module-registry'
import { REPO_ROOT } from './support/run-cli'

const SHIPPED = ['announcements', 'schedules', 'directory', 'services']

describe('the registry of the repository', () => {
  it('lists exactly the module packages that declare themselves, in their fixed order (run `pnpm cerdas module sync` when this fails)', () => {
    expect(staleRegistryFiles(REPO_ROOT)).toEqual([])
    const discovered = findModulePackages(REPO_ROOT).map((p) => p.id)
    expect(discovered.slice(0, SHIPPED.length)).toEqual(SHIPPED)
    // The ids the packages are named after are the ids the definitions declare.
    expect(modules.map((m) => m.id)).toEqual(discovered)
  })
})

let roots: string[] = []
afterEach(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true })
  roots = []
})

/** A throwaway repo root: the real registry package and the shipped modules' package.json files. */
function fakeRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'cerdas-module-registry-'))
  roots.push(root)
  cpSync(join(REPO_ROOT, 'packages/registry'), join(root, 'packages/registry'), {
    recursive: true,
    filter: (src) => !src.includes('node_modules'),
  })
  for (const id of SHIPPED) addPackage(root, id, JSON.parse(readFileSync(packageJsonOf(REPO_ROOT, id), 'utf8')))
  // The real registry may list modules generated since (`cerdas module new demo`); this one lists the shipped ones.
  syncModuleRegistry(root)
  return root
}

const packageJsonOf = (root: string, id: string) => join(root, 'packages/modules', id, 'package.json')

function addPackage(root: string, dir: string, pkg: Record<string, unknown>) {
  mkdirSync(join(root, 'packages/modules', dir), { recursive: true })
  writeFileSync(packageJsonOf(root, dir), `${JSON.stringify(pkg, null, 2)}\n`)
}

const declared = (id: string, dependencies: Record<string, string> = {}) => ({
  name: `@cerdas/module-${id}`,
  cerdas: { module: true },
  dependencies: { '@cerdas/core': 'workspace:*', ...dependencies },
})

function captureIo(cwd: string) {
  const out = { stdout: '', stderr: '' }
  const io: CliIo = {
    env: {},
    cwd,
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    stdin: process.stdin,
  }
  return { io, out }
}

describe('discovering module packages', () => {
  it('keeps the shipped order, puts new modules after by id, each after the modules it depends on', () => {
    const root = fakeRepo()
    addPackage(root, 'aaa', declared('aaa', { '@cerdas/module-zzz': 'workspace:*' }))
    addPackage(root, 'zzz', declared('zzz'))
    addPackage(root, 'kebun', declared('kebun'))
    addPackage(root, 'do', declared('do'))
    expect(findModulePackages(root).map((p) => p.id)).toEqual([...SHIPPED, 'zzz', 'aaa', 'do', 'kebun'])
  })

  it('leaves out packages without the marker or with "module": false, and refuses a marked package named otherwise', () => {
    const root = fakeRepo()
    addPackage(root, 'draft', { name: '@cerdas/module-draft' })
    addPackage(root, 'off', { name: '@cerdas/module-off', cerdas: { module: false } })
    mkdirSync(join(root, 'packages/modules/notes'))
    expect(findModulePackages(root).map((p) => p.id)).toEqual(SHIPPED)
    addPackage(root, 'odd', { name: '@acme/parkir', cerdas: { module: true } })
    expect(() => findModulePackages(root)).toThrow(/its name must be @cerdas\/module-<id>/)
  })

  it('renders imports sorted by package and the list in order, with reserved words suffixed, as biome formats it', () => {
    const root = fakeRepo()
    addPackage(root, 'do', declared('do'))
    const source = renderModuleList(findModulePackages(root))
    const imports = source.split('\n').filter((l) => l.startsWith('import '))
    expect(imports.at(-1)).toBe("import services from '@cerdas/module-services'")
    expect(imports).toContain("import doModule from '@cerdas/module-do'")
    expect(source).toContain(
      'export const installedModules: AnyModule[] = [announcements, schedules, directory, services, doModule]',
    )
  })
})

describe('cerdas module sync', () => {
  it('finds a newly declared package stale, lists it and its dependency, then finds nothing to do', async () => {
    const root = fakeRepo()
    expect(staleRegistryFiles(root)).toEqual([])
    addPackage(root, 'kebun', declared('kebun'))
    const stale = captureIo(root)
    expect(await moduleSync({ check: true }, stale.io, { repoRoot: root })).toBe(1)
    expect(stale.out.stderr).toContain('run pnpm cerdas module sync')

    const sync = captureIo(root)
    expect(await moduleSync({ check: false }, sync.io, { repoRoot: root })).toBe(0)
    expect(sync.out.stdout).toContain('announcements, schedules, directory, services, kebun')
    const list = readFileSync(join(root, MODULE_LIST_FILE), 'utf8')
    expect(list).toContain("import kebun from '@cerdas/module-kebun'")
    expect(list).toMatch(/\[announcements, schedules, directory, services, kebun\]/)
    const pkg = JSON.parse(readFileSync(join(root, 'packages/registry/package.json'), 'utf8'))
    expect(Object.keys(pkg.dependencies)).toEqual([
      '@cerdas/core',
      '@cerdas/module-announcements',
      '@cerdas/module-directory',
      '@cerdas/module-kebun',
      '@cerdas/module-schedules',
      '@cerdas/module-services',
    ])

    const check = captureIo(root)
    expect(await moduleSync({ check: true }, check.io, { repoRoot: root })).toBe(0)
    expect(syncModuleRegistry(root)).toEqual([])
  })

  it('drops a package that no longer declares itself', () => {
    const root = fakeRepo()
    addPackage(root, 'kebun', declared('kebun'))
    syncModuleRegistry(root)
    addPackage(root, 'kebun', { name: '@cerdas/module-kebun' })
    expect(syncModuleRegistry(root).length).toBe(2)
    expect(readFileSync(join(root, MODULE_LIST_FILE), 'utf8')).not.toContain('kebun')
    expect(readFileSync(join(root, 'packages/registry/package.json'), 'utf8')).not.toContain('kebun')
  })
})
