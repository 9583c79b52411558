import type { LocalDate } from './local-time'
import type { Closure, ExtraOpening, ScheduleDefinition, ScheduleOverride } from './schema'

export interface UpcomingSpecialHours {
  overrides: ScheduleOverride[]
  closures: Closure[]
  extraOpenings: ExtraOpening[]
}

/**
 * The special hours of a schedule that still matter on `today` (ranges not yet over), each list by
 * start date: what a public page announces ahead ("1–30 Mar: Ramadan hours").
 * @example upcomingSpecialHours(schedule.definition, '2027-02-01').overrides[0]?.reason.id // 'Jam Ramadan'
 */
export function upcomingSpecialHours(definition: ScheduleDefinition, today: LocalDate): UpcomingSpecialHours {
  const byStart = <T extends { from: string }>(a: T, b: T) => a.from.localeCompare(b.from)
  return {
    overrides: (definition.overrides ?? []).filter((o) => o.to >= today).sort(byStart),
    closures: (definition.closures ?? []).filter((c) => (c.to ?? c.from) >= today).sort(byStart),
    extraOpenings: (definition.extraOpenings ?? [])
      .filter((x) => x.date >= today)
      .sort((a, b) => a.date.localeCompare(b.date)),
  }
}
