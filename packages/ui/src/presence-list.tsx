import { type Locale, type LocalizedText, pickText } from '@cerdas/core/web'
import { Link } from '@remix-run/react'
import { PresenceStatus, type PresenceStatusProps } from './presence-status'
import { WithPageLocale } from './with-locale'

export interface PresenceListProps {
  entries: {
    schedule: { id: string; label: LocalizedText; role: LocalizedText | null }
    status: PresenceStatusProps['status'] & { at: string }
  }[]
  timezone: string
  className?: string
  locale?: Locale
}

function PresenceItems({ entries, timezone, className, locale }: PresenceListProps & { locale: Locale }) {
  return (
    <ul className={`list ${className ?? ''}`.trim()}>
      {entries.map((p) => (
        <li key={p.schedule.id}>
          <PresenceStatus
            status={p.status}
            at={p.status.at}
            timezone={timezone}
            role={p.schedule.role}
            locale={locale}
          />{' '}
          <Link to={`/jadwal/${p.schedule.id}`} className="muted">
            {pickText(p.schedule.label, locale)}
          </Link>
        </li>
      ))}
    </ul>
  )
}

/**
 * When the officers are at their desks today, each with a link to its full presence schedule.
 * @example <PresenceList entries={detail.presence} timezone={tenant.timezone} />
 */
export function PresenceList(props: PresenceListProps) {
  const { locale } = props
  if (locale) return <PresenceItems {...props} locale={locale} />
  return <WithPageLocale render={(l) => <PresenceItems {...props} locale={l} />} />
}
