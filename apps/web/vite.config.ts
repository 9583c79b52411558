import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { modules } from '@cerdas/registry'
import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig, type Plugin } from 'vite'

const appDirectory = fileURLToPath(new URL('./app', import.meta.url))

const MODULE_STYLES = 'virtual:cerdas/module-styles'

/**
 * `virtual:cerdas/module-styles`: each registered module's stylesheet (`web.styles`) by module id,
 * as built asset URLs. The root layout links those of the modules on the page.
 */
function moduleStyles(): Plugin {
  const withStyles = modules.filter((mod) => mod.web?.styles)
  const source = [
    ...withStyles.map(
      (mod, i) => `import style${i} from ${JSON.stringify(`${join(mod.web!.root, mod.web!.styles!)}?url`)}`,
    ),
    `export const moduleStyles = {${withStyles.map((mod, i) => `${JSON.stringify(mod.id)}: style${i}`).join(', ')}}`,
  ].join('\n')
  return {
    name: 'cerdas-module-styles',
    resolveId: (id) => (id === MODULE_STYLES ? `\0${MODULE_STYLES}` : undefined),
    load: (id) => (id === `\0${MODULE_STYLES}` ? source : undefined),
  }
}

export default defineConfig({
  plugins: [
    moduleStyles(),
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
