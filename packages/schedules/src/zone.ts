import { DAY_MS } from './local-time'

/** Offsets are resolved per block of ~24.8 days, sampled every 6 hours for transitions. */
const BLOCK_MS = 2 ** 31
const SAMPLE_MS = 6 * 3_600_000
/** Keeps memory bounded when a long-running process evaluates far-flung instants. */
const MAX_BLOCKS = 20_000

interface Block {
  readonly index: number
  /** UTC instants where the offset changes inside the block, ascending. */
  readonly changes: readonly number[]
  /** offsets[i] applies before changes[i]; the last one after the last change. */
  readonly offsets: readonly number[]
}

/** A zone with its cached formatter and offset blocks; resolve once and reuse. */
export interface ZoneInfo {
  readonly name: string
  readonly format: Intl.DateTimeFormat
  readonly blocks: Map<number, Block>
  last: Block | undefined
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

/** The cached zone record (one Intl formatter per zone: constructing them is the expensive part). */
export function zoneInfo(name: string): ZoneInfo {
  let info = zones.get(name)
  if (!info) {
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
    info = { name, format, blocks: new Map(), last: undefined }
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
  const asUtc = new Date(Date.UTC(2000, month - 1, day, hour, minute, second))
  asUtc.setUTCFullYear(bc ? 1 - year : year, month - 1, day)
  return asUtc.getTime() - wholeSecond
}

function buildBlock(info: ZoneInfo, index: number): Block {
  const start = index * BLOCK_MS
  const end = start + BLOCK_MS
  const changes: number[] = []
  const offsets: number[] = []
  let previous = exactOffset(info, start)
  offsets.push(previous)
  for (let t = start + SAMPLE_MS; ; t += SAMPLE_MS) {
    const at = Math.min(t, end - 1000)
    const current = exactOffset(info, at)
    if (current !== previous) {
      // Binary search to the second: the first instant with the new offset.
      // Whole seconds: offsets change on second boundaries and exactOffset reads whole seconds.
      let lo = Math.floor((at - SAMPLE_MS) / 1000) * 1000
      let hi = Math.ceil(at / 1000) * 1000
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000
        if (exactOffset(info, mid) === previous) lo = mid
        else hi = mid
      }
      changes.push(hi)
      offsets.push(current)
      previous = current
    }
    if (at >= end - 1000) break
  }
  if (info.blocks.size >= MAX_BLOCKS) info.blocks.clear()
  const block = { index, changes, offsets }
  info.blocks.set(index, block)
  return block
}

/** Offset (local − UTC, ms) at an instant, for a resolved zone. */
export function offsetIn(info: ZoneInfo, utcMs: number): number {
  const index = Math.floor(utcMs / BLOCK_MS)
  let block = info.last
  if (block === undefined || block.index !== index) {
    block = info.blocks.get(index) ?? buildBlock(info, index)
    info.last = block
  }
  const changes = block.changes
  if (changes.length === 0) return block.offsets[0] as number
  let i = 0
  while (i < changes.length && utcMs >= (changes[i] as number)) i++
  return block.offsets[i] as number
}

/**
 * The instant of a local wall-clock time (ms "as if UTC"), for a resolved zone. Times that do not
 * exist (spring-forward gap) move forward by the gap; ambiguous times (fall-back) take the earlier
 * instant — the "compatible" rule of Temporal and RFC 5545.
 */
export function localToUtcIn(info: ZoneInfo, localMs: number): number {
  const before = offsetIn(info, localMs - DAY_MS)
  const after = offsetIn(info, localMs + DAY_MS)
  if (before === after) return localMs - before
  const early = localMs - before
  const late = localMs - after
  const earlyOk = offsetIn(info, early) === before
  const lateOk = offsetIn(info, late) === after
  if (earlyOk && lateOk) return Math.min(early, late)
  if (earlyOk) return early
  if (lateOk) return late
  return early
}

/**
 * Offset (local − UTC, in ms) of the zone at an instant.
 * @example zoneOffset('Asia/Jayapura', Date.UTC(2026, 0, 1)) // 32_400_000
 */
export function zoneOffset(zone: string, utcMs: number): number {
  return offsetIn(zoneInfo(zone), utcMs)
}

/**
 * Local wall-clock milliseconds ("as if UTC") for an instant.
 * @example new Date(utcToLocalMs('Asia/Jakarta', Date.UTC(2026, 0, 1))).toISOString() // '2026-01-01T07:00:00.000Z'
 */
export function utcToLocalMs(zone: string, utcMs: number): number {
  return utcMs + offsetIn(zoneInfo(zone), utcMs)
}

/**
 * The instant of a local wall-clock time; see localToUtcIn for gaps and overlaps.
 * @example localMsToUtc('Asia/Makassar', Date.UTC(2026, 0, 1, 8)) // Date.UTC(2026, 0, 1, 0)
 */
export function localMsToUtc(zone: string, localMs: number): number {
  return localToUtcIn(zoneInfo(zone), localMs)
}
