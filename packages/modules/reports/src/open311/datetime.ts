import { zoneOffset } from '@cerdas/schedules'

/**
 * An instant as GeoReport writes it: W3C date-time with the tenant's offset
 * (`2026-12-23T09:30:00+07:00`), so a client shows local time without knowing the zone.
 * @example w3cDateTime('2026-12-23T02:30:00.000Z', 'Asia/Jakarta') // '2026-12-23T09:30:00+07:00'
 */
export function w3cDateTime(instant: string | null | undefined, zone: string): string | null {
  if (!instant) return null
  const ms = Date.parse(instant)
  if (Number.isNaN(ms)) return null
  const offset = zoneOffset(zone, ms)
  const local = new Date(ms + offset).toISOString().slice(0, 19)
  const minutes = Math.round(Math.abs(offset) / 60_000)
  const sign = offset < 0 ? '-' : '+'
  return `${local}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/**
 * A W3C date or date-time from a query (`start_date`, `end_date`) as an instant, or null when it is
 * not one. A date without a zone is read in the tenant's zone.
 */
export function parseW3c(value: string, zone: string): Date | null {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (date) {
    const localMidnight = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))
    if (Number.isNaN(localMidnight) || new Date(localMidnight).toISOString().slice(0, 10) !== value) return null
    return new Date(localMidnight - zoneOffset(zone, localMidnight))
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(value)) return null
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(value)
  const ms = Date.parse(hasZone ? value : `${value}Z`)
  if (Number.isNaN(ms)) return null
  return new Date(hasZone ? ms : ms - zoneOffset(zone, ms))
}
