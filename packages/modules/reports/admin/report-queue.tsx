import { DIMENSIONS, type DimensionId } from '@cerdas/core'
import { pickText } from '@cerdas/core/web'
import { officeOptions } from '@cerdas/module-directory'
import { ConsoleNotice } from '@cerdas/ui'
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { category as categoryEntity } from '../src/category'
import { listReportQueue } from '../src/index'
import { REPORT_STATUSES, type ReportStatus, STATUS_LABELS } from '../src/statuses'
import { deadlineText, reportsScreen, sourceText } from './console.server'
import { noticeText, reportsT, useReportsT } from './messages'

export const meta: MetaFunction = () => [{ title: 'Laporan warga' }]

const STATUS_CHOICES = ['open', 'closed', 'all', ...REPORT_STATUSES] as const
type StatusChoice = (typeof STATUS_CHOICES)[number]

/** The queue's filters as the GET form sends them; anything unknown is ignored, not an error. */
function readFilters(url: URL, teams: DimensionId[] | null) {
  const q = url.searchParams
  const asked = q.get('status') ?? 'open'
  const status: StatusChoice = (STATUS_CHOICES as readonly string[]).includes(asked) ? (asked as StatusChoice) : 'open'
  const team = q.get('dimension') ?? ''
  const allowed = teams ?? DIMENSIONS.map((d) => d.id)
  // A team member sees their own team's reports only: an unlimited person may leave it open.
  const dimension = (allowed as string[]).includes(team) ? (team as DimensionId) : teams ? teams[0] : undefined
  const page = Number(q.get('page'))
  return {
    status,
    dimension,
    officeId: q.get('office') || undefined,
    category: q.get('category') || undefined,
    overdue: q.get('overdue') === '1',
    q: (q.get('q') ?? '').trim().slice(0, 200) || undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const screen = reportsScreen(context, request)
  const { ctx, locale } = screen
  const t = reportsT(locale)
  const url = new URL(request.url)
  const filters = readFilters(url, screen.teams)
  const [page, offices, categories] = await Promise.all([
    listReportQueue(ctx, {
      status: filters.status === 'all' ? undefined : filters.status,
      overdue: filters.overdue || undefined,
      dimension: filters.dimension,
      officeId: filters.officeId,
      category: filters.category,
      q: filters.q,
      page: filters.page,
    }),
    officeOptions(ctx),
    categoryEntity.list(ctx, { limit: 500 }),
  ])
  const rows = await Promise.all(
    page.items.map(async (r) => ({
      id: r.id,
      number: r.number,
      category: pickText(r.category.name, locale),
      place: [r.desa, r.kecamatan].filter(Boolean).join(', ') || '—',
      status: r.status,
      statusLabel: pickText(STATUS_LABELS[r.status], locale),
      deadline: await deadlineText(ctx, r, locale),
      source: sourceText(r.source, locale),
    })),
  )
  const { key, headers } = screen.takeNotice(request)
  const query = (pageNumber: number) => {
    const next = new URLSearchParams(url.searchParams)
    next.set('page', String(pageNumber))
    return `?${next.toString()}`
  }
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize))
  return data(
    {
      filters: { ...filters, dimension: filters.dimension ?? '', officeId: filters.officeId ?? '' },
      statusOptions: STATUS_CHOICES.map((value) => ({
        value,
        label:
          value === 'open'
            ? t('statusOpen')
            : value === 'closed'
              ? t('statusClosed')
              : value === 'all'
                ? t('statusAll')
                : pickText(STATUS_LABELS[value as ReportStatus], locale),
      })),
      teamOptions: DIMENSIONS.filter((d) => !screen.teams || screen.teams.includes(d.id)).map((d) => ({
        value: d.id,
        label: pickText(d.title, locale),
      })),
      teamLimited: Boolean(screen.teams),
      officeOptions: offices.map((o) => ({ value: o.value, label: pickText(o.label, locale) })),
      categoryOptions: categories.items.map((c) => ({ value: c.slug, label: pickText(c.name, locale) })),
      rows,
      total: page.total,
      previous: page.page > 1 ? query(page.page - 1) : null,
      next: page.page < pages ? query(page.page + 1) : null,
      notice: noticeText(key, locale),
    },
    { headers },
  )
}

export default function ReportQueue() {
  const d = useLoaderData<typeof loader>()
  const t = useReportsT()
  const f = d.filters
  return (
    <>
      <h1>{t('queueTitle')}</h1>
      <ConsoleNotice text={d.notice} />
      <p className="muted">{t('queueIntro')}</p>
      <form method="get" className="admin-form report-filters" aria-label={t('filters')}>
        <div className="field">
          <label htmlFor="f-status">{t('status')}</label>
          <select id="f-status" name="status" defaultValue={f.status}>
            {d.statusOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-team">{t('team')}</label>
          <select id="f-team" name="dimension" defaultValue={f.dimension}>
            {d.teamLimited ? null : <option value="">{t('anyTeam')}</option>}
            {d.teamOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-office">{t('office')}</label>
          <select id="f-office" name="office" defaultValue={f.officeId}>
            <option value="">{t('anyOffice')}</option>
            {d.officeOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-category">{t('category')}</label>
          <select id="f-category" name="category" defaultValue={f.category ?? ''}>
            <option value="">{t('anyCategory')}</option>
            {d.categoryOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-q">{t('text')}</label>
          <input id="f-q" name="q" type="search" defaultValue={f.q ?? ''} />
        </div>
        <div className="field field-checkbox">
          <label htmlFor="f-overdue" className="check">
            <input id="f-overdue" name="overdue" type="checkbox" value="1" defaultChecked={f.overdue} />{' '}
            {t('overdueOnly')}
          </label>
        </div>
        <div className="form-buttons">
          <button type="submit">{t('apply')}</button> <Link to="?">{t('reset')}</Link>
        </div>
      </form>

      <p role="status">{t('total', { count: d.total })}</p>
      {d.rows.length === 0 ? (
        <p>{t('noReports')}</p>
      ) : (
        <table className="admin-table report-queue">
          <thead>
            <tr>
              <th scope="col">{t('number')}</th>
              <th scope="col">{t('category')}</th>
              <th scope="col">{t('place')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('deadline')}</th>
              <th scope="col">{t('source')}</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.id} data-status={r.status} className={r.deadline.overdue ? 'overdue' : undefined}>
                <th scope="row">
                  <Link to={`/admin/laporan/${encodeURIComponent(r.id)}`}>{r.number}</Link>
                </th>
                <td>{r.category}</td>
                <td>{r.place}</td>
                <td>{r.statusLabel}</td>
                <td>
                  {r.deadline.overdue ? <strong>{r.deadline.text}</strong> : r.deadline.text}
                  {r.deadline.date ? <span className="muted"> · {r.deadline.date}</span> : null}
                </td>
                <td>{r.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {d.previous || d.next ? (
        <nav aria-label={t('pages')} className="pager">
          {d.previous ? <Link to={d.previous}>{t('previous')}</Link> : null}{' '}
          {d.next ? <Link to={d.next}>{t('next')}</Link> : null}
        </nav>
      ) : null}
    </>
  )
}
