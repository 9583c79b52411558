import { orNotFound, photoUrl, pickText, tenantContext, translator } from '@cerdas/core/web'
import { placeHours, placeJsonLd } from '@cerdas/places'
import { FACILITY_LABELS, PRICE_LEVEL_LABELS } from '@cerdas/places/vocabulary'
import { dayNumber, formatDay } from '@cerdas/schedules'
import {
  ContactButtons,
  HoursSection,
  OpenStatus,
  PhotoGallery,
  PlaceDetails,
  RecordVerification,
  shareImageUrl,
  socialMeta,
  useLocale,
} from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
// Types in an import of their own: a `type` specifier beside values keeps the server module in the browser bundle.
import type { Attraction } from '../src/index'
import { attraction, attractionOwner, event, eventOccurrencesBetween, todayOf } from '../src/index'
import { ATTRACTION_CATEGORY_LABELS, VISITOR_TYPE_LABELS } from '../src/labels'
import { datesText, rupiah, timesText } from './event-text'
import { messages } from './messages'

/** Events shown on an attraction's page. */
const EVENTS_SHOWN = 5

/** schema.org's isAccessibleForFree: true when free, false when a fee above zero is known, else unsaid. */
function accessibleForFree(a: Attraction): boolean | undefined {
  if (a.freeEntry) return true
  return a.fees.some((f) => (f.amount ?? 0) > 0) ? false : undefined
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const locale = context.locale
  const url = new URL(request.url)
  const a = (await orNotFound(attraction.get(ctx, params.slug ?? ''))) as Attraction
  const hours = await placeHours(ctx, attractionOwner(a), { from: url.searchParams.get('from'), locale })
  const today = todayOf(ctx)
  const events = await eventOccurrencesBetween(ctx, {
    attraction: a.slug,
    from: today,
    to: formatDay(dayNumber(today) + 365),
  })
  const pageUrl = `${url.origin}${attraction.urls.record(a)}`
  const free = accessibleForFree(a)
  return {
    attraction: a,
    listUrl: attraction.urls.list,
    hours,
    at: ctx.now().toISOString(),
    events: events.items.slice(0, EVENTS_SHOWN).map((o) => ({
      id: `${o.event.id}-${o.startDate}`,
      name: o.event.name,
      url: event.urls.record(o.event),
      startDate: o.startDate,
      endDate: o.endDate,
      startTime: o.startTime,
      endTime: o.endTime,
    })),
    pageUrl,
    jsonLd: placeJsonLd('TouristAttraction', a, {
      url: pageUrl,
      region: ctx.tenant.province,
      hours: hours.schemaOrgHours,
      images: a.photos.map((p) => `${url.origin}${photoUrl(p.id, p.width, 'jpg')}`),
      extra: free === undefined ? undefined : { isAccessibleForFree: free },
    }),
    social: socialMeta({
      title: `${pickText(a.name, locale)} · ${ctx.tenant.name}`,
      description: a.description
        ? pickText(a.description, locale)
        : pickText(ATTRACTION_CATEGORY_LABELS[a.category], locale),
      url: pageUrl,
      image: shareImageUrl(attraction, a, locale),
      locale,
      siteName: ctx.tenant.name,
    }),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: 'Wisata' }]
  const title = data.social.find((m) => 'property' in m && m.property === 'og:title')
  return [
    { title: title && 'content' in title ? title.content : data.attraction.name.id },
    ...data.social,
    { 'script:ld+json': data.jsonLd },
  ]
}

/** An attraction: status now and the week's hours, photos, fees, how to get there, facilities, contacts, events. */
export default function AttractionPage() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const { attraction: a, hours } = data
  const text = (value: { id: string; en?: string | undefined } | null) => (value ? pickText(value, locale) : null)
  const facilities = a.facilities.map((f) => pickText(FACILITY_LABELS[f], locale))
  return (
    <article className="attraction-page" lang={locale === 'en' && a.name.en ? 'en' : 'id'}>
      <p>
        <Link to={data.listUrl}>{t('back')}</Link>
      </p>
      <p className="muted">
        {pickText(ATTRACTION_CATEGORY_LABELS[a.category], locale)}
        {a.kecamatan ? ` · ${a.kecamatan}` : null}
      </p>
      <h1>{pickText(a.name, locale)}</h1>
      <RecordVerification
        verification={a.verification}
        timezone={hours.timezone}
        unverifiedNote={t('unverifiedNote')}
      />
      <section aria-labelledby="status-heading">
        <h2 id="status-heading">{t('statusHeading')}</h2>
        {hours.status ? (
          <OpenStatus status={hours.status} at={data.at} timezone={hours.timezone} locale={locale} />
        ) : (
          <p className="muted">
            {t('hoursHeading')}: {t('feeUnknown')}
          </p>
        )}
      </section>
      <PhotoGallery photos={a.photos} locale={locale} eagerFirst />
      {a.description ? <p className="lead">{text(a.description)}</p> : null}

      {hours.week && hours.status ? (
        <HoursSection
          headingId="week-heading"
          label={t('hoursHeading')}
          scheduleId={hours.status.scheduleId}
          week={{ ...hours, week: hours.week }}
        />
      ) : null}

      <section aria-labelledby="fees-heading">
        <h2 id="fees-heading">{t('feesHeading')}</h2>
        {a.freeEntry ? <p>{t('freeEntry')}</p> : null}
        {a.fees.length === 0 ? (
          a.freeEntry ? null : (
            <p>{t('feesNone')}</p>
          )
        ) : (
          <table className="fees">
            <thead>
              <tr>
                <th scope="col">{t('feeType')}</th>
                <th scope="col">{t('feeNote')}</th>
                <th scope="col">{t('feeAmount')}</th>
              </tr>
            </thead>
            <tbody>
              {a.fees.map((f, i) => (
                // Fees keep the order the team gave them; a row has no id of its own.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <tr key={i}>
                  <td>{pickText(VISITOR_TYPE_LABELS[f.visitorType], locale)}</td>
                  <td>{text(f.label) ?? ''}</td>
                  <td>
                    {f.amount === null ? <span className="muted">{t('feeUnknown')}</span> : rupiah(f.amount, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {a.priceLevel ? <p>{t('priceLevel', { level: pickText(PRICE_LEVEL_LABELS[a.priceLevel], locale) })}</p> : null}
      </section>

      {a.howToGetThere ? (
        <section aria-labelledby="how-heading">
          <h2 id="how-heading">{t('howHeading')}</h2>
          <p>{text(a.howToGetThere)}</p>
        </section>
      ) : null}

      <section aria-labelledby="facilities-heading">
        <h2 id="facilities-heading">{t('facilitiesHeading')}</h2>
        {facilities.length === 0 ? (
          <p>{t('facilitiesNone')}</p>
        ) : (
          <ul className="facilities">
            {facilities.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        )}
      </section>

      {a.accessibility ? (
        <section aria-labelledby="access-heading">
          <h2 id="access-heading">{t('accessibilityHeading')}</h2>
          <p>{text(a.accessibility)}</p>
        </section>
      ) : null}
      {a.bestTime ? (
        <section aria-labelledby="best-heading">
          <h2 id="best-heading">{t('bestTimeHeading')}</h2>
          <p>{text(a.bestTime)}</p>
        </section>
      ) : null}

      <section aria-labelledby="contact-heading">
        <h2 id="contact-heading">{t('contactHeading')}</h2>
        <ContactButtons name={pickText(a.name, locale)} url={data.pageUrl} contacts={a.contacts} locale={locale} />
        {a.contacts.phone || a.contacts.whatsapp ? null : <p>{t('contactNone')}</p>}
        <PlaceDetails
          address={[a.address, a.desa].filter(Boolean).join(', ') || null}
          area={a.kecamatan}
          coordinates={a.coordinates}
          contacts={{ email: a.contacts.email, website: a.contacts.website }}
          locale={locale}
        />
      </section>

      {data.events.length > 0 ? (
        <section aria-labelledby="events-heading">
          <h2 id="events-heading">{t('eventsHeading')}</h2>
          <ul className="list">
            {data.events.map((e) => (
              <li key={e.id}>
                <Link to={e.url}>{pickText(e.name, locale)}</Link>
                <div className="muted">
                  {datesText(t, e, locale)}
                  {timesText(t, e) ? ` · ${timesText(t, e)}` : null}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {a.sourceNote ? (
        <section aria-labelledby="source-heading">
          <h2 id="source-heading">{t('sourceHeading')}</h2>
          <p className="muted">{a.sourceNote}</p>
        </section>
      ) : null}
    </article>
  )
}
