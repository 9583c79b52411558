import { type Locale, type LocalizedText, pickText, translator } from '@cerdas/core/web'
import { formatLocalDate } from './schedule-format'
import { scheduleMessages } from './schedule-messages'
import { WithPageLocale } from './with-locale'

export interface WeekTableDay {
  date: string
  intervals: { start: string; end: string; overnight?: boolean }[]
  reason: { kind: string; label?: LocalizedText | undefined }
  holiday?: { name: LocalizedText; kind: string; verified: boolean } | undefined
}

export interface WeekTableProps {
  days: WeekTableDay[]
  /** Local date of today in the tenant zone, marked with aria-current="date". */
  today?: string
  caption?: string
  locale?: Locale
}

type Translate = ReturnType<typeof translator<keyof typeof scheduleMessages.id>>

function hoursText(day: WeekTableDay, t: Translate): string {
  if (day.intervals.length === 0) return t('closedAllDay')
  return day.intervals.map((iv) => `${iv.start}–${iv.overnight ? t('nextDay', { time: iv.end }) : iv.end}`).join(', ')
}

function notes(day: WeekTableDay, t: Translate, locale: Locale): string[] {
  const out: string[] = []
  for (let i = 1; i < day.intervals.length; i++) {
    const previous = day.intervals[i - 1]
    const current = day.intervals[i]
    if (previous && current && !previous.overnight) out.push(t('breakNote', { from: previous.end, to: current.start }))
  }
  if (day.holiday) {
    const kind = t(`kind_${day.holiday.kind}` as keyof typeof scheduleMessages.id)
    const details = [kind, ...(day.holiday.verified ? [] : [t('notVerified')])].join(', ')
    const observed = day.reason.kind === 'holiday'
    out.push(`${pickText(day.holiday.name, locale)} (${details})${observed ? '' : ` · ${t('holidayOpen')}`}`)
  } else if (['override', 'closure', 'extra'].includes(day.reason.kind) && day.reason.label) {
    out.push(pickText(day.reason.label, locale))
  }
  return out
}

function Table({ days, today, caption, locale }: WeekTableProps & { locale: Locale }) {
  const t = translator(scheduleMessages, locale)
  return (
    <table className="week-table">
      <caption>{caption ?? t('weekCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('day')}</th>
          <th scope="col">{t('hours')}</th>
          <th scope="col">{t('notes')}</th>
        </tr>
      </thead>
      <tbody>
        {days.map((day) => {
          const closed = day.intervals.length === 0
          return (
            <tr
              key={day.date}
              className={closed ? 'week-day-closed' : undefined}
              aria-current={day.date === today ? 'date' : undefined}
            >
              <th scope="row">
                <time dateTime={day.date}>
                  {formatLocalDate(day.date, locale, { weekday: 'long', day: 'numeric', month: 'long' })}
                </time>
              </th>
              <td>{hoursText(day, t)}</td>
              <td>{notes(day, t, locale).join(' · ')}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/**
 * A readable, accessible week of hours: one row per date with intervals, breaks, holidays and
 * special hours. Times are the schedule's local wall-clock times.
 * @example <WeekTable days={week.days} today={status.today.date} />
 */
export function WeekTable(props: WeekTableProps) {
  const { locale } = props
  if (locale) return <Table {...props} locale={locale} />
  return <WithPageLocale render={(l) => <Table {...props} locale={l} />} />
}
