import { formatInstant, orNotFound, pickText, tenantContext, translator } from '@cerdas/core/web'
import { useLocale, VerificationBadge } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { announcement } from '../src/index'
import { messages } from './messages'

export async function loader({ params, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const record = await orNotFound(announcement.get(ctx, params.id ?? ''))
  return {
    announcement: record,
    base: announcement.urls.list,
    timezone: ctx.tenant.timezone,
    tenantName: ctx.tenant.name,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: 'Pengumuman' }]
  const a = data.announcement
  return [
    { title: `${a.title.id} · ${data.tenantName}` },
    { name: 'description', content: a.body.id.slice(0, 160) },
    {
      'script:ld+json': {
        '@context': 'https://schema.org',
        '@type': 'SpecialAnnouncement',
        name: a.title.id,
        text: a.body.id,
        datePosted: a.publishAt,
        ...(a.expiresAt ? { expires: a.expiresAt } : {}),
        ...(a.link ? { url: a.link } : {}),
        announcementLocation: { '@type': 'AdministrativeArea', name: data.tenantName },
      },
    },
  ]
}

export default function AnnouncementDetail() {
  const { announcement: a, base, timezone } = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const date = (instant: string) => formatInstant(instant, { timezone }, locale)
  return (
    <article
      className={`announcement-detail category-${a.category}`}
      lang={locale === 'en' && a.title.en ? 'en' : 'id'}
    >
      <p>
        <Link to={base}>{t('back')}</Link>
      </p>
      <h1>{pickText(a.title, locale)}</h1>
      <p className="muted">
        {t(`category_${a.category}`)} · {t('published', { date: date(a.publishAt) })}
        {a.expiresAt && !a.expired ? ` · ${t('expires', { date: date(a.expiresAt) })}` : null}
      </p>
      {a.expired && a.expiresAt ? <p className="notice">{t('expired', { date: date(a.expiresAt) })}</p> : null}
      <VerificationBadge
        verifiedAt={a.verification.verifiedAt}
        verifiedBy={a.verification.verifiedBy}
        source={a.verification.source}
        timezone={timezone}
      />
      <div className="prose">
        {pickText(a.body, locale)
          .split(/\n{2,}/)
          .map((paragraph, i) => (
            // Paragraphs of one text never reorder, so their position is a stable key.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <p key={i}>{paragraph}</p>
          ))}
      </div>
      {a.link ? (
        <p>
          <a href={a.link} rel="noopener">
            {t('moreInfo')}
          </a>
        </p>
      ) : null}
    </article>
  )
}
