import { HoursWeek, type HoursWeekProps } from './hours-week'

export interface HoursSectionProps {
  /** Id of the heading the section is labelled by. */
  headingId: string
  className?: string
  /** The schedule's label in the page's language: the heading and the week navigation's name. */
  label: string
  scheduleId: string
  week: Omit<HoursWeekProps, 'scheduleId' | 'label' | 'locale'>
}

/**
 * A place's or service's week of hours under its schedule's label, on the page of what it belongs to.
 * @example {data.week ? <HoursSection headingId="week-heading" label={label} scheduleId={id} week={{ ...data, week: data.week }} /> : null}
 */
export function HoursSection({ headingId, className, label, scheduleId, week }: HoursSectionProps) {
  return (
    <section aria-labelledby={headingId} className={className}>
      <h2 id={headingId}>{label}</h2>
      <HoursWeek scheduleId={scheduleId} label={label} {...week} />
    </section>
  )
}
