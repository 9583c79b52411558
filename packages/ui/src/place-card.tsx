import { type Locale, translator } from '@cerdas/core/web'
import type { ReactNode } from 'react'
import { uiMessages } from './messages'
import { OpenStatus, type ScheduleStatusLike } from './open-status'
import { WithPageLocale } from './with-locale'

export interface PlaceCardProps {
  name: string
  url: string
  /** Category or type, as the reader's language says it. */
  kind?: string | undefined
  kecamatan?: string | null | undefined
  /** Hours status now; null when the place has no hours yet. */
  status?: ScheduleStatusLike | null | undefined
  at: string
  timezone: string
  coordinates?: { lat: number; lon: number } | null | undefined
  /** Short facts after the status (price level, "free entry", "halal certified"). */
  facts?: string[] | undefined
  verified: boolean
  /** A thumbnail (a photo component) shown first. */
  media?: ReactNode
  locale?: Locale
}

/**
 * One place in a list: its name linking to its page, kind and kecamatan, whether it is open now,
 * a few facts, map links that work without the page's map, and the unverified mark.
 * @example <PlaceCard name={pickText(a.name, locale)} url={`/wisata/${a.slug}`} status={hours} at={at} timezone={zone} verified={a.verification.verified} />
 */
export function PlaceCard(props: PlaceCardProps) {
  const { locale } = props
  if (locale) return <PlaceCardItem {...props} locale={locale} />
  return <WithPageLocale render={(l) => <PlaceCardItem {...props} locale={l} />} />
}

function PlaceCardItem(p: PlaceCardProps & { locale: Locale }) {
  const t = translator(uiMessages, p.locale)
  const where = [p.kind, p.kecamatan].filter(Boolean).join(' · ')
  return (
    <li className="place-card">
      {p.media}
      <div>
        <h3>
          <a href={p.url}>{p.name}</a>
        </h3>
        {where ? <p className="muted">{where}</p> : null}
        {p.status ? (
          <OpenStatus status={p.status} at={p.at} timezone={p.timezone} locale={p.locale} />
        ) : (
          <p className="muted">{t('noHours')}</p>
        )}
        {p.facts && p.facts.length > 0 ? <p className="place-facts">{p.facts.join(' · ')}</p> : null}
        {p.coordinates ? (
          <p className="map-links">
            <a
              href={`https://www.openstreetmap.org/?mlat=${p.coordinates.lat}&mlon=${p.coordinates.lon}#map=16/${p.coordinates.lat}/${p.coordinates.lon}`}
              rel="noopener"
            >
              {t('openMap')}
            </a>
            {' · '}
            <a href={`geo:${p.coordinates.lat},${p.coordinates.lon}`}>{t('mapApp')}</a>
          </p>
        ) : null}
        {p.verified ? null : <p className="unverified-mark">{t('notVerified')}</p>}
      </div>
    </li>
  )
}
