import type { Locale } from '@cerdas/core/web'

const formats = new Map<string, Intl.DateTimeFormat>()

function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let f = formats.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options)
    formats.set(key, f)
  }
  return f
}

const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'id-ID')

export const toDate = (instant: string | Date) => (typeof instant === 'string' ? new Date(instant) : instant)

/**
 * The local date (YYYY-MM-DD) and wall-clock time (HH:MM, 24-hour with a colon in every locale) of
 * an instant in an IANA zone.
 * @example zonedParts(new Date('2026-08-17T02:00:00Z'), 'Asia/Makassar') // { date: '2026-08-17', time: '10:00' }
 */
export function zonedParts(instant: string | Date, timeZone: string): { date: string; time: string } {
  const parts = format('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(toDate(instant))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` }
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000

/**
 * When something happens relative to a reference instant, in the tenant zone: the time alone on
 * the same local date, the weekday and time within a week, else weekday, date and time.
 * @example formatMoment('2026-03-23T01:00:00Z', '2026-03-20T10:00:00Z', 'Asia/Jakarta', 'id') // 'Senin 08:00'
 */
export function formatMoment(
  instant: string | Date,
  reference: string | Date,
  timeZone: string,
  locale: Locale,
): string {
  const at = zonedParts(instant, timeZone)
  const ref = zonedParts(reference, timeZone)
  const days = dayNumber(at.date) - dayNumber(ref.date)
  if (days === 0) return at.time
  const weekday = format(intlLocale(locale), { timeZone, weekday: 'long' }).format(toDate(instant))
  if (days > 0 && days < 7) return `${weekday} ${at.time}`
  const date = format(intlLocale(locale), { timeZone, day: 'numeric', month: 'short' }).format(toDate(instant))
  return `${weekday}, ${date} ${at.time}`
}

/**
 * A local calendar date (YYYY-MM-DD, no instant) as text; it never shifts with a zone.
 * @example formatLocalDate('2026-08-17', 'id') // 'Senin, 17 Agustus 2026'
 */
export function formatLocalDate(
  date: string,
  locale: Locale,
  options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
): string {
  return format(intlLocale(locale), { ...options, timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`))
}
