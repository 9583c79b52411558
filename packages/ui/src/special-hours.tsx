import { type Locale, type LocalizedText, pickText, translator } from '@cerdas/core/web'
import { formatLocalDate } from './schedule-format'
import { scheduleMessages } from './schedule-messages'
import { WithPageLocale } from './with-locale'

export interface SpecialHoursProps {
  overrides: { from: string; to: string; reason: LocalizedText }[]
  closures: { from: string; to?: string | undefined; reason: LocalizedText }[]
  extraOpenings: { date: string; reason: LocalizedText; intervals: { start: string; end: string }[] }[]
  locale?: Locale
}

function SpecialHoursList({ overrides, closures, extraOpenings, locale }: SpecialHoursProps & { locale: Locale }) {
  const t = translator(scheduleMessages, locale)
  const date = (value: string) => formatLocalDate(value, locale)
  const lines = [
    ...overrides.map((o) => ({
      key: `o-${o.from}`,
      sort: o.from,
      text: t('overrideRange', { from: date(o.from), to: date(o.to), reason: pickText(o.reason, locale) }),
    })),
    ...closures.map((c) => ({
      key: `c-${c.from}`,
      sort: c.from,
      text: t('closureRange', {
        when: c.to && c.to !== c.from ? `${date(c.from)} – ${date(c.to)}` : date(c.from),
        reason: pickText(c.reason, locale),
      }),
    })),
    ...extraOpenings.map((x) => ({
      key: `x-${x.date}`,
      sort: x.date,
      text: `${t('extraOn', { date: date(x.date), reason: pickText(x.reason, locale) })} (${x.intervals
        .map((iv) => `${iv.start}–${iv.end}`)
        .join(', ')})`,
    })),
  ].sort((a, b) => a.sort.localeCompare(b.sort))
  if (lines.length === 0) return <p className="muted">{t('noSpecial')}</p>
  return (
    <ul className="list special-hours">
      {lines.map((line) => (
        <li key={line.key}>{line.text}</li>
      ))}
    </ul>
  )
}

/**
 * Coming special hours, closures and extra openings of a schedule, by date ("Ramadan hours from …").
 * @example <SpecialHours {...upcomingSpecialHours(schedule.definition, today)} />
 */
export function SpecialHours(props: SpecialHoursProps) {
  const { locale } = props
  if (locale) return <SpecialHoursList {...props} locale={locale} />
  return <WithPageLocale render={(l) => <SpecialHoursList {...props} locale={l} />} />
}
