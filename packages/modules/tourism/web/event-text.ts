import type { Locale } from '@cerdas/core/web'
import { formatLocalDate } from '@cerdas/ui'
import type { messages } from './messages'

type T = (key: keyof typeof messages.id, vars?: Record<string, string | number>) => string

/** The dates of one occurrence: a day, or first to last day. */
export function datesText(t: T, o: { startDate: string; endDate: string }, locale: Locale): string {
  const day = (d: string) => formatLocalDate(d, locale)
  return o.startDate === o.endDate ? day(o.startDate) : t('dateRange', { from: day(o.startDate), to: day(o.endDate) })
}

/** The hours of an event: all day when it has no start time; an end time when known. */
export function timesText(t: T, e: { startTime: string | null; endTime: string | null }): string | null {
  if (!e.startTime) return null
  return e.endTime ? t('timeRange', { from: e.startTime, to: e.endTime }) : t('timeFrom', { from: e.startTime })
}

/** Rupiah as the reader's locale writes it. */
export function rupiah(amount: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-ID' : 'id-ID', {
    style: 'currency',
    currency: 'IDR',
    maximumFractionDigits: 0,
  }).format(amount)
}
