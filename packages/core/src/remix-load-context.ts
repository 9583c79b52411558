/**
 * Remix's load context, typed once for every route file (apps/web/app and the
 * modules' web pages): the web server hands every loader and action a
 * WebLoadContext (apps/web/server/web-app.ts), so routes read `context.site`
 * without casts. The future flag matches the one the web app builds with
 * (apps/web/vite.config.ts), so module pages type their loader data as it is served.
 */
// Brings Remix's types into programs that do not import them (core's own), so the augmentation has a target.
import type {} from '@remix-run/server-runtime'
import type { WebLoadContext } from './web'

declare module '@remix-run/server-runtime' {
  interface AppLoadContext extends WebLoadContext {}
  interface Future {
    v3_singleFetch: true
  }
}
