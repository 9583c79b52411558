import { formatInstant, translator } from '@cerdas/core/web'
import { uiMessages } from './messages'
import { useLocale } from './use-locale'

export interface VerificationBadgeProps {
  verifiedAt: string | null
  verifiedBy: string | null
  source?: string | null
  /** Tenant zone the date is shown in. */
  timezone: string
}

/**
 * Says plainly whether a record was checked, when and by whom.
 * @example <VerificationBadge verifiedAt={a.verifiedAt} verifiedBy={a.verifiedBy} timezone="Asia/Jakarta" />
 */
export function VerificationBadge({ verifiedAt, verifiedBy, source, timezone }: VerificationBadgeProps) {
  const locale = useLocale()
  const t = translator(uiMessages, locale)
  if (!verifiedAt) {
    return (
      <span className="badge badge-unverified" title={t('notVerifiedNote')}>
        {t('notVerified')}
      </span>
    )
  }
  const text = t('verifiedOn', { date: formatInstant(verifiedAt, { timezone }, locale), by: verifiedBy ?? '-' })
  return (
    <span className="badge badge-verified">
      {text}
      {source && /^https?:\/\//.test(source) ? (
        <>
          {' · '}
          <a href={source} rel="noopener">
            {t('source')}
          </a>
        </>
      ) : null}
    </span>
  )
}
