import { pickText, tenantContext, translator } from '@cerdas/core/web'
import { formatLocalDate, useLocale, VerificationBadge } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { currentYear, holidayYears, listHolidays } from '../src/holidays'
import { messages } from './messages'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const asked = Number(new URL(request.url).searchParams.get('tahun'))
  const year = Number.isInteger(asked) && asked >= 1900 && asked <= 2200 ? asked : currentYear(ctx)
  const [items, years] = await Promise.all([listHolidays(ctx, year), holidayYears(ctx)])
  return { year, years, items, timezone: ctx.tenant.timezone, tenantName: ctx.tenant.name }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Hari libur ${data.year} · ${data.tenantName}` : 'Hari libur' },
]

export default function HolidayList() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const anyUnverified = data.items.some((h) => !h.verification.verified)
  return (
    <>
      <h1>{t('title', { year: data.year })}</h1>
      <p className="muted">{t('intro')}</p>
      {data.years.length > 1 ? (
        <nav className="chips" aria-label={t('years')}>
          {data.years.map((y) => (
            <Link key={y} to={`/hari-libur?tahun=${y}`} aria-current={y === data.year ? 'page' : undefined}>
              {y}
            </Link>
          ))}
        </nav>
      ) : null}
      {anyUnverified ? <p className="notice">{t('unverifiedNote')}</p> : null}
      {data.items.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <table className="holiday-table">
          <caption className="visually-hidden">{t('title', { year: data.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('date')}</th>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('kind')}</th>
              <th scope="col">{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((h) => (
              <tr key={h.id} id={h.date} className={`holiday-${h.kind}`}>
                <td>
                  <time dateTime={h.date}>{formatLocalDate(h.date, locale)}</time>
                </td>
                <th scope="row">
                  {pickText(h.name, locale)}
                  {h.note ? <small className="muted"> {h.note}</small> : null}
                </th>
                <td>{t(`kind_${h.kind}`)}</td>
                <td>
                  <VerificationBadge
                    verifiedAt={h.verification.verifiedAt}
                    verifiedBy={h.verification.verifiedBy}
                    source={h.source}
                    timezone={data.timezone}
                  />
                  {h.source && !/^https?:\/\//.test(h.source) ? (
                    <small className="muted"> {t('source', { source: h.source })}</small>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href={`/api/v1/holidays/ical?year=${data.year}`} type="text/calendar">
          {t('ical', { year: data.year })}
        </a>
      </p>
    </>
  )
}
