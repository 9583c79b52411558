import type { ServerBuild } from '@remix-run/node'
import { matchRoutes } from '@remix-run/react'

type RouteObject = Parameters<typeof matchRoutes>[0][number]

/**
 * Paths whose case is never changed: the API, the admin console (sign-in links carry
 * case-sensitive tokens) and built assets.
 */
const CASE_SENSITIVE = /^\/(api|admin|assets)(\/|_|$)/i

/** A path that starts with `//` would be read as another host (`//evil.example`) in a Location. */
const localPath = (path: string) => path.replace(/^\/{2,}/, '/')

/** `/layanan/` → `/layanan` (and `/layanan//` too); null when there is nothing to strip or it is `/`. */
export function withoutTrailingSlash(pathname: string): string | null {
  if (pathname === '/' || !pathname.endsWith('/')) return null
  return localPath(pathname.replace(/\/+$/, '') || '/')
}

/** Whether a path has capitals that public pages could do without (see {@link CASE_SENSITIVE}). */
export function mayLowercase(pathname: string): boolean {
  return /[A-Z]/.test(pathname) && !CASE_SENSITIVE.test(pathname)
}

export const lowercasePath = (pathname: string) => localPath(pathname.toLowerCase())

/** The route tree of a server build, for matching paths outside Remix. */
export function routeTree(build: ServerBuild): RouteObject[] {
  const routes = Object.values(build.routes)
  const children = (parentId: string | undefined): RouteObject[] =>
    routes
      .filter((r) => r.parentId === parentId)
      .map(
        (r) =>
          ({
            id: r.id,
            path: r.path,
            index: r.index,
            caseSensitive: r.caseSensitive,
            children: r.index ? undefined : children(r.id),
          }) as RouteObject,
      )
  return children(undefined)
}

/**
 * The path with the route's own (static) segments spelled as the route spells them:
 * `/LAYANAN/KTP-EL-BARU` → `/layanan/KTP-EL-BARU`. Routes match regardless of case, so without
 * this `/LAYANAN` would answer as a second copy of `/layanan`. Parameters (a slug, an id) keep
 * their case: whether a record answers to another spelling is for its page to say.
 */
export function routeCasePath(tree: RouteObject[], pathname: string): string {
  const matches = matchRoutes(tree, pathname)
  if (!matches) return pathname
  const pattern = matches.flatMap((m) => (m.route.path ?? '').split('/').filter(Boolean))
  const segments = pathname.split('/')
  for (const [i, part] of pattern.entries()) {
    if (part === '*') break
    const at = i + 1 // segments[0] is the empty string before the leading slash
    if (part.startsWith(':') || part.endsWith('?') || segments[at]?.toLowerCase() !== part.toLowerCase()) continue
    segments[at] = part
  }
  return localPath(segments.join('/'))
}

/**
 * The module whose page or console screen a path opens (its route ids start `<module>/`), or
 * null for the app's own pages. A tenant that has not enabled that module answers 404 there,
 * rather than the page failing on tables the tenant does not have.
 */
export function moduleOfPath(tree: RouteObject[], pathname: string, moduleIds: ReadonlySet<string>): string | null {
  const matches = matchRoutes(tree, pathname) ?? []
  for (const match of matches.toReversed()) {
    const owner = match.route.id?.split('/')[0]
    if (owner && moduleIds.has(owner)) return owner
  }
  return null
}
