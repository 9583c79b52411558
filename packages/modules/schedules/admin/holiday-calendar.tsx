import { formatInstant, pickText } from '@cerdas/core/web'
import { StatusBadge } from '@cerdas/ui'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { currentYear, holidayYears, listHolidays } from '../src/holidays'
import { HOLIDAY_KIND_LABELS } from '../src/kinds'
import { holidayScreen } from './editor.server'
import { useScheduleT } from './messages'
import editorStyles from './schedule-editor.css?url'

export const links = () => [{ rel: 'stylesheet', href: editorStyles }]

const MONTH_DAYS = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
/** Monday = 0 … Sunday = 6. */
const weekdayOf = (year: number, month: number, day: number) =>
  (new Date(Date.UTC(year, month, day)).getUTCDay() + 6) % 7
const pad = (n: number) => String(n).padStart(2, '0')

export async function loader({ request, context }: LoaderFunctionArgs) {
  const screen = holidayScreen(context, request)
  const { ctx, locale } = screen
  const asked = Number(new URL(request.url).searchParams.get('tahun'))
  const year = Number.isInteger(asked) && asked >= 1900 && asked <= 2200 ? asked : currentYear(ctx)
  const [items, years] = await Promise.all([listHolidays(ctx, year), holidayYears(ctx)])
  const byDate = new Map<string, typeof items>()
  for (const h of items) byDate.set(h.date, [...(byDate.get(h.date) ?? []), h])
  const monthName = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { month: 'long', timeZone: 'UTC' })
  const months = Array.from({ length: 12 }, (_, month) => {
    const cells: ({ day: number; date: string; holidays: { id: string; name: string; kind: string }[] } | null)[] =
      Array.from({ length: weekdayOf(year, month, 1) }, () => null)
    for (let day = 1; day <= MONTH_DAYS(year, month); day++) {
      const date = `${year}-${pad(month + 1)}-${pad(day)}`
      const list = byDate.get(date) ?? []
      cells.push({ day, date, holidays: list.map((h) => ({ id: h.id, name: pickText(h.name, locale), kind: h.kind })) })
    }
    while (cells.length % 7 !== 0) cells.push(null)
    const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7))
    return { month, name: monthName.format(new Date(Date.UTC(year, month, 1))), weeks }
  })
  return {
    year,
    years: [...new Set([...years, year])].sort((a, b) => a - b),
    path: screen.path,
    canCreate: screen.can('create'),
    months,
    weekdays: Array.from({ length: 7 }, (_, i) =>
      new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { weekday: 'short', timeZone: 'UTC' }).format(
        new Date(Date.UTC(2024, 0, 1 + i)),
      ),
    ),
    items: items.map((h) => ({
      id: h.id,
      date: h.date,
      dateText: formatInstant(`${h.date}T05:00:00Z`, ctx.tenant, locale, { dateStyle: 'full' }),
      name: pickText(h.name, locale),
      kind: pickText(HOLIDAY_KIND_LABELS[h.kind], locale),
      kindId: h.kind,
      note: h.note,
      // The console's own words for the stamp, as on every other screen.
      verification: screen.verification(h) ?? { verified: false, text: '' },
    })),
  }
}

export default function HolidayCalendar() {
  const d = useLoaderData<typeof loader>()
  const t = useScheduleT()
  return (
    <>
      <div className="admin-heading">
        <h1>{t('calendarTitle', { year: d.year })}</h1>
        {d.canCreate ? (
          <Link className="button" to={`${d.path}/baru`}>
            {t('addHoliday')}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t('calendarIntro')}</p>
      <nav className="chips" aria-label={t('years')}>
        {d.years.map((y) => (
          <Link key={y} to={`?tahun=${y}`} aria-current={y === d.year ? 'page' : undefined}>
            {y}
          </Link>
        ))}
      </nav>
      <p>
        <Link to={d.path}>{t('holidayList')}</Link> · <a href={`/hari-libur?tahun=${d.year}`}>{t('publicCalendar')}</a>
      </p>

      <div className="holiday-calendar">
        {d.months.map((m) => (
          <table key={m.month} className="month-table">
            <caption>{t('monthTable', { month: m.name, year: d.year })}</caption>
            <thead>
              <tr>
                {d.weekdays.map((w) => (
                  <th key={w} scope="col">
                    {w}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {m.weeks.map((week) => (
                <tr key={week.find((c) => c)?.date}>
                  {week.map((cell, i) =>
                    cell ? (
                      <td
                        key={cell.date}
                        className={cell.holidays.length ? `holiday-day holiday-${cell.holidays[0]?.kind}` : undefined}
                      >
                        {cell.holidays.length ? (
                          <Link
                            to={`${d.path}/${cell.holidays[0]?.id}`}
                            title={cell.holidays.map((h) => h.name).join(', ')}
                          >
                            {cell.day}
                          </Link>
                        ) : (
                          cell.day
                        )}
                      </td>
                    ) : (
                      // biome-ignore lint/suspicious/noArrayIndexKey: empty cells have no identity
                      <td key={`empty-${i}`} />
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>

      <h2>{t('holidayList')}</h2>
      {d.items.length === 0 ? (
        <p>{t('noHolidays')}</p>
      ) : (
        <ul className="list holiday-admin-list">
          {d.items.map((h) => (
            <li key={h.id} id={h.date} data-kind={h.kindId}>
              <Link to={`${d.path}/${h.id}`}>{h.name}</Link>{' '}
              <span className="muted">
                · <time dateTime={h.date}>{h.dateText}</time> · {h.kind}
              </span>{' '}
              <StatusBadge {...h.verification} />
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
