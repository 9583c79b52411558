import { tenantContext } from '@cerdas/core/web'
import { searchTenant } from '@cerdas/platform'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useT } from '../i18n/use-t'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const q = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 200)
  return { q, hits: q ? await searchTenant(ctx, q, 20) : [] }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.q ? `${data.q} · Cari` : 'Cari' }]

export default function SearchPage() {
  const { q, hits } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <>
      <Form method="get" action="/cari" className="search" role="search">
        <label htmlFor="q">{t('searchLabel')}</label>
        <div className="search-row">
          <input id="q" name="q" type="search" defaultValue={q} placeholder={t('searchPlaceholder')} maxLength={200} />
          <button type="submit">{t('search')}</button>
        </div>
      </Form>
      {q ? <h1>{t('searchResults', { q })}</h1> : <p>{t('searchEmpty')}</p>}
      {q && hits.length === 0 ? <p>{t('searchNoResults', { q })}</p> : null}
      <ol className="results">
        {hits.map((hit) => (
          <li key={hit.id}>
            <Link to={hit.url}>{hit.title}</Link>
            <p className="muted">{hit.snippet}</p>
          </li>
        ))}
      </ol>
    </>
  )
}
