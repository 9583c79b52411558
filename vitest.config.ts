import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config'

/** Every workspace package below a folder (a folder without package.json, such as packages/modules, is not one). */
const packagesIn = (base: string) =>
  readdirSync(base)
    .map((name) => `${base}/${name}`)
    .filter((dir) => existsSync(`${dir}/package.json`))

/**
 * A package with its own vitest config keeps it; the others inherit this file's options
 * (timeouts, pool), which a plain folder entry would not.
 */
const project = (dir: string): string | TestProjectInlineConfiguration =>
  existsSync(`${dir}/vitest.config.ts`)
    ? dir
    : {
        extends: true,
        test: { name: JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')).name as string, root: dir },
      }

// One run over every package, so the suite reports one total.
export default defineConfig({
  test: {
    projects: [...packagesIn('packages'), ...packagesIn('packages/modules'), 'apps/api', 'apps/cli', 'apps/web'].map(
      project,
    ),
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
