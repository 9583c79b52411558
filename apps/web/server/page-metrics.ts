import { UNMATCHED_ROUTE } from '@cerdas/api'
import type { ServerBuild } from '@remix-run/node'
import { matchRoutes } from '@remix-run/react'
import type { Context } from 'hono'
import { routeTree } from './canonical-path'

/** Paths whose matched route is remembered; beyond it the memory starts over (paths are unbounded). */
const MATCHES_KEPT = 2000

/** The catch-all route: it renders the site's 404 page. */
const SPLAT_ROUTE = 'routes/$'

/**
 * The label a page request is counted under: the id of the Remix route that answers it
 * (`services/layanan/:slug`), `assets` for built files, and `static` for what the catch-all
 * would have matched but a file or crawler text answered (favicon, robots.txt, sitemap.xml).
 * Route ids come from the build, so the label set is bounded whatever paths are asked for.
 */
export function pageRouteOf(build: ServerBuild): (c: Context) => string {
  const tree = routeTree(build)
  // Matching costs more than the rest of counting a request: the paths asked most are remembered.
  const matched = new Map<string, string | undefined>()
  const routeIdOf = (path: string) => {
    if (matched.has(path)) return matched.get(path)
    const id = matchRoutes(tree, path)?.at(-1)?.route.id
    if (matched.size >= MATCHES_KEPT) matched.clear()
    matched.set(path, id)
    return id
  }
  return (c) => {
    const path = c.req.path
    if (path.startsWith('/assets/')) return 'assets'
    const id = routeIdOf(path)
    if (id === SPLAT_ROUTE && c.res.status < 400) return 'static'
    return id ?? UNMATCHED_ROUTE
  }
}
