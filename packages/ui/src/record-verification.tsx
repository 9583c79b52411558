import { VerificationBadge } from './verification-badge'

export interface RecordVerificationProps {
  verification: { verified: boolean; verifiedAt: string | null; verifiedBy: string | null; source: string | null }
  /** Tenant zone the date is shown in. */
  timezone: string
  /** What the page says when the record is not verified (the module's own words: check before you go). */
  unverifiedNote: string
}

/**
 * A record page's verification line, with the module's warning when nobody has checked it yet.
 * @example <RecordVerification verification={office.verification} timezone={tz} unverifiedNote={t('unverifiedNote')} />
 */
export function RecordVerification({ verification, timezone, unverifiedNote }: RecordVerificationProps) {
  return (
    <>
      <p>
        <VerificationBadge
          verifiedAt={verification.verifiedAt}
          verifiedBy={verification.verifiedBy}
          source={verification.source}
          timezone={timezone}
        />
      </p>
      {verification.verified ? null : <p className="notice">{unverifiedNote}</p>}
    </>
  )
}
