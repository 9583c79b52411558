import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildIsCurrent, recordBuild, sourceStamp } from '../../../scripts/source-stamp.mjs'

/**
 * `npm start` builds only when the build's sources changed: checked on a small workspace laid out
 * like the repository (a build here is simulated by writing its outputs and recording the stamp).
 */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

let root: string

function put(path: string, content = 'x') {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), content)
}

/** What a build does: fingerprint first, then write its outputs, then record. */
function build() {
  const stamp = sourceStamp(root)
  put('apps/web/build/server.mjs', 'export {}')
  put('apps/web/build/client/assets/app.js', '')
  put('apps/web/build/server/index.js', '')
  recordBuild(root, stamp)
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cerdas-source-stamp-'))
  put('package.json', '{}')
  put('pnpm-lock.yaml', 'lockfileVersion: 9')
  put('apps/web/package.json', '{}')
  put('apps/web/vite.config.ts', 'export default {}')
  put('apps/web/app/root.tsx', 'export default 1')
  put('apps/web/server/start.ts', 'export {}')
  put('packages/core/src/index.ts', 'export {}')
  put('packages/modules/announcements/src/index.ts', 'export {}')
  put('packages/modules/announcements/web/list.tsx', 'export {}')
})

afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('the source stamp', () => {
  it('has no build to be current before the first build, and is current right after one', () => {
    expect(buildIsCurrent(root)).toBe(false)
    build()
    expect(buildIsCurrent(root)).toBe(true)
  })

  it.each([
    ['a page of the web app', 'apps/web/app/root.tsx'],
    ['the server', 'apps/web/server/start.ts'],
    ['a package the server bundles', 'packages/core/src/index.ts'],
    ["a module's page", 'packages/modules/announcements/web/list.tsx'],
    ['the lockfile', 'pnpm-lock.yaml'],
    ["the web app's vite config", 'apps/web/vite.config.ts'],
  ])('asks for a build when %s changes', (_what, path) => {
    build()
    put(path, 'export const changed = true')
    expect(buildIsCurrent(root)).toBe(false)
    build()
    expect(buildIsCurrent(root)).toBe(true)
  })

  it('asks for a build when a file is only touched (same size, newer time)', () => {
    build()
    const later = new Date(Date.now() + 60_000)
    utimesSync(join(root, 'packages/core/src/index.ts'), later, later)
    expect(buildIsCurrent(root)).toBe(false)
  })

  it('asks for a build when a source file is added or removed', () => {
    build()
    put('packages/core/src/extra.ts', 'export {}')
    expect(buildIsCurrent(root)).toBe(false)
    build()
    rmSync(join(root, 'packages/core/src/extra.ts'))
    expect(buildIsCurrent(root)).toBe(false)
  })

  it('stays current when only tests, installed packages or the build output change', () => {
    build()
    put('packages/core/test/index.test.ts', 'test')
    put('apps/web/test/page.e2e.test.ts', 'test')
    put('node_modules/.pnpm/some/index.js', 'x')
    put('packages/core/node_modules/dep/index.js', 'x')
    put('apps/web/build/server.mjs', 'export const rebuilt = true')
    put('apps/web/build/.cache/x', 'x')
    put('data/control.db', 'x')
    expect(buildIsCurrent(root)).toBe(true)
  })

  it('asks for a build when a source changed during the last one (the stamp is taken first)', () => {
    const stamp = sourceStamp(root)
    put('apps/web/app/root.tsx', 'export default 2')
    recordBuild(root, stamp)
    expect(buildIsCurrent(root)).toBe(false)
  })

  it("leaves the repository's own build output out of its fingerprint", () => {
    const before = sourceStamp(repoRoot)
    // The build writes only below apps/web/build, which is never an input.
    const probe = join(repoRoot, 'apps/web/build/.stamp-probe')
    mkdirSync(dirname(probe), { recursive: true })
    try {
      writeFileSync(probe, String(Date.now()))
      expect(sourceStamp(repoRoot)).toBe(before)
    } finally {
      rmSync(probe, { force: true })
    }
  })
})
