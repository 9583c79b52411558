import { type Locale, pickText, translator } from '@cerdas/core/web'
import { formatLocalDate } from '@cerdas/ui'
import type { AreaCollections, CollectionView } from '../src/area-collections'
import { HOLIDAY_POLICY_LABELS, WEEKDAY_LABELS } from '../src/labels'
import { messages } from './messages'

const ZONE_NAMES: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' }
const zoneName = (zone: string) => ZONE_NAMES[zone] ?? zone

/** The feed of an area over https and as webcal:// (calendar apps subscribe to the latter). */
export function feedUrls(origin: string, slug: string) {
  const https = `${origin}/api/v1/waste/areas/${encodeURIComponent(slug)}/ical`
  return { https, webcal: https.replace(/^https?:\/\//, 'webcal://') }
}

function CollectionItem({ c, zone, locale }: { c: CollectionView; zone: string; locale: Locale }) {
  const t = translator(messages, locale)
  const date = formatLocalDate(c.date, locale, { weekday: 'long', day: 'numeric', month: 'long' })
  return (
    <li className={`collection collection-${c.status}`}>
      <time dateTime={c.startsAt}>{t('window', { date, start: c.start, end: c.end, zone })}</time>
      {c.note ? <div className="muted">{pickText(c.note, locale)}</div> : null}
    </li>
  )
}

/**
 * An area's answer: the next collections (moved ones say why), days without collection, the usual
 * days with the holiday policy, and the calendar feed. No sections for what is not published.
 */
export function AreaCollectionsView({
  a,
  origin,
  locale,
  headingLevel = 2,
}: {
  a: AreaCollections
  origin: string
  locale: Locale
  headingLevel?: 2 | 3
}) {
  const t = translator(messages, locale)
  const H = headingLevel === 2 ? 'h2' : 'h3'
  const zone = zoneName(a.timezone)
  if (a.noSchedule) return <p className="notice">{t('noSchedule')}</p>
  const feed = feedUrls(origin, a.area.slug)
  const days = a.days.map((d) => pickText(WEEKDAY_LABELS[d as keyof typeof WEEKDAY_LABELS], locale)).join(', ')
  return (
    <>
      <H>{t('nextHeading')}</H>
      {a.next.length === 0 ? (
        <p>{t('nextNone')}</p>
      ) : (
        <ol className="collections">
          {a.next.map((c) => (
            <CollectionItem key={c.date} c={c} zone={zone} locale={locale} />
          ))}
        </ol>
      )}
      {a.missed.length > 0 ? (
        <>
          <H>{t('missedHeading')}</H>
          <ul className="collections-missed">
            {a.missed.map((c) => (
              <li key={`${c.date}-${c.status}`}>
                {formatLocalDate(c.date, locale, { weekday: 'long', day: 'numeric', month: 'long' })}
                {c.note ? `: ${pickText(c.note, locale)}` : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {days ? <p>{t('usualDays', { days, start: a.start, end: a.end, zone })}</p> : null}
      <p>
        {t('onHolidays', {
          policy: pickText(HOLIDAY_POLICY_LABELS[a.onHolidays as keyof typeof HOLIDAY_POLICY_LABELS], locale),
        })}
      </p>
      <p className="calendar-links">
        <a href={feed.https}>{t('addToCalendar')}</a> · <a href={feed.webcal}>{t('subscribeWebcal')}</a>
      </p>
      <p className="muted">{t('calendarHelp')}</p>
    </>
  )
}
