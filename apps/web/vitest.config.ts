import { defineConfig } from 'vitest/config'

// Tests drive the built app in a real browser; the Remix plugin is not needed here.
export default defineConfig({
  test: {
    name: '@cerdas/web',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
})
