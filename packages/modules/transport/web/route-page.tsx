import { orNotFound, pickText, tenantContext, translator } from '@cerdas/core/web'
import { tenantHolidayCalendar } from '@cerdas/module-schedules'
import { dayNumber, departureTrips, formatDay, localDateOf, upcomingDepartureChanges } from '@cerdas/schedules'
import {
  ContactButtons,
  PhotoGallery,
  PlaceDetails,
  RecordVerification,
  shareImageUrl,
  socialMeta,
  useLocale,
} from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import transport, {
  daysOfRoute,
  departuresOfRoute,
  FARE_KIND_LABELS,
  type Route,
  route as routeEntity,
  TRANSPORT_MODE_LABELS,
  tripTypeOf,
} from '../src/index'
import { routeJsonLd } from '../src/json-ld'
import { leftTodayText, messages, nextText, reasonText, shortDate, weekdayName, zoneName } from './departure-text'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const { locale } = context
  const url = new URL(request.url)
  const route = (await orNotFound(routeEntity.get(ctx, params.slug ?? ''))) as unknown as Route
  const calendar = await tenantHolidayCalendar(ctx)
  const departures = departuresOfRoute(ctx, route, calendar, { limit: transport.settingsOf(ctx).nextCount })
  const zone = route.timetable.zone
  const today = localDateOf(ctx.now(), zone)
  const wanted = url.searchParams.get('from')
  // Any real date may start the week; anything else shows this week.
  const from = wanted && !Number.isNaN(dayNumber(wanted)) ? wanted : today
  const next = departures.next
  const type = tripTypeOf(route.mode)
  const pageUrl = `${url.origin}/transportasi/${route.slug}`
  return {
    route,
    departures,
    today,
    tomorrow: formatDay(dayNumber(today) + 1),
    week: daysOfRoute(route, calendar, from, 7),
    weekFrom: from,
    previousWeek: formatDay(dayNumber(from) - 7),
    nextWeek: formatDay(dayNumber(from) + 7),
    upcoming: upcomingDepartureChanges(route.timetable, today),
    mode: TRANSPORT_MODE_LABELS[route.mode],
    fareKinds: FARE_KIND_LABELS,
    jsonLd: routeJsonLd(route, {
      url: pageUrl,
      trips: departureTrips(
        next.map((d) => ({ ...d, at: new Date(d.at), reason: { kind: d.reason.kind } })),
        type,
        route.durationMinutes,
      ),
    }),
    social: socialMeta({
      title: `${pickText(route.name, locale)} · ${ctx.tenant.name}`,
      description: `${route.originName} → ${route.destinationName}. ${pickText(TRANSPORT_MODE_LABELS[route.mode], locale)}.`,
      url: pageUrl,
      image: shareImageUrl(routeEntity, route, locale),
      locale,
      siteName: ctx.tenant.name,
    }),
    pageUrl,
    tenantName: ctx.tenant.name,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: 'Transportasi' }]
  return [{ title: `${data.route.name.id} · ${data.tenantName}` }, ...data.social, { 'script:ld+json': data.jsonLd }]
}

/** A route: next departures, today's times, the week with holidays, fares, piers and contacts. */
export default function RoutePage() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const { route: r, departures: d } = data
  const zone = zoneName(d.timezone)
  const todayNote = reasonText(t, d.day.reason, d.day.holiday, locale)
  const leftToday = d.day.times.length > 0 && d.next[0]?.date !== data.today
  return (
    <article className="transport-route-page">
      <p>
        <Link to="/transportasi">{t('back')}</Link>
      </p>
      <p className="muted">
        {pickText(data.mode, locale)}
        {r.operator ? ` · ${r.operator}` : null}
      </p>
      <h1>{pickText(r.name, locale)}</h1>
      <p className="lead">
        {r.originName} → {r.destinationName}
      </p>
      <RecordVerification verification={r.verification} timezone={d.timezone} unverifiedNote={t('unverifiedNote')} />
      <PhotoGallery photos={r.photos} locale={locale} eagerFirst />

      {d.noTimetable ? (
        <p className="notice">{t('noDataLong')}</p>
      ) : (
        <>
          <section aria-labelledby="next-heading">
            <h2 id="next-heading">{t('nextHeading')}</h2>
            {todayNote ? <p className="notice holiday-notice">{todayNote}</p> : null}
            <p className="next-departure">
              <strong>
                {d.next[0]
                  ? leftToday
                    ? leftTodayText(t, d.next[0], data.tomorrow, locale)
                    : nextText(t, d.next[0], data.today, data.tomorrow, locale)
                  : t('noNext')}
              </strong>
            </p>
            {d.next.length > 1 ? (
              <ol className="departures">
                {d.next.map((n) => (
                  <li key={n.at}>
                    <time dateTime={n.at}>
                      {n.date === data.today ? n.time : `${shortDate(n.date, locale)} ${n.time}`}
                    </time>
                  </li>
                ))}
              </ol>
            ) : null}
          </section>

          <section aria-labelledby="today-heading">
            <h2 id="today-heading">{t('todayHeading', { date: shortDate(d.day.date, locale) })}</h2>
            {d.day.times.length === 0 ? (
              <p>{t('todayNone')}</p>
            ) : (
              <ul className="times">
                {d.day.times.map((time) => (
                  <li key={time} className={d.next.some((n) => n.date === d.day.date && n.time === time) ? '' : 'past'}>
                    {time}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="week-heading">
            <h2 id="week-heading">{t('weekHeading')}</h2>
            <table className="week-departures">
              <tbody>
                {data.week.map((day) => {
                  const note = reasonText(t, day.reason, day.holiday, locale)
                  return (
                    <tr key={day.date} aria-current={day.date === data.today ? 'date' : undefined}>
                      <th scope="row">
                        {weekdayName(t, day.weekday)} {day.date.slice(8)}/{day.date.slice(5, 7)}
                      </th>
                      <td>
                        {day.times.length > 0 ? day.times.join(' · ') : <span className="muted">{t('dayNone')}</span>}
                        {note ? <div className="muted">{note}</div> : null}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
            <p>
              <Link to={`?from=${data.previousWeek}`} rel="nofollow">
                {t('weekEarlier')}
              </Link>{' '}
              ·{' '}
              <Link to={`?from=${data.nextWeek}`} rel="nofollow">
                {t('weekLater')}
              </Link>
            </p>
            {data.upcoming.overrides.length + data.upcoming.exceptions.length > 0 ? (
              <>
                <h3>{t('upcomingHeading')}</h3>
                <ul className="list">
                  {data.upcoming.overrides.map((o) => (
                    <li key={o.from}>
                      {t('upcomingRange', {
                        from: shortDate(o.from, locale),
                        to: shortDate(o.to, locale),
                        label: pickText(o.reason, locale),
                      })}
                    </li>
                  ))}
                  {data.upcoming.exceptions.map((e) => (
                    <li key={e.date}>
                      {t(e.times.length === 0 ? 'upcomingCancelled' : 'upcomingDate', {
                        date: shortDate(e.date, locale),
                        label: pickText(e.reason, locale),
                      })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <p className="muted">{t('timesIn', { zone })}</p>
            <p>
              <a href={`/api/v1/transport/routes/${r.slug}/ical?days=30`}>{t('icalLink')}</a>
            </p>
          </section>
        </>
      )}

      <section aria-labelledby="fares-heading">
        <h2 id="fares-heading">{t('faresHeading')}</h2>
        {r.fares.length === 0 ? (
          <p>{t('faresNone')}</p>
        ) : (
          <table className="fares">
            <thead>
              <tr>
                <th scope="col">{t('fareKind')}</th>
                <th scope="col">{t('fareCategory')}</th>
                <th scope="col">{t('fareAmount')}</th>
              </tr>
            </thead>
            <tbody>
              {r.fares.map((f) => (
                <tr key={`${f.kind}-${f.category.id}`}>
                  <td>{pickText(data.fareKinds[f.kind], locale)}</td>
                  <td>{pickText(f.category, locale)}</td>
                  <td>
                    {new Intl.NumberFormat(locale === 'en' ? 'en-ID' : 'id-ID', {
                      style: 'currency',
                      currency: 'IDR',
                      maximumFractionDigits: 0,
                    }).format(f.amount)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="trip-heading">
        <h2 id="trip-heading">{t('tripHeading')}</h2>
        {r.durationMinutes ? <p>{t('duration', { minutes: r.durationMinutes })}</p> : null}
        <h3>{t('origin')}</h3>
        <PlaceDetails address={r.originName} area={r.originKecamatan} coordinates={r.originPoint} locale={locale} />
        <h3>{t('destination')}</h3>
        <PlaceDetails
          address={r.destinationName}
          area={r.destinationKecamatan}
          coordinates={r.destinationPoint}
          locale={locale}
        />
      </section>

      <section aria-labelledby="booking-heading">
        <h2 id="booking-heading">{t('bookingHeading')}</h2>
        {r.operator ? (
          <p>
            {t('operator')}: {r.operator}
          </p>
        ) : null}
        {r.bookingInfo ? <p>{pickText(r.bookingInfo, locale)}</p> : null}
        <ContactButtons name={pickText(r.name, locale)} url={data.pageUrl} contacts={r.contacts} locale={locale} />
        {r.contacts.email || r.contacts.website ? (
          <p>
            {r.contacts.email ? <a href={`mailto:${r.contacts.email}`}>{r.contacts.email}</a> : null}
            {r.contacts.email && r.contacts.website ? ' · ' : null}
            {r.contacts.website ? (
              <a href={r.contacts.website} rel="noopener">
                {r.contacts.website}
              </a>
            ) : null}
          </p>
        ) : null}
      </section>

      {r.notes ? (
        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading">{t('notesHeading')}</h2>
          <p>{pickText(r.notes, locale)}</p>
        </section>
      ) : null}
      {r.sourceNote ? (
        <section aria-labelledby="source-heading">
          <h2 id="source-heading">{t('sourceHeading')}</h2>
          <p className="muted">{r.sourceNote}</p>
        </section>
      ) : null}
    </article>
  )
}
