import { formatInstant, pickText, tenantContext, translator } from '@cerdas/core/web'
import { Pager, useLocale, VerificationBadge } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import announcements, { announcement, CATEGORIES } from '../src/index'
import { messages } from './messages'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const url = new URL(request.url)
  const category = CATEGORIES.find((c) => c === url.searchParams.get('kategori'))
  const cursor = url.searchParams.get('cursor') ?? undefined
  const limit = announcements.settingsOf(ctx).pageSize
  const page = await announcement.list(ctx, { limit, category, cursor }).catch((error) => {
    // A stale or edited cursor starts over rather than failing.
    if (cursor) return announcement.list(ctx, { limit, category })
    throw error
  })
  return {
    timezone: ctx.tenant.timezone,
    categories: CATEGORIES,
    base: announcement.urls.list,
    category: category ?? null,
    isFirst: !cursor,
    nextCursor: page.nextCursor,
    items: page.items,
  }
}

export const meta: MetaFunction = () => [{ title: 'Pengumuman · Announcements' }]

export default function AnnouncementList() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <nav className="chips" aria-label={t('title')}>
        <Link to={data.base} aria-current={data.category === null ? 'page' : undefined}>
          {t('all')}
        </Link>
        {data.categories.map((c) => (
          <Link key={c} to={`${data.base}?kategori=${c}`} aria-current={data.category === c ? 'page' : undefined}>
            {t(`category_${c}`)}
          </Link>
        ))}
      </nav>
      {data.items.length === 0 ? <p>{t('empty')}</p> : null}
      <ul className="list announcements">
        {data.items.map((a) => (
          <li key={a.id} className={`announcement category-${a.category}`}>
            <h2>
              <Link to={`${data.base}/${a.id}`}>{pickText(a.title, locale)}</Link>
            </h2>
            <p className="muted">
              {t(`category_${a.category}`)} ·{' '}
              {t('published', { date: formatInstant(a.publishAt, { timezone: data.timezone }, locale) })}
            </p>
            <VerificationBadge
              verifiedAt={a.verification.verifiedAt}
              verifiedBy={a.verification.verifiedBy}
              timezone={data.timezone}
            />
          </li>
        ))}
      </ul>
      <Pager
        basePath={data.category ? `${data.base}?kategori=${data.category}` : data.base}
        nextCursor={data.nextCursor}
        isFirst={data.isFirst}
      />
    </>
  )
}
