import { formatInstant, type Locale, pickText, translator } from '@cerdas/core/web'
import { DUE_LABELS, STATUS_LABELS } from '../src/statuses'
import type { PublicReport } from '../src/types'
import { messages } from './messages'

/** Where a report is, publicly: desa and kecamatan only. */
export function placeOf(report: Pick<PublicReport, 'desa' | 'kecamatan'>): string {
  return [report.desa, report.kecamatan].filter(Boolean).join(', ') || '—'
}

/** "Batas tindak lanjut: Senin, 28 Desember 2026" in the tenant's zone, or null without a deadline. */
export function deadlineText(report: PublicReport, timezone: string, locale: Locale): string | null {
  if (!report.dueAt || !report.dueKind) return null
  const day = formatInstant(report.dueAt, { timezone }, locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })
  return `${pickText(DUE_LABELS[report.dueKind], locale)}: ${day}`
}

/** A report's status, text, deadline and public timeline: the public page and the tracking view share it. */
export function ReportSummary({
  report,
  timezone,
  locale,
}: {
  report: PublicReport
  timezone: string
  locale: Locale
}) {
  const t = translator(messages, locale)
  const deadline = deadlineText(report, timezone, locale)
  const when = (at: string) => formatInstant(at, { timezone }, locale, { dateStyle: 'long', timeStyle: 'short' })
  return (
    <>
      <p className={`report-status report-status-${report.status}`}>
        {t('statusNow', { status: pickText(STATUS_LABELS[report.status], locale) })}
        {report.overdue ? <strong className="report-overdue"> · {t('overdue')}</strong> : null}
      </p>
      {deadline ? <p className="report-deadline">{deadline}</p> : null}
      {report.statusReason ? <p>{t('statusReason', { reason: report.statusReason })}</p> : null}
      {report.mergedInto ? (
        <p>
          <a href={`/laporan/${report.mergedInto}`}>{t('mergedInto', { number: report.mergedInto })}</a>
        </p>
      ) : null}
      <p className="muted">
        {pickText(report.category.name, locale)} · {t('location', { place: placeOf(report) })} ·{' '}
        {t('receivedOn', { date: when(report.receivedAt) })}
      </p>
      {report.description !== null ? (
        <p className="report-description">{report.description}</p>
      ) : (
        <p className="report-hidden">{t('hiddenText', { reason: report.hiddenReason ?? '' })}</p>
      )}
      {report.photos.length > 0 ? (
        <section aria-labelledby="report-photos">
          <h2 id="report-photos">{t('photosHeading')}</h2>
          <ul className="report-photos">
            {report.photos.map((p) => (
              <li key={p.id}>
                <img src={p.url} alt={p.alt ?? t('photosHeading')} loading="lazy" width={320} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="report-timeline">
        <h2 id="report-timeline">{t('timeline')}</h2>
        <ol className="report-timeline">
          <li>
            <time dateTime={report.receivedAt}>{when(report.receivedAt)}</time> — {t('received')}
          </li>
          {report.timeline.map((e) => (
            <li
              key={`${e.at}-${e.kind}-${e.statusTo ?? ''}-${(e.body ?? '').slice(0, 20)}`}
              className={`report-event report-event-${e.kind}`}
            >
              <time dateTime={e.at}>{when(e.at)}</time> — {eventTitle(e, locale)}
              {e.body ? <p className="report-event-body">{e.body}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  )
}

function eventTitle(e: PublicReport['timeline'][number], locale: Locale): string {
  const t = translator(messages, locale)
  if (e.kind === 'status' && e.statusTo) return pickText(STATUS_LABELS[e.statusTo], locale)
  if (e.kind === 'reply') return t('reply')
  if (e.kind === 'confirm') return t('confirmed')
  if (e.kind === 'reopen') return t('reopened')
  if (e.kind === 'merge') return t('merged')
  if (e.kind === 'hide') return t('hidden')
  return e.statusTo ? pickText(STATUS_LABELS[e.statusTo], locale) : e.kind
}
