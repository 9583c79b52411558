import { moduleSettings } from '@cerdas/core'
import { pickText, tenantContext, translator } from '@cerdas/core/web'
import { Pager, useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { CATEGORY_LABELS, SERVICE_CATEGORIES } from '../src/labels'
import { listServices, serviceCategoryCounts, serviceUrl } from '../src/services'
import { settings } from '../src/settings'
import { messages } from './messages'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const url = new URL(request.url)
  const category = SERVICE_CATEGORIES.find((c) => c === url.searchParams.get('kategori'))
  const cursor = url.searchParams.get('cursor') ?? undefined
  const query = { limit: moduleSettings(ctx, 'services', settings).pageSize, category }
  const page = await listServices(ctx, { ...query, cursor }).catch((error) => {
    // A stale or edited cursor starts over rather than failing.
    if (cursor) return listServices(ctx, query)
    throw error
  })
  const counts = await serviceCategoryCounts(ctx)
  return {
    category: category ?? null,
    // Only categories with services (and the one asked for), each with its count.
    categories: SERVICE_CATEGORIES.filter((value) => counts[value] || value === category).map((value) => ({
      value,
      label: CATEGORY_LABELS[value],
      count: counts[value] ?? 0,
    })),
    isFirst: !cursor,
    nextCursor: page.nextCursor,
    items: page.items.map((s) => ({ ...s, url: serviceUrl(s) })),
  }
}

export const meta: MetaFunction = () => [{ title: 'Layanan publik · Public services' }]

/** Every public service by name or by category; the search box asks the tenant search. */
export default function ServiceList() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const categoryLink = (c: string | null) => (c ? `/layanan?kategori=${c}` : '/layanan')
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <Form method="get" action="/cari" className="search" role="search">
        <label htmlFor="service-q">{t('searchLabel')}</label>
        <div className="search-row">
          <input id="service-q" name="q" type="search" placeholder={t('searchPlaceholder')} required maxLength={200} />
          <button type="submit">{t('search')}</button>
        </div>
      </Form>
      <nav className="chips" aria-label={t('title')}>
        <Link to={categoryLink(null)} aria-current={data.category === null ? 'page' : undefined}>
          {t('all')}
        </Link>
        {data.categories.map((c) => (
          <Link key={c.value} to={categoryLink(c.value)} aria-current={data.category === c.value ? 'page' : undefined}>
            {pickText(c.label, locale)} <span className="muted">({c.count})</span>
          </Link>
        ))}
      </nav>
      {data.items.length === 0 ? <p>{t('empty')}</p> : null}
      <ul className="list services">
        {data.items.map((s) => (
          <li key={s.id}>
            <Link to={s.url}>{pickText(s.name, locale)}</Link>
            {s.verification.verified ? null : <span className="badge badge-unverified">{t('unverifiedShort')}</span>}
            {s.summary ? <div className="muted">{pickText(s.summary, locale)}</div> : null}
          </li>
        ))}
      </ul>
      <Pager basePath={categoryLink(data.category)} isFirst={data.isFirst} nextCursor={data.nextCursor} />
    </>
  )
}
