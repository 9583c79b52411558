import { orNotFound, photoUrl, pickText, tenantContext, translator } from '@cerdas/core/web'
import { dayNumber, formatDay } from '@cerdas/schedules'
import { PhotoGallery, PlaceDetails, RecordVerification, shareImageUrl, socialMeta, useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import type { TourismEvent } from '../src/index'
import {
  event,
  eventJsonLd,
  eventOccurrences,
  firstOccurrence,
  todayOf,
  upcomingOccurrences,
  venuesOf,
} from '../src/index'
import { EVENT_CATEGORY_LABELS, RECURRENCE_LABELS, WEEKDAY_LABELS } from '../src/labels'
import { datesText, rupiah, timesText } from './event-text'
import { messages } from './messages'

/** Next dates an event's page lists. */
const NEXT_SHOWN = 5

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const locale = context.locale
  const url = new URL(request.url)
  const e = (await orNotFound(event.get(ctx, params.slug ?? ''))) as TourismEvent
  const today = todayOf(ctx)
  const next = upcomingOccurrences(e, today, NEXT_SHOWN)
  // A past event's page shows its last occurrence (within the two years before today).
  const last = eventOccurrences(e, formatDay(dayNumber(today) - 2 * 366), formatDay(dayNumber(today) - 1)).at(-1)
  const shown = next[0] ?? last ?? firstOccurrence(e)
  const venue = (await venuesOf(ctx, [e])).get(e.id)
  const pageUrl = `${url.origin}${event.urls.record(e)}`
  return {
    event: e,
    listUrl: event.urls.list,
    past: next.length === 0,
    next,
    shown,
    venue,
    pageUrl,
    icsUrl: `/api/v1/tourism/events/${e.slug}/ics`,
    timezone: ctx.tenant.timezone,
    jsonLd: shown
      ? eventJsonLd(e, shown, {
          url: pageUrl,
          zone: ctx.tenant.timezone,
          region: ctx.tenant.province,
          venue,
          images: e.photos.map((p) => `${url.origin}${photoUrl(p.id, p.width, 'jpg')}`),
        })
      : null,
    social: socialMeta({
      title: `${pickText(e.name, locale)} · ${ctx.tenant.name}`,
      description: e.description
        ? pickText(e.description, locale)
        : pickText(EVENT_CATEGORY_LABELS[e.category], locale),
      url: pageUrl,
      image: shareImageUrl(event, e, locale),
      locale,
      siteName: ctx.tenant.name,
    }),
    tenantName: ctx.tenant.name,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: 'Acara' }]
  return [
    { title: `${data.event.name.id} · ${data.tenantName}` },
    ...data.social,
    ...(data.jsonLd ? [{ 'script:ld+json': data.jsonLd }] : []),
  ]
}

/** An event: its next dates (or that it is over), venue, organiser, price, calendar download. */
export default function EventPage() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const { event: e, venue } = data
  const text = (value: { id: string; en?: string | undefined } | null) => (value ? pickText(value, locale) : null)
  const times = timesText(t, e)
  const rule =
    e.recurrence === 'none'
      ? null
      : `${pickText(RECURRENCE_LABELS[e.recurrence], locale)}${
          e.recurrence === 'weekly' && e.weekday ? ` (${pickText(WEEKDAY_LABELS[e.weekday], locale)})` : ''
        }`
  return (
    <article className="event-page" lang={locale === 'en' && e.name.en ? 'en' : 'id'}>
      <p>
        <Link to={data.listUrl}>{t('eventsBack')}</Link>
      </p>
      <p className="muted">{pickText(EVENT_CATEGORY_LABELS[e.category], locale)}</p>
      <h1>{pickText(e.name, locale)}</h1>
      <RecordVerification
        verification={e.verification}
        timezone={data.timezone}
        unverifiedNote={t('eventUnverifiedNote')}
      />
      {data.past ? <p className="notice past-event">{t('pastEvent')}</p> : null}

      <section aria-labelledby="dates-heading">
        <h2 id="dates-heading">{data.past ? t('datesHeading') : t('nextDates')}</h2>
        <ul className="list event-dates">
          {(data.past ? (data.shown ? [data.shown] : []) : data.next).map((o) => (
            <li key={o.startDate}>
              <time dateTime={o.startDate}>{datesText(t, o, locale)}</time>
              {` · ${times ?? t('allDay')}`}
            </li>
          ))}
        </ul>
        {rule ? (
          <p>
            {e.recurrenceUntil
              ? t('recursUntil', {
                  rule,
                  date: datesText(t, { startDate: e.recurrenceUntil, endDate: e.recurrenceUntil }, locale),
                })
              : t('recurs', { rule })}
          </p>
        ) : null}
        {data.past ? null : (
          <p>
            <a className="button" href={data.icsUrl} download={`${e.slug}.ics`} type="text/calendar">
              {t('addToCalendar')}
            </a>
          </p>
        )}
      </section>

      <PhotoGallery photos={e.photos} locale={locale} eagerFirst />
      {e.description ? <p className="lead">{text(e.description)}</p> : null}

      <section aria-labelledby="venue-heading">
        <h2 id="venue-heading">{t('venueHeading')}</h2>
        {venue?.name ? <p>{venue.url ? <Link to={venue.url}>{text(venue.name)}</Link> : text(venue.name)}</p> : null}
        {venue && (venue.address || venue.kecamatan || venue.coordinates) ? (
          <PlaceDetails
            address={venue.address}
            area={venue.kecamatan}
            coordinates={venue.coordinates}
            locale={locale}
          />
        ) : venue?.name ? null : (
          <p>{t('venueNone')}</p>
        )}
      </section>

      <section aria-labelledby="price-heading">
        <h2 id="price-heading">{t('priceHeading')}</h2>
        {e.free ? <p>{t('priceFree')}</p> : null}
        {e.price ? <p>{rupiah(e.price, locale)}</p> : null}
        {e.priceNote ? <p>{text(e.priceNote)}</p> : null}
        {!e.free && !e.price && !e.priceNote ? <p>{t('priceNone')}</p> : null}
        {e.organizer ? <p>{t('organizer', { name: e.organizer })}</p> : null}
        {e.link ? (
          <p>
            <a href={e.link} rel="noopener">
              {t('moreInfo')}
            </a>
          </p>
        ) : null}
      </section>

      {e.sourceNote ? (
        <section aria-labelledby="source-heading">
          <h2 id="source-heading">{t('sourceHeading')}</h2>
          <p className="muted">{e.sourceNote}</p>
        </section>
      ) : null}
    </article>
  )
}
