import { linkedSections, orNotFound, pickText, translator } from '@cerdas/core/web'
import { dayNumber, formatDay, isLocalDate, localDateOf, upcomingSpecialHours } from '@cerdas/schedules'
import {
  formatLocalDate,
  OpenStatus,
  PresenceStatus,
  RecordVerification,
  SpecialHours,
  useLocale,
  WeekTable,
} from '@cerdas/ui'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { tenantHolidayCalendar } from '../src/holidays'
import { scheduleSchemaOrg } from '../src/schedule-exports'
import { statusView, weekOf } from '../src/schedule-status'
import { getSchedule, listSchedulesForOwner } from '../src/schedules'
import { scheduleMessages } from './schedule-messages'

const addDays = (date: string, days: number) => formatDay(dayNumber(date) + days)

/**
 * One schedule for the public: open now (or officer present), the week with holidays and special
 * hours applied (`?from=YYYY-MM-DD` for another week), the coming special hours, exports and the
 * verification state; schema.org OpeningHoursSpecification in the page's JSON-LD.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { locale, site } = context
  if (site.kind !== 'tenant') throw new Response('Not found', { status: 404 })
  const ctx = site.ctx
  const id = params.id ?? ''
  const schedule = await orNotFound(getSchedule(ctx, id))
  const zone = schedule.definition.zone
  const now = ctx.now()
  const today = localDateOf(now, zone)
  const asked = new URL(request.url).searchParams.get('from') ?? ''
  const from = isLocalDate(asked) ? asked : today
  const calendar = await tenantHolidayCalendar(ctx)
  const [week, jsonLd, siblings] = await Promise.all([
    weekOf(ctx, id, from),
    scheduleSchemaOrg(ctx, id, locale),
    listSchedulesForOwner(ctx, schedule.owner),
  ])
  const status = statusView(schedule, now, calendar)
  const d = schedule.definition
  return {
    id: schedule.id,
    label: schedule.label,
    kind: schedule.kind,
    role: schedule.role,
    owner: `${schedule.owner.module}/${schedule.owner.type}/${schedule.owner.id}`,
    // What owns the schedule, linked by its module when that module is enabled (web.sections).
    ownerLink:
      (
        await linkedSections(
          site,
          `schedules.owner:${schedule.owner.module}.${schedule.owner.type}`,
          { id: schedule.owner.id },
          locale,
        )
      )[0]?.items[0] ?? null,
    timezone: zone,
    today,
    from,
    previous: addDays(from, -7),
    next: addDays(from, 7),
    status,
    week: week.days,
    closedOnHolidays: d.closedOnHolidays,
    openingHours: schedule.openingHours,
    special: upcomingSpecialHours(d, today),
    verification: schedule.verification,
    related: siblings.filter((s) => s.id !== schedule.id).map((s) => ({ id: s.id, label: s.label, kind: s.kind })),
    tenantName: ctx.tenant.name,
    jsonLd,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: 'Jadwal' }]
  return [
    { title: `${data.label.id} · ${data.tenantName}` },
    { name: 'description', content: data.openingHours },
    { 'script:ld+json': data.jsonLd },
  ]
}

export default function SchedulePage() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = translator(scheduleMessages, locale)
  const date = (value: string) => formatLocalDate(value, locale)
  return (
    <article className="schedule-page">
      <p className="muted">
        {t(`kind_${data.kind}`)} ·{' '}
        {data.ownerLink ? (
          <>
            {t('ownerLinked')} <Link to={data.ownerLink.url}>{data.ownerLink.title}</Link>
          </>
        ) : (
          t('owner', { owner: data.owner })
        )}
      </p>
      <h1>{pickText(data.label, locale)}</h1>
      <RecordVerification
        verification={data.verification}
        timezone={data.timezone}
        unverifiedNote={t('unverifiedNote')}
      />

      <section aria-labelledby="now-heading" className="schedule-now">
        <h2 id="now-heading">{data.kind === 'presence' ? t('presenceToday') : t('now')}</h2>
        <p>
          {data.kind === 'presence' ? (
            <PresenceStatus status={data.status} at={data.status.at} timezone={data.timezone} role={data.role} />
          ) : (
            <OpenStatus status={data.status} at={data.status.at} timezone={data.timezone} />
          )}
        </p>
        <p className="muted">
          {data.closedOnHolidays ? t('holidaysObserved') : t('holidaysOpen')} {t('zoneNote', { zone: data.timezone })}
        </p>
      </section>

      <section aria-labelledby="week-heading">
        <h2 id="week-heading">{t('week', { from: date(data.from), to: date(data.week.at(-1)?.date ?? data.from) })}</h2>
        <nav className="pager" aria-label={t('week', { from: date(data.from), to: date(data.next) })}>
          <Link to={`?from=${data.previous}`} rel="nofollow">
            {t('previousWeek')}
          </Link>
          {data.from === data.today ? null : <Link to=".">{t('thisWeek')}</Link>}
          <Link to={`?from=${data.next}`} rel="nofollow">
            {t('nextWeek')}
          </Link>
        </nav>
        <WeekTable days={data.week} today={data.today} />
      </section>

      <section aria-labelledby="special-heading">
        <h2 id="special-heading">{t('special')}</h2>
        <SpecialHours {...data.special} />
      </section>

      {data.related.length > 0 ? (
        <section aria-labelledby="related-heading">
          <h2 id="related-heading">{t('related')}</h2>
          <ul className="list">
            {data.related.map((r) => (
              <li key={r.id}>
                <Link to={`/jadwal/${r.id}`}>{pickText(r.label, locale)}</Link>{' '}
                <span className="muted">· {t(`kind_${r.kind}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="exports-heading">
        <h2 id="exports-heading">{t('exports')}</h2>
        <ul className="list">
          <li>
            <a href={`/api/v1/schedules/${data.id}/ical`} type="text/calendar">
              {t('ical')}
            </a>
          </li>
          <li>
            <a href={`/api/v1/schedules/${data.id}/opening-hours`}>{t('openingHours')}</a>:{' '}
            <code>{data.openingHours}</code>
          </li>
        </ul>
      </section>
    </article>
  )
}
