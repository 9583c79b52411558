import { DIMENSIONS, pickText } from '@cerdas/core'
import { consoleEntities, mayView } from '@cerdas/platform'
import type { Console } from './guard.server'
import { holdsForSomeTeam } from './team-permission.server'

/** One link of the console navigation. */
export interface NavLinkItem {
  path: string
  title: string
}

/** A module's links in the navigation, with the paths its pages live under (for "current group"). */
export interface NavModule {
  id: string
  title: string
  links: NavLinkItem[]
  /** Path prefixes of the module's console pages: its generic screens and its own screens. */
  prefixes: string[]
}

/** A dimension's modules in the navigation. */
export interface NavGroup {
  id: string
  title: string
  modules: NavModule[]
}

/** The static start of a route path (`jadwal/:id` → `/admin/jadwal`). */
const prefixOf = (path: string) => `/admin/${path.split('/:')[0]?.replace(/\/$/, '')}`

/**
 * The console navigation of the signed-in person: the entities and module screens they may open,
 * grouped by dimension (in the platform's order) and module (in module order). Groups and modules
 * the person may not touch are left out.
 */
export function consoleNav(console: Console): NavGroup[] {
  const { definitions, ctx, session, locale } = console
  const visible = consoleEntities(definitions, ctx.tenant).filter((e) => mayView(session.grants, e))
  const modules: (NavModule & { dimension: string })[] = []
  for (const mod of definitions) {
    const entities = visible.filter((e) => e.module.id === mod.id)
    const enabled = Boolean(ctx.tenant.modules[mod.id])
    const screens = (mod.admin?.routes ?? []).filter((route) =>
      route.nav?.permission
        ? enabled && holdsForSomeTeam(console, route.nav.permission)
        : route.nav && entities.some((e) => e.entity.id === route.nav?.entity),
    )
    const links = [
      ...entities.map((e) => ({ path: e.path, title: pickText(e.entity.title, locale) })),
      ...screens.map((route) => ({ path: prefixOf(route.path), title: pickText(route.nav!.title, locale) })),
    ]
    if (links.length === 0) continue
    const prefixes = [
      ...['data', 'impor', 'ekspor'].map((screen) => `/admin/${screen}/${mod.id}`),
      ...new Set((mod.admin?.routes ?? []).map((route) => prefixOf(route.path))),
    ]
    modules.push({ id: mod.id, dimension: mod.dimension, title: pickText(mod.title, locale), links, prefixes })
  }
  return DIMENSIONS.map((d) => ({
    id: d.id,
    title: pickText(d.title, locale),
    modules: modules.filter((m) => m.dimension === d.id).map(({ dimension: _, ...m }) => m),
  })).filter((group) => group.modules.length > 0)
}
