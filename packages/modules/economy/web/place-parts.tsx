import { pickText, translator } from '@cerdas/core/web'
import type { placeHours } from '@cerdas/places'
import { FACILITY_LABELS, type Facility } from '@cerdas/places/vocabulary'
import { ContactButtons, HoursSection, type MetaDescriptor, OpenStatus, PlaceDetails, useLocale } from '@cerdas/ui'
import { messages } from './messages'

type Hours = Awaited<ReturnType<typeof placeHours>>

/** A place's status now and, when it has hours, its week. */
export function HoursParts({ hours, at }: { hours: Hours; at: string }) {
  const locale = useLocale()
  const t = translator(messages, locale)
  return (
    <>
      <section aria-labelledby="status-heading">
        <h2 id="status-heading">{t('statusHeading')}</h2>
        {hours.status ? (
          <OpenStatus status={hours.status} at={at} timezone={hours.timezone} locale={locale} />
        ) : (
          <p className="muted">{t('noHours')}</p>
        )}
      </section>
      {hours.week && hours.status ? (
        <HoursSection
          headingId="week-heading"
          label={t('hoursHeading')}
          scheduleId={hours.status.scheduleId}
          week={{ ...hours, week: hours.week }}
        />
      ) : null}
    </>
  )
}

export function FacilitiesSection({ facilities }: { facilities: readonly string[] }) {
  const locale = useLocale()
  const t = translator(messages, locale)
  return (
    <section aria-labelledby="facilities-heading">
      <h2 id="facilities-heading">{t('facilitiesHeading')}</h2>
      {facilities.length === 0 ? (
        <p>{t('facilitiesNone')}</p>
      ) : (
        <ul className="facilities">
          {facilities.map((f) => (
            <li key={f}>{pickText(FACILITY_LABELS[f as Facility] ?? { id: f }, locale)}</li>
          ))}
        </ul>
      )}
    </section>
  )
}

interface ContactPlace {
  name: { id: string; en?: string | undefined }
  address: string | null
  desa: string | null
  kecamatan: string | null
  coordinates: { lat: number; lon: number } | null
  contacts: { phone: string | null; whatsapp: string | null; email: string | null; website: string | null }
}

/** Call, WhatsApp and (for lodgings) booking buttons, then address, directions and other contacts. */
export function ContactSection({
  place,
  pageUrl,
  booking,
}: {
  place: ContactPlace
  pageUrl: string
  booking?: string | null | undefined
}) {
  const locale = useLocale()
  const t = translator(messages, locale)
  return (
    <section aria-labelledby="contact-heading">
      <h2 id="contact-heading">{t('contactHeading')}</h2>
      <ContactButtons
        name={pickText(place.name, locale)}
        url={pageUrl}
        contacts={place.contacts}
        booking={booking}
        locale={locale}
      />
      {place.contacts.phone || place.contacts.whatsapp ? null : <p>{t('contactNone')}</p>}
      <PlaceDetails
        address={[place.address, place.desa].filter(Boolean).join(', ') || null}
        area={place.kecamatan}
        coordinates={place.coordinates}
        contacts={{ email: place.contacts.email, website: place.contacts.website }}
        locale={locale}
      />
    </section>
  )
}

export function SourceSection({ note }: { note: string | null }) {
  const locale = useLocale()
  const t = translator(messages, locale)
  if (!note) return null
  return (
    <section aria-labelledby="source-heading">
      <h2 id="source-heading">{t('sourceHeading')}</h2>
      <p className="muted">{note}</p>
    </section>
  )
}

/** A detail page's meta: title, Open Graph/Twitter tags with the share image, and its JSON-LD. */
export function detailMeta(
  data: { social: MetaDescriptor[]; jsonLd: Record<string, unknown> } | undefined,
  fallback: string,
) {
  if (!data) return [{ title: fallback }]
  const title = data.social.find((m) => 'property' in m && m.property === 'og:title')
  return [
    { title: title && 'content' in title ? title.content : fallback },
    ...data.social,
    { 'script:ld+json': data.jsonLd },
  ]
}
