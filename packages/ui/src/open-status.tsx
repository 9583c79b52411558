import { type Locale, type LocalizedText, pickText, translator } from '@cerdas/core/web'
import { formatMoment } from './schedule-format'
import { scheduleMessages } from './schedule-messages'
import { WithPageLocale } from './with-locale'

/** The status of a schedule as the API's ScheduleStatus gives it (ISO strings or Dates). */
export interface ScheduleStatusLike {
  open: boolean
  until: string | Date | null
  nextOpen: string | Date | null
  reason: { kind: string; label?: LocalizedText | undefined }
}

export interface OpenStatusProps {
  status: ScheduleStatusLike
  /** The instant the status was computed for (usually now). */
  at: string | Date
  /** Tenant (or schedule) IANA zone the times are shown in. */
  timezone: string
  /** Explicit locale; default the page's locale. */
  locale?: Locale
}

/**
 * The one-line opening status, in the tenant's zone.
 * @example statusText(...) // 'Buka · tutup 16:00', 'Istirahat sampai 13:30', 'Tutup — Hari Kemerdekaan', 'Tutup · buka Senin 08:00'
 */
export function openStatusText({ status, at, timezone, locale = 'id' }: OpenStatusProps): string {
  const t = translator(scheduleMessages, locale)
  const when = (instant: string | Date) => formatMoment(instant, at, timezone, locale)
  const label = status.reason.label ? pickText(status.reason.label, locale) : undefined
  if (status.open) {
    const head = status.until ? t('openUntil', { time: when(status.until) }) : t('openAlways')
    const special = ['override', 'extra', 'holiday'].includes(status.reason.kind) && label
    return special ? `${head} (${label})` : head
  }
  if (status.reason.kind === 'break' && status.until) return t('breakUntil', { time: when(status.until) })
  if ((status.reason.kind === 'holiday' || status.reason.kind === 'closure') && label) {
    const head = t('closedBecause', { reason: label })
    return status.nextOpen ? `${head} · ${t('opensAt', { time: when(status.nextOpen) })}` : head
  }
  return status.nextOpen ? t('closedOpens', { time: when(status.nextOpen) }) : t('closed')
}

function stateClass(status: ScheduleStatusLike): string {
  if (status.open) return 'open-status-open'
  return status.reason.kind === 'break' ? 'open-status-break' : 'open-status-closed'
}

function OpenStatusLine(props: OpenStatusProps & { locale: Locale }) {
  return (
    <span className={`open-status ${stateClass(props.status)}`}>
      <span className="open-status-dot" aria-hidden="true" />
      {openStatusText(props)}
    </span>
  )
}

/**
 * Whether a place is open now, holiday- and break-aware, without client JavaScript.
 * @example <OpenStatus status={status} at={status.at} timezone={tenant.timezone} />
 */
export function OpenStatus(props: OpenStatusProps) {
  const { locale } = props
  if (locale) return <OpenStatusLine {...props} locale={locale} />
  return <WithPageLocale render={(l) => <OpenStatusLine {...props} locale={l} />} />
}
