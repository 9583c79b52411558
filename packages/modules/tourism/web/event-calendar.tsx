import { pickText, tenantContext, translator } from '@cerdas/core/web'
import { dayNumber, formatDay } from '@cerdas/schedules'
import { socialMeta, useLocale } from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { event, eventOccurrencesBetween, todayOf } from '../src/index'
import { EVENT_CATEGORIES, EVENT_CATEGORY_LABELS, type EventCategory } from '../src/labels'
import { datesText, timesText } from './event-text'
import { messages } from './messages'

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

/** First and last date of a month `YYYY-MM`. */
function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const from = `${month}-01`
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
  return { from, to: formatDay(dayNumber(next) - 1) }
}

/** The month before or after `YYYY-MM`. */
function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + by
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

const monthName = (month: string, locale: 'id' | 'en') =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`))

type Occurrence = Awaited<ReturnType<typeof eventOccurrencesBetween>>['items'][number]

const itemOf = (o: Occurrence) => ({
  key: `${o.event.id}-${o.startDate}`,
  name: o.event.name,
  url: event.urls.record(o.event),
  category: o.event.category,
  startDate: o.startDate,
  endDate: o.endDate,
  startTime: o.startTime,
  endTime: o.endTime,
  verified: o.event.verification.verified,
})

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = tenantContext(context)
  const locale = context.locale
  const url = new URL(request.url)
  const category = EVENT_CATEGORIES.find((c) => c === url.searchParams.get('kategori'))
  const today = todayOf(ctx)
  const wanted = url.searchParams.get('bulan')
  const month = wanted && MONTH.test(wanted) ? wanted : null
  const current = today.slice(0, 7)
  const sections: { id: string; title: 'thisWeek' | 'thisMonth' | 'month'; items: ReturnType<typeof itemOf>[] }[] = []
  if (month) {
    const { items } = await eventOccurrencesBetween(ctx, { ...monthRange(month), category })
    sections.push({ id: 'month', title: 'month', items: items.map(itemOf) })
  } else {
    const weekEnd = formatDay(dayNumber(today) + 6)
    const monthEnd = monthRange(current).to
    const { items } = await eventOccurrencesBetween(ctx, {
      from: today,
      to: formatDay(Math.max(dayNumber(weekEnd), dayNumber(monthEnd))),
      category,
    })
    const week = items.filter((o) => o.startDate <= weekEnd)
    // The rest of the month: occurrences that start after this week (those under way are in the week already).
    const later = items.filter((o) => o.startDate > weekEnd && o.startDate <= monthEnd)
    sections.push({ id: 'week', title: 'thisWeek', items: week.map(itemOf) })
    sections.push({ id: 'month', title: 'thisMonth', items: later.map(itemOf) })
  }
  const shown = month ?? current
  const pageUrl = `${url.origin}${event.urls.list}`
  const all = sections.flatMap((s) => s.items)
  const t = translator(messages, locale)
  return {
    base: event.urls.list,
    category: category ?? null,
    month,
    monthTitle: monthName(shown, locale),
    previous: shiftMonth(shown, -1),
    next: shiftMonth(shown, 1),
    previousTitle: monthName(shiftMonth(shown, -1), locale),
    nextTitle: monthName(shiftMonth(shown, 1), locale),
    sections,
    categories: EVENT_CATEGORIES,
    zone: ctx.tenant.timezone,
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      name: t('eventsTitle'),
      url: pageUrl,
      itemListElement: all.slice(0, 50).map((o, i) => ({
        '@type': 'ListItem',
        position: i + 1,
        item: {
          '@type': 'Event',
          name: o.name.id,
          startDate: o.startDate,
          endDate: o.endDate,
          url: `${url.origin}${o.url}`,
        },
      })),
    },
    social: socialMeta({
      title: `${t('eventsTitle')} · ${ctx.tenant.name}`,
      description: t('feedsIntro'),
      url: pageUrl,
      locale,
      siteName: ctx.tenant.name,
    }),
    tenantName: ctx.tenant.name,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: 'Acara · Events' }]
  return [{ title: `Acara · Events · ${data.tenantName}` }, ...data.social, { 'script:ld+json': data.jsonLd }]
}

/** Query of the page for a month and category (either may be left out). */
function pageQuery(month: string | null, category: string | null): string {
  const q = new URLSearchParams()
  if (month) q.set('bulan', month)
  if (category) q.set('kategori', category)
  const text = q.toString()
  return text ? `?${text}` : ''
}

export default function EventCalendar() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(messages, locale)
  const base = data.base
  const categoryName = (c: EventCategory) => pickText(EVENT_CATEGORY_LABELS[c], locale)
  const empty = data.sections.every((s) => s.items.length === 0)
  return (
    <>
      <h1>{t('eventsTitle')}</h1>
      <p className="muted">{t('eventsIntro', { zone: data.zone })}</p>
      <nav className="chips" aria-label={t('filterCategory')}>
        <Link to={`${base}${pageQuery(data.month, null)}`} aria-current={data.category === null ? 'page' : undefined}>
          {t('allCategories')}
        </Link>
        {data.categories.map((c) => (
          <Link
            key={c}
            to={`${base}${pageQuery(data.month, c)}`}
            aria-current={data.category === c ? 'page' : undefined}
          >
            {categoryName(c)}
          </Link>
        ))}
      </nav>
      <nav className="month-nav" aria-label={t('monthNav')}>
        <Link to={`${base}${pageQuery(data.previous, data.category)}`} rel="nofollow">
          {t('previousMonth', { month: data.previousTitle })}
        </Link>{' '}
        <form method="get" action={base} className="month-form">
          <label htmlFor="bulan">{t('monthNav')}</label>{' '}
          <input id="bulan" type="month" name="bulan" defaultValue={data.month ?? ''} />
          {data.category ? <input type="hidden" name="kategori" value={data.category} /> : null}{' '}
          <button type="submit">OK</button>
        </form>{' '}
        <Link to={`${base}${pageQuery(data.next, data.category)}`} rel="nofollow">
          {t('nextMonth', { month: data.nextTitle })}
        </Link>
      </nav>
      {empty ? (
        <p className="notice">
          {data.category ? t('noEventsFiltered', { category: categoryName(data.category) }) : t('noEvents')}{' '}
          {data.category ? <Link to={`${base}${pageQuery(data.month, null)}`}>{t('showAllCategories')}</Link> : null}
        </p>
      ) : null}
      {data.sections.map((section) =>
        section.items.length === 0 ? null : (
          <section key={section.id} aria-labelledby={`events-${section.id}`}>
            <h2 id={`events-${section.id}`}>{section.title === 'month' ? data.monthTitle : t(section.title)}</h2>
            <ul className="list events">
              {section.items.map((o) => (
                <li key={o.key} className={`event category-${o.category}`}>
                  <h3>
                    <Link to={o.url}>{pickText(o.name, locale)}</Link>
                  </h3>
                  <p className="muted">
                    {categoryName(o.category)} · {datesText(t, o, locale)}
                    {timesText(t, o) ? ` · ${timesText(t, o)}` : null}
                  </p>
                  {o.verified ? null : <p className="unverified-mark">{t('eventUnverifiedNote')}</p>}
                </li>
              ))}
            </ul>
          </section>
        ),
      )}
      <section aria-labelledby="feeds-heading">
        <h2 id="feeds-heading">{t('feedsHeading')}</h2>
        <p className="muted">{t('feedsIntro')}</p>
        <ul className="list feeds">
          <li>
            <a href="/api/v1/tourism/events.ics" type="text/calendar">
              {t('feedAll')}
            </a>
          </li>
          {data.categories.map((c) => (
            <li key={c}>
              <a href={`/api/v1/tourism/events.ics?category=${c}`} type="text/calendar">
                {t('feedCategory', { category: categoryName(c) })}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
