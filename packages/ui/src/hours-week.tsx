import { type Locale, translator } from '@cerdas/core/web'
import { Link } from '@remix-run/react'
import { scheduleMessages } from './schedule-messages'
import { SpecialHours, type SpecialHoursProps } from './special-hours'
import { WeekTable, type WeekTableDay } from './week-table'
import { WithPageLocale } from './with-locale'

export interface HoursWeekProps {
  scheduleId: string
  /** The seven days from `from`, holidays and special hours applied. */
  week: WeekTableDay[]
  today: string
  from: string
  previous: string
  next: string
  special: Omit<SpecialHoursProps, 'locale'> | null
  /** Accessible name of the week navigation, e.g. the schedule's label. */
  label: string
  locale?: Locale
}

function HoursWeekBlock(props: HoursWeekProps & { locale: Locale }) {
  const { locale } = props
  const t = translator(scheduleMessages, locale)
  return (
    <>
      <nav className="pager no-print" aria-label={props.label}>
        <Link to={`?from=${props.previous}`} rel="nofollow">
          {t('previousWeek')}
        </Link>
        {props.from === props.today ? null : <Link to=".">{t('thisWeek')}</Link>}
        <Link to={`?from=${props.next}`} rel="nofollow">
          {t('nextWeek')}
        </Link>
      </nav>
      <WeekTable days={props.week} today={props.today} locale={locale} />
      <h3>{t('special')}</h3>
      {props.special ? <SpecialHours {...props.special} locale={locale} /> : null}
      <p className="no-print">
        <Link to={`/jadwal/${props.scheduleId}`}>{t('fullSchedule')}</Link>
      </p>
    </>
  )
}

/**
 * A place's week of hours on its public page (links to the weeks before and after with `?from=`,
 * without JavaScript), the coming special hours, and a link to the full schedule page.
 * @example <HoursWeek scheduleId={hours.schedule.id} label={name} {...panel} week={panel.week} />
 */
export function HoursWeek(props: HoursWeekProps) {
  const { locale } = props
  if (locale) return <HoursWeekBlock {...props} locale={locale} />
  return <WithPageLocale render={(l) => <HoursWeekBlock {...props} locale={l} />} />
}
