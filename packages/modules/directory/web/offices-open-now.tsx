import { formatInstant, pickText, tenantContext, translator } from '@cerdas/core/web'
import { OpenStatus, useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { OFFICE_TYPE_LABELS } from '../src/labels'
import { listOfficesOpenNow } from '../src/offices'
import { OFFICE_TYPES } from '../src/validation'
import { messages } from './messages'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const type = OFFICE_TYPES.find((c) => c === new URL(request.url).searchParams.get('jenis'))
  const result = await listOfficesOpenNow(ctx, { type })
  return { ...result, type: type ?? null, typeLabels: OFFICE_TYPE_LABELS, timezone: ctx.tenant.timezone }
}

export const meta: MetaFunction = () => [{ title: 'Kantor yang buka sekarang · Offices open now' }]

/** Offices open at this moment (holiday-, break- and special-hours-aware), with when each closes. */
export default function OfficesOpenNow() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const typeLink = (type: string | null) =>
    type ? `/direktori/buka-sekarang?jenis=${type}` : '/direktori/buka-sekarang'
  return (
    <>
      <p>
        <Link to="/direktori">{t('back')}</Link>
      </p>
      <h1>{t('openNowTitle')}</h1>
      <p className="muted">
        {t('openNowIntro', {
          time: formatInstant(data.at, { timezone: data.timezone }, locale, { dateStyle: 'full', timeStyle: 'short' }),
          zone: data.timezone,
        })}
      </p>
      <nav className="chips" aria-label={t('filterType')}>
        <Link to={typeLink(null)} aria-current={data.type === null ? 'page' : undefined}>
          {t('all')}
        </Link>
        {Object.entries(data.typeLabels).map(([type, label]) => (
          <Link key={type} to={typeLink(type)} aria-current={data.type === type ? 'page' : undefined}>
            {pickText(label, locale)}
          </Link>
        ))}
      </nav>
      {data.items.length === 0 ? <p className="open-now-empty">{t('openNowEmpty')}</p> : null}
      <ul className="list offices-open-now" hidden={data.items.length === 0}>
        {data.items.map(({ office: o, hours }) => (
          <li key={o.id}>
            <Link to={`/direktori/${o.slug}`}>{pickText(o.name, locale)}</Link>
            <div>
              <OpenStatus status={hours.status} at={hours.status.at} timezone={data.timezone} />
            </div>
            {o.address ? <div className="muted">{[o.address, o.kecamatan].filter(Boolean).join(', ')}</div> : null}
          </li>
        ))}
      </ul>
      {data.closed.length > 0 ? (
        <>
          <h2>{t('closedNow')}</h2>
          <ul className="list offices-closed-now">
            {data.closed.map(({ office: o, hours }) => (
              <li key={o.id}>
                <Link to={`/direktori/${o.slug}`}>{pickText(o.name, locale)}</Link>
                <div>
                  <OpenStatus status={hours.status} at={hours.status.at} timezone={data.timezone} />
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {data.withoutHours > 0 ? <p className="muted">{t('openNowUnknown', { count: data.withoutHours })}</p> : null}
    </>
  )
}
