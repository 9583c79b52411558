import { type Locale, type LocalizedText, pickText, translator } from '@cerdas/core/web'
import type { ScheduleStatusLike } from './open-status'
import { formatMoment, zonedParts } from './schedule-format'
import { scheduleMessages } from './schedule-messages'
import { WithPageLocale } from './with-locale'

export interface PresenceStatusProps {
  /** Status of the presence schedule at `at` (open = the officer is at the desk). */
  status: ScheduleStatusLike & {
    today: { intervals: { start: string; end: string; overnight?: boolean }[] }
  }
  at: string | Date
  timezone: string
  /** Role or desk, e.g. "Petugas perekaman KTP-el"; default "Petugas" / "Officer". */
  role?: LocalizedText | null
  locale?: Locale
}

/**
 * "Petugas hadir 08:30–12:00" or "Petugas tidak hadir hari ini", in the tenant's zone.
 */
export function presenceStatusText({ status, at, timezone, role, locale = 'id' }: PresenceStatusProps): string {
  const t = translator(scheduleMessages, locale)
  const roleText = role ? pickText(role, locale) : undefined
  const intervals = status.today.intervals
  if (intervals.length > 0) {
    const times = intervals.map((iv) => `${iv.start}–${iv.end}`).join(', ')
    const head = roleText ? t('presentRole', { role: roleText, times }) : t('present', { times })
    if (status.open) return `${head} · ${t('onDutyNow')}`
    // Today's hours alone would mislead someone arriving after the shift or during its break.
    const now = zonedParts(at, timezone).time
    const last = intervals[intervals.length - 1]
    const first = intervals[0]
    if (last && !last.overnight && last.end !== '24:00' && now >= last.end) {
      const again = status.nextOpen
        ? ` · ${t('presentAgain', { time: formatMoment(status.nextOpen, at, timezone, locale) })}`
        : ''
      return `${head} · ${t('offDutyNow')}${again}`
    }
    if (first && now >= first.start) return `${head} · ${t('onBreakNow')}`
    return head
  }
  let text = roleText ? t('absentRole', { role: roleText }) : t('absent')
  const label = status.reason.label ? pickText(status.reason.label, locale) : undefined
  if ((status.reason.kind === 'holiday' || status.reason.kind === 'closure') && label) text += ` — ${label}`
  if (status.nextOpen) text += ` · ${t('presentAgain', { time: formatMoment(status.nextOpen, at, timezone, locale) })}`
  return text
}

function PresenceLine(props: PresenceStatusProps & { locale: Locale }) {
  const present = props.status.today.intervals.length > 0
  return (
    <span className={`presence-status ${present ? 'presence-today' : 'presence-absent'}`}>
      {presenceStatusText(props)}
    </span>
  )
}

/**
 * When the officer for a service is at the desk today.
 * @example <PresenceStatus status={p.status} at={p.status.at} timezone={tz} role={p.schedule.role} />
 */
export function PresenceStatus(props: PresenceStatusProps) {
  const { locale } = props
  if (locale) return <PresenceLine {...props} locale={locale} />
  return <WithPageLocale render={(l) => <PresenceLine {...props} locale={l} />} />
}
