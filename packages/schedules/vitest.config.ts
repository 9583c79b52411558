import { defineConfig } from 'vitest/config'

// Lets the package run on its own (`vitest run --root packages/schedules`) and as a root project.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 120_000,
  },
})
