import { moduleSettings } from '@cerdas/core'
import { pickText, tenantContext, translator } from '@cerdas/core/web'
import { OpenStatus, Pager, useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { OFFICE_TYPE_LABELS } from '../src/labels'
import { listOffices, officeHoursNow, officeTypeCounts } from '../src/offices'
import { settings } from '../src/settings'
import { OFFICE_TYPES } from '../src/validation'
import { messages } from './messages'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const url = new URL(request.url)
  const type = OFFICE_TYPES.find((c) => c === url.searchParams.get('jenis'))
  const kecamatan = url.searchParams.get('kecamatan')?.trim().slice(0, 100) || undefined
  const cursor = url.searchParams.get('cursor') ?? undefined
  const query = { limit: moduleSettings(ctx, 'directory', settings).pageSize, type, kecamatan }
  const page = await listOffices(ctx, { ...query, cursor }).catch((error) => {
    // A stale or edited cursor starts over rather than failing.
    if (cursor) return listOffices(ctx, query)
    throw error
  })
  const [hours, counts] = await Promise.all([officeHoursNow(ctx, page.items), officeTypeCounts(ctx)])
  return {
    type: type ?? null,
    kecamatan: kecamatan ?? null,
    // Only types with offices (and the one asked for), each with its count.
    types: OFFICE_TYPES.filter((t) => counts[t] || t === type).map((t) => ({
      value: t,
      label: OFFICE_TYPE_LABELS[t],
      count: counts[t] ?? 0,
    })),
    typeLabels: OFFICE_TYPE_LABELS,
    isFirst: !cursor,
    nextCursor: page.nextCursor,
    timezone: ctx.tenant.timezone,
    items: page.items.map((office) => ({ office, hours: hours.get(office.id) ?? null })),
  }
}

export const meta: MetaFunction = () => [{ title: 'Direktori perangkat daerah · Government directory' }]

/** Every office by name or type, each with whether it is open now. */
export default function OfficeList() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const typeLink = (type: string | null) => {
    const params = new URLSearchParams()
    if (type) params.set('jenis', type)
    if (data.kecamatan) params.set('kecamatan', data.kecamatan)
    return params.size > 0 ? `/direktori?${params}` : '/direktori'
  }
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <p>
        <Link to="/direktori/buka-sekarang">{t('openNowLink')} →</Link>
      </p>
      {data.kecamatan ? (
        <p className="filter-note">
          {t('inKecamatan', { kecamatan: data.kecamatan })} · <Link to="/direktori">{t('allKecamatan')}</Link>
        </p>
      ) : null}
      <nav className="chips" aria-label={t('filterType')}>
        <Link to={typeLink(null)} aria-current={data.type === null ? 'page' : undefined}>
          {t('all')}
        </Link>
        {data.types.map((type) => (
          <Link key={type.value} to={typeLink(type.value)} aria-current={data.type === type.value ? 'page' : undefined}>
            {pickText(type.label, locale)} <span className="muted">({type.count})</span>
          </Link>
        ))}
      </nav>
      {data.items.length === 0 ? <p>{t('empty')}</p> : null}
      <ul className="list offices">
        {data.items.map(({ office: o, hours }) => (
          <li key={o.id}>
            <Link to={`/direktori/${o.slug}`}>{pickText(o.name, locale)}</Link>
            {o.verification.verified ? null : <span className="badge badge-unverified">{t('unverifiedShort')}</span>}
            <div className="muted">
              {pickText(data.typeLabels[o.type], locale)}
              {o.kecamatan ? ` · ${o.kecamatan}` : null}
            </div>
            {hours ? (
              <div>
                <OpenStatus status={hours} at={hours.at} timezone={data.timezone} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <Pager basePath={typeLink(data.type)} isFirst={data.isFirst} nextCursor={data.nextCursor} />
    </>
  )
}
