import { type Locale, translator } from '@cerdas/core/web'
import { uiMessages } from './messages'
import { WithPageLocale } from './with-locale'

export interface PlaceDetailsProps {
  address: string | null
  /** Kecamatan or town, shown after the address. */
  area?: string | null | undefined
  coordinates: { lat: number; lon: number } | null
  contacts?: {
    phone?: string | null | undefined
    whatsapp?: string | null | undefined
    email?: string | null | undefined
    website?: string | null | undefined
  }
  /** Explicit locale; default the page's locale. */
  locale?: Locale
}

/** `0812-3456-789` → `6281234567890` for wa.me links (Indonesian numbers written locally). */
export function whatsappNumber(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  return digits.startsWith('0') ? `62${digits.slice(1)}` : digits
}

/**
 * Address, map links and contacts of a place, as plain links: no map library and no tiles, so it
 * stays light on slow mobile data; the map opens in OpenStreetMap or the phone's map app (geo:).
 * @example <PlaceDetails address={o.address} area={o.kecamatan} coordinates={o.coordinates} contacts={o.contacts} />
 */
export function PlaceDetails(props: PlaceDetailsProps) {
  const { locale } = props
  if (locale) return <PlaceDetailsList {...props} locale={locale} />
  return <WithPageLocale render={(l) => <PlaceDetailsList {...props} locale={l} />} />
}

function PlaceDetailsList({
  address,
  area,
  coordinates,
  contacts = {},
  locale,
}: PlaceDetailsProps & { locale: Locale }) {
  const t = translator(uiMessages, locale)
  const where = [address, area].filter(Boolean).join(', ')
  return (
    <dl className="place-details">
      <dt>{t('address')}</dt>
      <dd>{where || <span className="muted">{t('noAddress')}</span>}</dd>
      {coordinates ? (
        <>
          <dt>{t('map')}</dt>
          <dd className="map-links">
            <a
              href={`https://www.openstreetmap.org/?mlat=${coordinates.lat}&mlon=${coordinates.lon}#map=17/${coordinates.lat}/${coordinates.lon}`}
              rel="noopener"
            >
              {t('openMap')}
            </a>
            {' · '}
            <a
              href={`https://www.openstreetmap.org/directions?to=${coordinates.lat}%2C${coordinates.lon}`}
              rel="noopener"
            >
              {t('directions')}
            </a>
            {' · '}
            <a href={`geo:${coordinates.lat},${coordinates.lon}`}>{t('mapApp')}</a>
          </dd>
        </>
      ) : null}
      {contacts.phone ? (
        <>
          <dt>{t('phone')}</dt>
          <dd>
            <a href={`tel:${contacts.phone.replace(/[^\d+]/g, '')}`}>{contacts.phone}</a>
          </dd>
        </>
      ) : null}
      {contacts.whatsapp ? (
        <>
          <dt>WhatsApp</dt>
          <dd>
            <a href={`https://wa.me/${whatsappNumber(contacts.whatsapp)}`} rel="noopener">
              {contacts.whatsapp}
            </a>
          </dd>
        </>
      ) : null}
      {contacts.email ? (
        <>
          <dt>{t('email')}</dt>
          <dd>
            <a href={`mailto:${contacts.email}`}>{contacts.email}</a>
          </dd>
        </>
      ) : null}
      {contacts.website ? (
        <>
          <dt>{t('website')}</dt>
          <dd>
            <a href={contacts.website} rel="noopener">
              {contacts.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
            </a>
          </dd>
        </>
      ) : null}
    </dl>
  )
}
