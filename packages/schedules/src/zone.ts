import { DAY_MS } from './local-time'

const HOUR_MS = 3_600_000
/** Keeps memory bounded when a long-running process evaluates far-flung instants. */
const MAX_CACHED_HOURS = 200_000

interface ZoneInfo {
  readonly name: string
  readonly format: Intl.DateTimeFormat
  /** UTC hour bucket → offset (ms) valid for the whole hour, or NaN when the offset changes inside it. */
  readonly hours: Map<number, number>
}

const zones = new Map<string, ZoneInfo>()

/**
 * True when the runtime knows the IANA zone name.
 * @example isKnownZone('Asia/Makassar') // true
 */
export function isKnownZone(name: string): boolean {
  if (typeof name !== 'string' || name.length === 0) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

function zoneInfo(name: string): ZoneInfo {
  let info = zones.get(name)
  if (!info) {
    // One formatter per zone: constructing Intl formatters is the expensive part.
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    })
    info = { name, format, hours: new Map() }
    zones.set(name, info)
  }
  return info
}

function exactOffset(info: ZoneInfo, utcMs: number): number {
  const wholeSecond = Math.floor(utcMs / 1000) * 1000
  let year = 0
  let month = 0
  let day = 0
  let hour = 0
  let minute = 0
  let second = 0
  let bc = false
  for (const part of info.format.formatToParts(wholeSecond)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value)
        break
      case 'month':
        month = Number(part.value)
        break
      case 'day':
        day = Number(part.value)
        break
      case 'hour':
        hour = Number(part.value)
        break
      case 'minute':
        minute = Number(part.value)
        break
      case 'second':
        second = Number(part.value)
        break
      case 'era':
        bc = part.value.startsWith('B')
        break
    }
  }
  const local = Date.UTC(0, month - 1, day, hour, minute, second)
  const asUtc = new Date(local)
  asUtc.setUTCFullYear(bc ? 1 - year : year)
  return asUtc.getTime() - wholeSecond
}

/**
 * Offset (local − UTC, in ms) of the zone at an instant.
 * Offsets are cached per UTC hour; an hour containing a transition is computed exactly each time.
 * @example zoneOffset('Asia/Jayapura', Date.UTC(2026, 0, 1)) // 32_400_000
 */
export function zoneOffset(zone: string, utcMs: number): number {
  const info = zoneInfo(zone)
  const bucket = Math.floor(utcMs / HOUR_MS)
  let cached = info.hours.get(bucket)
  if (cached === undefined) {
    const start = exactOffset(info, bucket * HOUR_MS)
    const end = exactOffset(info, bucket * HOUR_MS + HOUR_MS - 1000)
    cached = start === end ? start : Number.NaN
    if (info.hours.size >= MAX_CACHED_HOURS) info.hours.clear()
    info.hours.set(bucket, cached)
  }
  return Number.isNaN(cached) ? exactOffset(info, utcMs) : cached
}

/**
 * Local wall-clock milliseconds ("as if UTC") for an instant.
 * @example new Date(utcToLocalMs('Asia/Jakarta', Date.UTC(2026, 0, 1))).toISOString() // '2026-01-01T07:00:00.000Z'
 */
export function utcToLocalMs(zone: string, utcMs: number): number {
  return utcMs + zoneOffset(zone, utcMs)
}

/**
 * The instant of a local wall-clock time. Times that do not exist (spring-forward gap) move
 * forward by the gap; ambiguous times (fall-back) take the earlier instant — the same
 * "compatible" rule as Temporal and RFC 5545.
 * @example localMsToUtc('Asia/Makassar', Date.UTC(2026, 0, 1, 8)) // Date.UTC(2026, 0, 1, 0)
 */
export function localMsToUtc(zone: string, localMs: number): number {
  const before = zoneOffset(zone, localMs - DAY_MS)
  const after = zoneOffset(zone, localMs + DAY_MS)
  if (before === after) return localMs - before
  const early = localMs - before
  const late = localMs - after
  const earlyOk = zoneOffset(zone, early) === before
  const lateOk = zoneOffset(zone, late) === after
  if (earlyOk && lateOk) return Math.min(early, late)
  if (earlyOk) return early
  if (lateOk) return late
  return early
}
