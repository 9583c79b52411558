import { defineConfig } from 'vitest/config'

// One run over every package, so the suite reports one total.
export default defineConfig({
  test: {
    projects: ['packages/*', 'packages/modules/*', 'apps/api', 'apps/cli', 'apps/web'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
