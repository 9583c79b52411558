import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { modules } from '@cerdas/registry'
import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'

const appDirectory = fileURLToPath(new URL('./app', import.meta.url))

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
        // Module packages ship their own pages and console screens; the app only collects them from the registry.
        routes: (defineRoutes) => {
          const pages = defineRoutes((route) => {
            for (const mod of modules) {
              for (const page of mod.web?.routes ?? []) {
                route(page.path, relative(appDirectory, join(mod.web!.root, page.file)), {
                  id: `${mod.id}/${page.path}`,
                })
              }
            }
          })
          const screens = defineRoutes((route) => {
            for (const mod of modules) {
              for (const screen of mod.admin?.routes ?? []) {
                route(screen.path, relative(appDirectory, join(mod.web!.root, screen.file)), {
                  id: `${mod.id}/admin/${screen.path}`,
                })
              }
            }
          })
          // Console screens sit inside the console layout (its frame, navigation and form token).
          for (const screen of Object.values(screens)) screen.parentId = 'routes/admin'
          return { ...pages, ...screens }
        },
      }),
  ],
  build: { target: 'es2022' },
})
