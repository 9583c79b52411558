import { formatInstant, pickText, tenantContext, translator } from '@cerdas/core/web'
import { PlaceMap, useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { category as categoryEntity, listPublicReports } from '../src/index'
import { REPORT_STATUSES, STATUS_LABELS } from '../src/statuses'
import type { PublicReportFilters } from '../src/types'
import { messages } from './messages'
import { placeOf } from './report-view'

const STATUS_FILTERS = ['open', 'closed', ...REPORT_STATUSES] as const

/** The list's filters from its query (unknown values are ignored, not errors). */
export function filtersOf(params: URLSearchParams): PublicReportFilters {
  const status = params.get('status')
  const page = Number.parseInt(params.get('halaman') ?? '1', 10)
  return {
    status: (STATUS_FILTERS as readonly string[]).includes(status ?? '')
      ? (status as PublicReportFilters['status'])
      : undefined,
    category: params.get('kategori')?.slice(0, 100) || undefined,
    kecamatan: params.get('kecamatan')?.slice(0, 100) || undefined,
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 10_000) : 1,
  }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const locale = context.locale
  const filters = filtersOf(new URL(request.url).searchParams)
  const [page, categories] = await Promise.all([
    listPublicReports(ctx, filters),
    categoryEntity.list(ctx, { limit: 100 }) as Promise<{
      items: { slug: string; name: { id: string; en?: string } }[]
    }>,
  ])
  return {
    filters,
    timezone: ctx.tenant.timezone,
    page,
    categories: categories.items.map((c) => ({ slug: c.slug, name: pickText(c.name, locale) })),
    tileUrl: ctx.tenant.branding.mapTileUrl ?? null,
    attribution: ctx.tenant.branding.mapAttribution ?? null,
  }
}

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches[0]?.data as { locale?: 'id' | 'en' } | undefined)?.locale ?? 'id'
  return [{ title: translator(messages, locale)('listTitle') }, { name: 'robots', content: 'noindex' }]
}

/** Public reports with status, category and kecamatan filters; points only as rounded public points. */
export default function ReportList() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const { page, filters } = data
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize))
  const link = (n: number) => {
    const q = new URLSearchParams()
    if (filters.status) q.set('status', filters.status)
    if (filters.category) q.set('kategori', filters.category)
    if (filters.kecamatan) q.set('kecamatan', filters.kecamatan)
    if (n > 1) q.set('halaman', String(n))
    const s = q.toString()
    return s ? `/laporan?${s}` : '/laporan'
  }
  const markers = page.items.flatMap((r) =>
    r.publicPoint
      ? [{ name: `${r.number} · ${pickText(r.category.name, locale)}`, url: `/laporan/${r.number}`, ...r.publicPoint }]
      : [],
  )
  return (
    <article className="report-list">
      <h1>{t('listTitle')}</h1>
      <p className="lead">{t('listIntro')}</p>
      <p>
        <a className="button" href="/lapor">
          {t('formTitle')}
        </a>{' '}
        · <a href="/lapor/lacak">{t('trackTitle')}</a>
      </p>
      <form method="get" action="/laporan" className="filters">
        <p>
          <label htmlFor="filter-status">{t('filterStatus')}</label>
          <select id="filter-status" name="status" defaultValue={filters.status ?? ''}>
            <option value="">{t('filterAll')}</option>
            <option value="open">{t('filterOpen')}</option>
            <option value="closed">{t('filterClosed')}</option>
            {REPORT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {pickText(STATUS_LABELS[s], locale)}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="filter-category">{t('filterCategory')}</label>
          <select id="filter-category" name="kategori" defaultValue={filters.category ?? ''}>
            <option value="">{t('filterAll')}</option>
            {data.categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="filter-kecamatan">{t('filterKecamatan')}</label>
          <input id="filter-kecamatan" name="kecamatan" defaultValue={filters.kecamatan ?? ''} maxLength={100} />
        </p>
        <p>
          <button type="submit">{t('filterApply')}</button>
        </p>
      </form>
      <p role="status">{t('listTotal', { total: page.total })}</p>
      <PlaceMap markers={markers} tileUrl={data.tileUrl} attribution={data.attribution} locale={locale} />
      {page.items.length === 0 ? (
        <p>{t('listEmpty')}</p>
      ) : (
        <ul className="report-items">
          {page.items.map((r) => (
            <li key={r.number} className="report-item">
              <h2>
                <a href={`/laporan/${r.number}`}>
                  {r.number} · {pickText(r.category.name, locale)}
                </a>
              </h2>
              <p>
                <span className={`report-status report-status-${r.status}`}>{pickText(r.statusLabel, locale)}</span>
                {r.overdue ? <strong className="report-overdue"> · {t('overdue')}</strong> : null} · {placeOf(r)} ·{' '}
                {formatInstant(r.receivedAt, { timezone: data.timezone }, locale)}
              </p>
              <p>
                {r.description !== null
                  ? r.description.slice(0, 200)
                  : t('hiddenText', { reason: r.hiddenReason ?? '' })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav className="pager" aria-label={t('pageOf', { page: page.page, pages })}>
          {page.page > 1 ? <a href={link(page.page - 1)}>{t('previous')}</a> : null}{' '}
          <span>{t('pageOf', { page: page.page, pages })}</span>{' '}
          {page.page < pages ? <a href={link(page.page + 1)}>{t('next')}</a> : null}
        </nav>
      ) : null}
    </article>
  )
}
