import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { modules } from '@cerdas/registry'
import { describe, expect, it } from 'vitest'
import { modulePages } from './route-patterns'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const appDir = join(repoRoot, 'apps/web/app')

/** Every source file under a folder. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

describe('modules own their console screens', () => {
  it('the web app imports no module package: a module screen lives in its module', () => {
    const welded = filesUnder(appDir)
      .filter((file) => /\.(ts|tsx)$/.test(file))
      .filter((file) => /from '@cerdas\/module-/.test(readFileSync(file, 'utf8')))
      .map((file) => file.slice(appDir.length + 1))
    expect(welded).toEqual([])
  })

  it("the schedule editor is the schedules module's, under /admin/jadwal, its files in the package", () => {
    const screens = modulePages(modules).filter((page) => page.pattern.startsWith('/admin/'))
    expect(screens.filter((s) => s.module === 'schedules').map((s) => s.pattern)).toEqual([
      '/admin/jadwal',
      '/admin/jadwal/baru',
      '/admin/jadwal/libur',
      '/admin/jadwal/:id',
    ])
    for (const screen of screens) {
      expect(existsSync(screen.file), screen.source).toBe(true)
      expect(screen.file.startsWith(join(repoRoot, 'packages/modules/')), screen.source).toBe(true)
    }
  })
})
