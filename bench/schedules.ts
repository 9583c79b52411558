/**
 * Schedule engine benchmark: status evaluation with @cerdas/schedules vs the opening_hours library
 * on the same N schedules × M instants, in the same run.
 *   node_modules/.bin/tsx bench/schedules.ts
 * Ours: statusAt (open, until, nextOpen, reason). opening_hours: getState + getNextChange (open,
 * until), the closest equivalent; a state-only line (getState alone) is printed too.
 */
import type { HolidayCalendar, ScheduleDefinition } from '@cerdas/schedules'
import { statusAt, toOpeningHours } from '@cerdas/schedules'
import openingHours from 'opening_hours'

// opening_hours reads Date objects in the process zone: use the schedules' zone (WIB).
process.env.TZ = 'Asia/Jakarta'

const OpeningHours = openingHours as unknown as new (
  value: string,
  nominatim: unknown,
) => {
  getState(date: Date): boolean
  getNextChange(date: Date): Date | undefined
}

const N = 150
const M = 300
const NOMINATIM = { lat: 52.52, lon: 13.4, address: { country_code: 'de', state: 'Berlin' } }

/** Deterministic PRNG (mulberry32) so every run measures the same work. */
function prng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rand = prng(2026)
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T
const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

function makeSchedule(i: number): ScheduleDefinition {
  const open = 420 + 30 * Math.floor(rand() * 4)
  const breakStart = 690 + 30 * Math.floor(rand() * 2)
  const close = 900 + 30 * Math.floor(rand() * 4)
  const day = [
    { start: hhmm(open), end: hhmm(breakStart) },
    { start: hhmm(breakStart + 60), end: hhmm(close) },
  ]
  const friday = [
    { start: hhmm(open), end: '11:30' },
    { start: '13:30', end: hhmm(close + 30) },
  ]
  const kind = i % 4
  if (kind === 3) {
    return {
      zone: 'Asia/Jakarta',
      closedOnHolidays: false,
      weekly: {
        fr: [{ start: '18:00', end: '02:00', overnight: true }],
        sa: [{ start: '17:00', end: '01:00', overnight: true }],
      },
    }
  }
  const schedule: ScheduleDefinition = {
    zone: 'Asia/Jakarta',
    closedOnHolidays: kind !== 2,
    weekly: {
      mo: day,
      tu: day,
      we: day,
      th: day,
      fr: friday,
      ...(kind === 1 ? { sa: [{ start: '08:00', end: '12:00' }] } : {}),
    },
  }
  if (kind === 0) {
    schedule.overrides = [
      {
        from: '2026-02-18',
        to: '2026-03-19',
        reason: { id: 'Jam kerja Ramadan' },
        weekly: {
          mo: [{ start: '08:00', end: '14:00' }],
          tu: [{ start: '08:00', end: '14:00' }],
          we: [{ start: '08:00', end: '14:00' }],
          th: [{ start: '08:00', end: '14:00' }],
          fr: [{ start: '08:00', end: '11:00' }],
        },
      },
    ]
    schedule.closures = [{ from: pick(['2026-06-10', '2026-07-01', '2026-09-15']), reason: { id: 'Pemeliharaan' } }]
  }
  return schedule
}

// The same holiday dates for both engines: opening_hours' German (Berlin) PH table, read once.
function referenceCalendar(): HolidayCalendar {
  const ph = new OpeningHours('PH', NOMINATIM)
  const holidays: HolidayCalendar['holidays'] = []
  for (let t = Date.UTC(2025, 11, 1, 5); t < Date.UTC(2027, 2, 1); t += 86_400_000) {
    if (ph.getState(new Date(t))) {
      holidays.push({
        date: new Date(t + 7 * 3_600_000).toISOString().slice(0, 10),
        name: { id: 'Libur' },
        kind: 'national',
        verified: true,
      })
    }
  }
  return { holidays }
}

const calendar = referenceCalendar()
const schedules = Array.from({ length: N }, (_, i) => makeSchedule(i))
const references = schedules.map((s) => new OpeningHours(toOpeningHours(s), NOMINATIM))
const yearStart = Date.UTC(2025, 11, 31, 17)
const instants = Array.from({ length: M }, () => new Date(yearStart + Math.floor(rand() * 365 * 1440) * 60_000))

// Warm both (JIT, our compile cache and offset cache) and check that they agree before timing.
let disagreements = 0
for (let s = 0; s < N; s++) {
  for (const t of instants) {
    const ours = statusAt(schedules[s] as ScheduleDefinition, t, calendar)
    const ref = references[s]
    if (!ref) continue
    if (ours.open !== ref.getState(t) || (ours.until?.getTime() ?? null) !== (ref.getNextChange(t)?.getTime() ?? null))
      disagreements++
  }
}

function measure(label: string, fn: () => void): number {
  const start = process.hrtime.bigint()
  fn()
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const rate = (N * M) / seconds
  console.log(
    `${label.padEnd(40)} ${(N * M).toLocaleString('en')} evaluations in ${seconds.toFixed(2)} s = ${Math.round(rate).toLocaleString('en')}/s`,
  )
  return rate
}

let sink = 0
const ours = measure('ours: statusAt', () => {
  for (let s = 0; s < N; s++) {
    const schedule = schedules[s] as ScheduleDefinition
    for (const t of instants) if (statusAt(schedule, t, calendar).open) sink++
  }
})
const theirs = measure('opening_hours: getState + getNextChange', () => {
  for (const ref of references) {
    for (const t of instants) {
      if (ref.getState(t)) sink++
      if (ref.getNextChange(t)) sink++
    }
  }
})
const stateOnly = measure('opening_hours: getState only', () => {
  for (const ref of references) for (const t of instants) if (ref.getState(t)) sink++
})

console.log(
  `agreement check before timing: ${disagreements} disagreements in ${(N * M).toLocaleString('en')} evaluations`,
)
console.log(`state-only ratio (our full status vs their getState alone): ${(ours / stateOnly).toFixed(1)}×`)
console.log(
  `schedules: ours ${Math.round(ours).toLocaleString('en')}/s, opening_hours ${Math.round(theirs).toLocaleString('en')}/s, ratio ${(ours / theirs).toFixed(1)}×`,
)
if (sink < 0) console.log(sink)
