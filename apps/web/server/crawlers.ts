import type { AnyModule, SitemapEntry, TenantContext } from '@cerdas/core'

/** The most URLs one sitemap file may list (sitemaps.org). */
export const SITEMAP_MAX_URLS = 50_000

const escapeXml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] as string,
  )

/**
 * A tenant's robots.txt: every public page may be crawled; the console, the API (but its
 * documentation), search results, the language switch and the week pagers (`?from=`, an endless
 * series of pages) may not.
 */
export function robotsTxt(origin: string): string {
  return `User-agent: *
Allow: /
Disallow: /admin
Disallow: /api/
Allow: /api/docs
Allow: /api/openapi.json
Disallow: /cari
Disallow: /bahasa
Disallow: /*?from=
Disallow: /*&from=

Sitemap: ${origin}/sitemap.xml
`
}

/**
 * The tenant's public pages: the home page, each enabled module's navigation pages, the open data
 * page, then the pages each module lists with `web.sitemap` (a service, an office, an announcement),
 * each path once.
 */
export async function sitemapEntries(ctx: TenantContext, modules: readonly AnyModule[]): Promise<SitemapEntry[]> {
  const enabled = modules.filter((m) => ctx.tenant.modules[m.id])
  const listed = await Promise.all(enabled.map((m) => m.web?.sitemap?.(ctx) ?? Promise.resolve([])))
  const entries: SitemapEntry[] = [
    { path: '/' },
    ...enabled.flatMap((m) => (m.web?.nav ?? []).map((n) => ({ path: n.path }))),
    { path: '/data' },
    ...listed.flat(),
  ]
  const seen = new Set<string>()
  return entries.filter((entry) => {
    if (!entry.path.startsWith('/') || seen.has(entry.path)) return false
    seen.add(entry.path)
    return true
  })
}

/** The sitemaps.org XML of the entries, as absolute URLs on `origin` (at most {@link SITEMAP_MAX_URLS}). */
export function sitemapXml(origin: string, entries: readonly SitemapEntry[]): string {
  const urls = entries.slice(0, SITEMAP_MAX_URLS).map((entry) => {
    const lastmod = entry.lastModified ? `<lastmod>${escapeXml(entry.lastModified)}</lastmod>` : ''
    return `<url><loc>${escapeXml(`${origin}${entry.path}`)}</loc>${lastmod}</url>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`
}
