import { pickText, tenantContext } from '@cerdas/core/web'
import { searchTenant } from '@cerdas/platform'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useT } from '../i18n/use-t'
import { SearchForm } from '../search-form'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const { site, locale } = context
  const q = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 200)
  const hits = q ? await searchTenant(ctx, q, 20) : []
  // Each hit says what it is by its module's title ("Layanan publik", "Pengumuman").
  const titles = new Map(
    site.kind === 'tenant' ? site.definitions.map((mod) => [mod.id, pickText(mod.title, locale)]) : [],
  )
  return {
    q,
    hits: hits.map((hit) => ({
      id: hit.id,
      url: hit.url,
      title: hit.title,
      kind: hit.kind,
      source: titles.get(hit.module) ?? hit.module,
      snippetParts: hit.snippetParts,
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.q ? `${data.q} · Cari` : 'Cari' },
  { name: 'robots', content: 'noindex' },
]

/** Search results, best first, with the matched words marked in each passage. */
export default function SearchPage() {
  const { q, hits } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <>
      <SearchForm q={q} autoFocus={!q} />
      {q ? <h1>{t('searchResults', { q })}</h1> : <p>{t('searchEmpty')}</p>}
      {q && hits.length === 0 ? <p>{t('searchNoResults', { q })}</p> : null}
      <ol className="results">
        {hits.map((hit) => (
          <li key={hit.id} className={`result result-${hit.kind}`}>
            <Link to={hit.url}>{hit.title}</Link> <span className="badge">{hit.source}</span>
            <p className="muted">
              {hit.snippetParts.map((part, i) =>
                // Parts of one passage never reorder, so their position is a stable key.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
              )}
            </p>
          </li>
        ))}
      </ol>
    </>
  )
}
