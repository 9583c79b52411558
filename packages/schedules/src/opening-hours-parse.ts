import { DAY_MINUTES, dayNumber, formatDay, formatWallTime, WEEKDAYS, type WeekdayKey } from './local-time'
import { type Token, tokenize } from './opening-hours-lexer'
import type { Interval, LocalizedText, ScheduleDefinition, WeeklyHours } from './schema'
import { scheduleSchema } from './schema'

export interface OpeningHoursError {
  /** 0-based character offset in the input where the problem starts. */
  position: number
  message: string
  /** The input up to the position, followed by a marker, as opening_hours.js prints it. */
  snippet: string
}

export interface OpeningHoursWarning {
  position: number
  message: string
}

export type OpeningHoursParseResult =
  | { ok: true; schedule: ScheduleDefinition; warnings: OpeningHoursWarning[] }
  | { ok: false; error: OpeningHoursError }

export interface ParseOpeningHoursOptions {
  /** IANA zone of the imported schedule; default Asia/Jakarta (WIB). */
  zone?: string
  /** Reason for date rules without a comment; default { id: 'Jam khusus' } (closures: { id: 'Tutup' }). */
  reason?: LocalizedText
  closureReason?: LocalizedText
}

const MAX_LENGTH = 10_000
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const UNSUPPORTED_WORDS: Record<string, string> = {
  sh: 'School holidays (SH) are not supported',
  sunrise: 'Variable times (sunrise, sunset, dawn, dusk) are not supported',
  sunset: 'Variable times (sunrise, sunset, dawn, dusk) are not supported',
  dawn: 'Variable times (sunrise, sunset, dawn, dusk) are not supported',
  dusk: 'Variable times (sunrise, sunset, dawn, dusk) are not supported',
  week: 'Week-number selectors are not supported',
  easter: 'Easter-relative dates are not supported',
  unknown: 'The "unknown" state is not supported',
}

/** [start, end, position in the input]; end > 1440 runs past midnight. */
type Span = [number, number, number]

interface Rule {
  pos: number
  additional: boolean
  dates: { from: number; to: number; key: string } | undefined
  weekdays: number[] | undefined
  ph: boolean
  off: boolean
  spans: Span[]
  comment: string | undefined
}

interface Failure {
  readonly failure: true
  position: number
  message: string
}

function fail(position: number, message: string): never {
  throw { failure: true, position, message } satisfies Failure
}

function isFailure(value: unknown): value is Failure {
  return typeof value === 'object' && value !== null && (value as Failure).failure === true
}

function weekdayOf(token: Token | undefined): number {
  if (token?.type !== 'word') return -1
  return WEEKDAYS.indexOf(token.text.toLowerCase() as WeekdayKey)
}

function monthOf(token: Token | undefined): number {
  if (token?.type !== 'word') return -1
  return MONTHS.indexOf(token.text.toLowerCase())
}

function minutesOf(token: Token): number {
  const [h, m] = token.text.split(':')
  const hours = Number(h)
  const minutes = Number(m)
  if (minutes > 59) fail(token.pos, `Invalid minutes in ${token.text}`)
  return hours * 60 + minutes
}

/** Parses the token list into rules; the first problem throws a Failure with its position. */
function parseRules(tokens: Token[], length: number): Rule[] {
  let i = 0
  const peek = (k = 0): Token | undefined => tokens[i + k]
  const at = (): number => peek()?.pos ?? length
  const isPunct = (text: string, k = 0): boolean => peek(k)?.type === 'punct' && peek(k)?.text === text

  const dayOf = (yearTok: Token): number => {
    const year = Number(yearTok.text)
    const month = monthOf(peek())
    if (month < 0) fail(at(), 'Expected a month name (Jan … Dec) after the year; year-only ranges are not supported')
    i++
    const dayTok = peek()
    if (dayTok?.type !== 'num') fail(at(), 'Expected a day of the month')
    i++
    const day = dayNumber(
      `${yearTok.text.padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${dayTok.text.padStart(2, '0')}`,
    )
    if (yearTok.text.length !== 4 || Number.isNaN(day) || year < 1900) fail(yearTok.pos, 'Not a valid calendar date')
    return day
  }

  const rules: Rule[] = []
  let additional = false
  while (i <= tokens.length) {
    const rule: Rule = {
      pos: at(),
      additional,
      dates: undefined,
      weekdays: undefined,
      ph: false,
      off: false,
      spans: [],
      comment: undefined,
    }
    if (i === tokens.length) fail(length, 'Expected a rule')
    // 24/7
    if (peek()?.type === 'num' && peek()?.text === '24' && isPunct('/', 1) && peek(2)?.text === '7') {
      i += 3
      rule.spans = [[0, DAY_MINUTES, rule.pos]]
    } else {
      // Date selector: 2026 Dec 25 or 2026 Dec 24-2027 Jan 02 or 2026 Dec 24-31
      const first = peek()
      if (first?.type === 'num' && first.text.length === 4 && !isPunct(':', 1)) {
        i++
        const from = dayOf(first)
        let to = from
        if (isPunct('-')) {
          i++
          const second = peek()
          if (second?.type === 'num' && second.text.length === 4) {
            i++
            to = dayOf(second)
          } else if (second?.type === 'num') {
            i++
            const [y, m] = formatDay(from).split('-')
            to = dayNumber(`${y}-${m}-${second.text.padStart(2, '0')}`)
            if (Number.isNaN(to)) fail(second.pos, 'Not a valid day of the month')
          } else {
            fail(at(), 'Expected the end date of the range (e.g. 2026 Mar 19 or 19)')
          }
          if (to < from) fail(first.pos, 'The date range ends before it starts')
        }
        rule.dates = { from, to, key: `${from}/${to}` }
        if (isPunct(':')) i++
      } else if (monthOf(first) >= 0) {
        fail(first?.pos ?? 0, 'Month selectors without a year (recurring every year) are not supported')
      } else if (first?.type === 'num' && !isPunct(':', 1)) {
        fail(first.pos, 'Expected a weekday, a date (2026 Dec 25) or a time')
      }
      // Weekday / PH selector
      const word = peek()
      if (word?.type === 'word' && (weekdayOf(word) >= 0 || word.text.toLowerCase() === 'ph')) {
        const days = new Set<number>()
        for (;;) {
          const tok = peek()
          if (tok?.type === 'word' && tok.text.toLowerCase() === 'ph') {
            if (rule.dates) fail(tok.pos, 'PH cannot be combined with a date selector')
            rule.ph = true
            i++
          } else {
            const a = weekdayOf(tok)
            if (a < 0) fail(at(), 'Expected a weekday (Mo, Tu, We, Th, Fr, Sa, Su) or PH')
            i++
            let b = a
            if (isPunct('-')) {
              i++
              b = weekdayOf(peek())
              if (b < 0) fail(at(), 'Expected a weekday to end the range')
              i++
            }
            for (let d = a; ; d = (d + 1) % 7) {
              days.add(d)
              if (d === b) break
            }
            if (isPunct('[')) fail(at(), 'Nth-weekday selectors (Mo[1]) are not supported')
          }
          // A comma followed by another weekday/PH continues the list; otherwise it is a rule separator.
          const after = peek(1)
          if (isPunct(',') && after?.type === 'word' && (weekdayOf(after) >= 0 || after.text.toLowerCase() === 'ph')) {
            i++
            continue
          }
          break
        }
        if (rule.ph && peek()?.type === 'word' && weekdayOf(peek()) >= 0) {
          fail(at(), 'PH followed by weekdays (only on holidays that fall on those days) is not supported')
        }
        if (days.size > 0) rule.weekdays = [...days].sort()
        if (isPunct(':')) i++
      }
      // Time part
      const tok = peek()
      const keyword = tok?.type === 'word' ? tok.text.toLowerCase() : ''
      if (keyword === 'off' || keyword === 'closed') {
        rule.off = true
        i++
      } else if (tok?.type === 'time') {
        for (;;) {
          const startTok = peek() as Token
          const start = minutesOf(startTok)
          i++
          if (isPunct('+')) fail(at(), 'Open-ended times (08:00+) are not supported')
          if (!isPunct('-')) fail(at(), 'Expected "-" and an end time; points in time are not supported')
          i++
          const endTok = peek()
          if (endTok?.type === 'word' && UNSUPPORTED_WORDS[endTok.text.toLowerCase()]) {
            fail(endTok.pos, UNSUPPORTED_WORDS[endTok.text.toLowerCase()] as string)
          }
          if (endTok?.type !== 'time') fail(at(), 'Expected an end time (HH:MM)')
          const end = minutesOf(endTok)
          i++
          if (start >= DAY_MINUTES) fail(startTok.pos, 'A start time must be before 24:00')
          if (end === start) fail(endTok.pos, 'End time equals start time')
          if (end > 2 * DAY_MINUTES || (end > DAY_MINUTES && end - DAY_MINUTES >= start)) {
            fail(endTok.pos, 'An interval may not last 24 hours or more')
          }
          if (isPunct('+')) fail(at(), 'Open-ended times (08:00+) are not supported')
          if (isPunct('/')) fail(at(), 'Repeating times (10:00-16:00/01:00) are not supported')
          rule.spans.push([start, end < start ? end + DAY_MINUTES : end, startTok.pos])
          if (isPunct(',') && peek(1)?.type === 'time') {
            i++
            continue
          }
          break
        }
        const mod = peek()
        if (mod?.type === 'word' && mod.text.toLowerCase() === 'open') i++
        else if (mod?.type === 'word' && ['off', 'closed'].includes(mod.text.toLowerCase())) {
          fail(
            mod.pos,
            'Closed time ranges inside a day ("12:00-13:00 off") are not supported; list the open intervals',
          )
        }
      } else if (keyword === 'open' || (keyword === '' && (rule.weekdays || rule.ph || rule.dates))) {
        // A selector without times means open all day, as in OSM.
        if (keyword === 'open') i++
        rule.spans = [[0, DAY_MINUTES, rule.pos]]
      } else if (tok?.type === 'word' && UNSUPPORTED_WORDS[keyword]) {
        fail(tok.pos, UNSUPPORTED_WORDS[keyword] as string)
      } else if (tok?.type === 'word' && monthOf(tok) >= 0) {
        fail(tok.pos, 'Month selectors without a year (recurring every year) are not supported')
      } else if (tok) {
        fail(tok.pos, `Unexpected ${JSON.stringify(tok.text)}: expected a weekday, PH, a date, a time, off or 24/7`)
      } else {
        fail(length, 'Expected a rule')
      }
    }
    if (peek()?.type === 'str') {
      rule.comment = (peek() as Token).text.trim() || undefined
      i++
    }
    rules.push(rule)
    const sep = peek()
    if (!sep) break
    if (sep.type === 'punct' && sep.text === '|' && isPunct('|', 1)) {
      fail(sep.pos, 'Fallback rules (||) are not supported')
    }
    if (sep.type === 'punct' && (sep.text === ';' || sep.text === ',')) {
      additional = sep.text === ','
      i++
      // A trailing ';' is tolerated.
      if (i === tokens.length && sep.text === ';') break
      continue
    }
    fail(sep.pos, `Unexpected ${JSON.stringify(sep.text)}: expected ";" or "," between rules`)
  }
  return rules
}

type DayTable = (Span[] | undefined)[]

function applyRule(table: DayTable, rule: Rule): void {
  const days = rule.weekdays ?? [0, 1, 2, 3, 4, 5, 6]
  for (const d of days) {
    const spans = rule.off ? [] : rule.spans
    table[d] = rule.additional && !rule.off ? [...(table[d] ?? []), ...spans] : [...spans]
  }
}

function toInterval([start, end]: Span): Interval {
  return end > DAY_MINUTES
    ? { start: formatWallTime(start), end: formatWallTime(end - DAY_MINUTES), overnight: true }
    : { start: formatWallTime(start), end: formatWallTime(end) }
}

/** Sorted intervals; records each interval's input position under `path.index` for error reporting. */
function toIntervals(spans: Span[], positions: Map<string, number>, path: string): Interval[] {
  return [...spans]
    .sort((a, b) => a[0] - b[0])
    .map((span, i) => {
      positions.set(`${path}.${i}`, span[2])
      return toInterval(span)
    })
}

function toWeekly(table: DayTable, positions: Map<string, number>, path: string): WeeklyHours {
  const weekly: WeeklyHours = {}
  WEEKDAYS.forEach((key, d) => {
    const spans = table[d]
    if (spans && spans.length > 0) weekly[key] = toIntervals(spans, positions, `${path}.${key}`)
  })
  return weekly
}

const CATEGORY_NAMES = ['Weekday rules', 'date-range rules', 'PH rules', 'single-date and closure rules']

/**
 * Imports an OSM opening_hours value into a schedule definition. Supported: weekdays (Mo-Th, Mo,We,
 * Fr-Mo), several intervals (08:00-12:00,13:00-16:00), off/closed, open, 24/7, overnight (18:00-02:00
 * or 18:00-26:00), PH off / PH 08:00-12:00, date rules (2026 Dec 25 off "Natal", 2026 Feb 18-2026 Mar 19
 * Mo-Th 08:00-14:00) and comments as reasons. Rules must follow the model's precedence order: weekday
 * rules, then date ranges, then PH, then single dates. Anything else yields a positioned error.
 * Without a PH rule the schedule does not close on holidays (closedOnHolidays: false).
 * @example parseOpeningHours('Mo-Th 08:00-12:00,13:00-16:00; Fr 08:00-11:30,13:30-16:30; PH off')
 */
export function parseOpeningHours(value: string, options: ParseOpeningHoursOptions = {}): OpeningHoursParseResult {
  const text = typeof value === 'string' ? value : ''
  const snippetAt = (position: number): string => `${text.slice(0, position)} <--- `
  const error = (position: number, message: string): OpeningHoursParseResult => ({
    ok: false,
    error: { position, message, snippet: snippetAt(position) },
  })
  if (typeof value !== 'string') return error(0, 'The value must be a string')
  if (text.length > MAX_LENGTH) return error(MAX_LENGTH, `The value is longer than ${MAX_LENGTH} characters`)
  if (text.trim() === '') return error(0, 'The value is empty')
  const tokens = tokenize(text)
  if (!Array.isArray(tokens)) return error(tokens.position, tokens.message)
  try {
    return build(parseRules(tokens, text.length), options)
  } catch (caught) {
    if (isFailure(caught)) return error(caught.position, caught.message)
    // A bug must still not crash an import screen; the fuzz test asserts this path is never taken.
    return error(0, `Internal error while reading the value: ${String(caught)}`)
  }
}

function build(rules: Rule[], options: ParseOpeningHoursOptions): OpeningHoursParseResult {
  const warnings: OpeningHoursWarning[] = []
  const positions = new Map<string, number>()
  const reason = options.reason ?? { id: 'Jam khusus' }
  const closureReason = options.closureReason ?? { id: 'Tutup' }

  // Classify date groups (rules with the same date range) before checking the order.
  const groups = new Map<string, Rule[]>()
  for (const r of rules) {
    if (!r.dates) continue
    const list = groups.get(r.dates.key)
    if (list) list.push(r)
    else groups.set(r.dates.key, [r])
  }
  const groupKind = new Map<string, 'override' | 'closure' | 'extra'>()
  for (const [key, list] of groups) {
    const first = list[0] as Rule
    const dates = first.dates as NonNullable<Rule['dates']>
    if (list.some((r) => r.weekdays)) {
      groupKind.set(key, 'override')
      continue
    }
    const table: DayTable = []
    for (const r of list) applyRule(table, { ...r, weekdays: [0] })
    const empty = (table[0] ?? []).length === 0
    groupKind.set(key, empty ? 'closure' : dates.from === dates.to ? 'extra' : 'override')
  }
  const category = (r: Rule): number => {
    if (r.dates) return groupKind.get(r.dates.key) === 'override' ? 1 : 3
    if (r.ph && !r.weekdays) return 2
    return 0
  }

  let maxCategory = 0
  let previous: Rule | undefined
  for (const r of rules) {
    const cat = category(r)
    if (cat < maxCategory) {
      fail(
        r.pos,
        `${CATEGORY_NAMES[cat]} must come before ${(CATEGORY_NAMES[maxCategory] ?? '').toLowerCase()} (rules are applied in that order here)`,
      )
    }
    if (r.additional && previous) {
      const sameGroup = r.dates && previous.dates && r.dates.key === previous.dates.key
      if (cat !== 0 && !sameGroup) {
        fail(r.pos, 'An additional rule (",") may only add weekday hours or continue the same date rule; use ";"')
      }
      if (cat === 0 && r.ph) fail(r.pos, 'An additional rule (",") cannot set PH hours; use ";"')
    }
    maxCategory = Math.max(maxCategory, r.ph ? 2 : cat)
    previous = r
  }

  // Weekly table, then holiday handling.
  const weekly: DayTable = []
  let closedOnHolidays = false
  let holidayHours: Span[] | undefined
  let phPos = 0
  for (const r of rules) {
    if (category(r) !== 0 && !(r.ph && !r.dates)) continue
    if (r.weekdays || !r.ph) applyRule(weekly, r)
    if (r.ph) {
      phPos = r.pos
      closedOnHolidays = r.off
      holidayHours = r.off ? undefined : r.spans
    }
    if (r.comment && !r.ph) {
      warnings.push({ position: r.pos, message: 'Comments on weekday rules are not kept' })
    }
  }
  const weeklyHours = toWeekly(weekly, positions, 'weekly')

  const schedule: ScheduleDefinition = {
    zone: options.zone ?? 'Asia/Jakarta',
    weekly: weeklyHours,
    closedOnHolidays,
  }
  if (holidayHours) {
    positions.set('holidayHours', phPos)
    schedule.holidayHours = toIntervals(holidayHours, positions, 'holidayHours')
  }
  for (const [key, list] of groups) {
    const first = list[0] as Rule
    const dates = first.dates as NonNullable<Rule['dates']>
    const comment = list.find((r) => r.comment)?.comment
    const kind = groupKind.get(key)
    if (kind === 'override') {
      const table: DayTable = [...weekly]
      for (const r of list) applyRule(table, r)
      schedule.overrides ??= []
      const path = `overrides.${schedule.overrides.length}`
      positions.set(path, first.pos)
      schedule.overrides.push({
        from: formatDay(dates.from),
        to: formatDay(dates.to),
        weekly: toWeekly(table, positions, `${path}.weekly`),
        reason: comment ? { id: comment } : reason,
      })
    } else if (kind === 'closure') {
      schedule.closures ??= []
      positions.set(`closures.${schedule.closures.length}`, first.pos)
      const closure: NonNullable<ScheduleDefinition['closures']>[number] = {
        from: formatDay(dates.from),
        reason: comment ? { id: comment } : closureReason,
      }
      if (dates.to !== dates.from) closure.to = formatDay(dates.to)
      schedule.closures.push(closure)
    } else {
      const table: DayTable = []
      for (const r of list) applyRule(table, { ...r, weekdays: [0] })
      schedule.extraOpenings ??= []
      const path = `extraOpenings.${schedule.extraOpenings.length}`
      positions.set(path, first.pos)
      schedule.extraOpenings.push({
        date: formatDay(dates.from),
        intervals: toIntervals(table[0] ?? [], positions, `${path}.intervals`),
        reason: comment ? { id: comment } : reason,
      })
    }
  }

  const checked = scheduleSchema.safeParse(schedule)
  if (!checked.success) {
    const issue = checked.error.issues[0]
    const path = (issue?.path ?? []).map(String)
    let position = 0
    for (let n = path.length; n > 0; n--) {
      const hit = positions.get(path.slice(0, n).join('.'))
      if (hit !== undefined) {
        position = hit
        break
      }
    }
    fail(position, `${issue?.message ?? 'Invalid schedule'} (at ${path.join('.') || 'schedule'})`)
  }
  return { ok: true, schedule, warnings }
}
