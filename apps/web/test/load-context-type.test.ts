import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { WebLoadContext } from '@cerdas/core/web'
import { REPO_ROOT } from '@cerdas/testing'
import type { AppLoadContext } from '@remix-run/node'
import { describe, expect, expectTypeOf, it } from 'vitest'

/** Route and console files: the web app's own and every module package's web/ and admin/ folders. */
function routeFiles(): string[] {
  const modulesDir = join(REPO_ROOT, 'packages/modules')
  const dirs = [
    join(REPO_ROOT, 'apps/web/app'),
    ...readdirSync(modulesDir).flatMap((id) => [join(modulesDir, id, 'web'), join(modulesDir, id, 'admin')]),
  ]
  return dirs.flatMap((dir) => {
    try {
      return readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((name) => /\.tsx?$/.test(name))
        .map((name) => join(dir, name))
    } catch {
      return []
    }
  })
}

describe("Remix's load context", () => {
  it('is typed as the WebLoadContext the server passes, for every program that imports @cerdas/core/web', () => {
    // Checked by the typecheck of apps/web (which includes this file); at run time there is nothing to see.
    expectTypeOf<AppLoadContext['site']>().toEqualTypeOf<WebLoadContext['site']>()
    expectTypeOf<AppLoadContext['session']>().toEqualTypeOf<WebLoadContext['session']>()
  })

  it('is read by route files without casting it', () => {
    const files = routeFiles()
    expect(files.length).toBeGreaterThan(20)
    const casts = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          /\bcontext as (unknown as )?\w*LoadContext\b/.test(line) ? [`${relative(REPO_ROOT, file)}:${i + 1}`] : [],
        ),
    )
    expect(casts).toEqual([])
  })
})
