import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { modules } from '@cerdas/registry'
import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'

const appDirectory = fileURLToPath(new URL('./app', import.meta.url))

declare module '@remix-run/server-runtime' {
  interface Future {
    v3_singleFetch: true
  }
}

export default defineConfig({
  plugins: [
    !process.env.VITEST &&
      remix({
        appDirectory,
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
        },
        // Module packages ship their own pages; the app only collects them from the registry.
        routes: (defineRoutes) =>
          defineRoutes((route) => {
            for (const mod of modules) {
              for (const page of mod.web?.routes ?? []) {
                route(page.path, relative(appDirectory, join(mod.web!.root, page.file)), {
                  id: `${mod.id}/${page.path}`,
                })
              }
            }
          }),
      }),
  ],
  build: { target: 'es2022' },
})
