import { type Locale, pickText } from '@cerdas/core/web'
import { formatLocalDate } from '@cerdas/ui'
import type { DayView, DepartureView, ReasonView } from '../src/route-departures'
import { messages } from './messages'

/** Sentences about departures, shared by the list and the route page (no server code). */

export type Translate = (key: keyof (typeof messages)['id'], vars?: Record<string, string | number>) => string

const ZONE_NAMES: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' }

/** WIB/WITA/WIT for Indonesian zones, else the IANA name. */
export function zoneName(zone: string): string {
  return ZONE_NAMES[zone] ?? zone
}

const weekdayKey = (w: string) => `weekday_${w}` as const

/** A local date as its weekday and date ("Selasa, 6 Jan"). */
export function shortDate(date: string, locale: Locale): string {
  return formatLocalDate(date, locale, { weekday: 'long', day: 'numeric', month: 'short' })
}

/** "Berikutnya: 09:00 hari ini", "…: besok 07:00" or "…: Senin, 12 Jan 07:00". */
export function nextText(t: Translate, next: DepartureView, today: string, tomorrow: string, locale: Locale): string {
  if (next.date === today) return t('nextToday', { time: next.time })
  if (next.date === tomorrow) return t('nextTomorrow', { time: next.time })
  return t('nextOn', { day: shortDate(next.date, locale), time: next.time })
}

/** "Keberangkatan terakhir hari ini sudah lewat; berikutnya: besok 07:00". */
export function leftTodayText(t: Translate, next: DepartureView | null, tomorrow: string, locale: Locale): string {
  if (!next) return t('noNext')
  const when =
    next.date === tomorrow
      ? t('whenTomorrow', { time: next.time })
      : t('whenOn', { day: shortDate(next.date, locale), time: next.time })
  return t('leftToday', { when })
}

/** Why a day differs from the regular timetable, or null on a regular day. */
export function reasonText(
  t: Translate,
  reason: ReasonView,
  holiday: DayView['holiday'],
  locale: Locale,
): string | null {
  if (reason.kind === 'holiday' && holiday) {
    const vars = { kind: t(`holiday_${holiday.kind as 'national'}`), name: pickText(holiday.name, locale) }
    return reason.runsAs
      ? t('holidayRunsAs', { ...vars, weekday: t(weekdayKey(reason.runsAs) as 'weekday_su') })
      : t('holidayNone', vars)
  }
  if (reason.kind === 'weekly') {
    // A holiday the timetable runs through as usual is still worth saying.
    if (!holiday) return null
    return t('holidayUsual', {
      kind: t(`holiday_${holiday.kind as 'national'}`),
      name: pickText(holiday.name, locale),
    })
  }
  return t(`reason_${reason.kind as 'override'}`, { label: reason.label ? pickText(reason.label, locale) : '' })
}

export function weekdayName(t: Translate, weekday: string): string {
  return t(weekdayKey(weekday) as 'weekday_mo')
}

export { messages }
