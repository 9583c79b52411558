import type { AnyModule } from '@cerdas/core'
import { installedModules } from './installed-modules'

/**
 * Every module this installation ships: the workspace packages that declare
 * `"cerdas": { "module": true }` in their package.json, listed in
 * ./installed-modules.ts by `pnpm cerdas module sync` (which `cerdas module
 * new` runs). A tenant enables a subset through its template or settings.
 */
export const modules: AnyModule[] = installedModules
