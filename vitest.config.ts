import { existsSync, readdirSync } from 'node:fs'
import { defineConfig } from 'vitest/config'

/** Every workspace package below a folder (a folder without package.json, such as packages/modules, is not one). */
const packagesIn = (base: string) =>
  readdirSync(base)
    .map((name) => `${base}/${name}`)
    .filter((dir) => existsSync(`${dir}/package.json`))

// One run over every package, so the suite reports one total.
export default defineConfig({
  test: {
    projects: [...packagesIn('packages'), ...packagesIn('packages/modules'), 'apps/api', 'apps/cli', 'apps/web'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
