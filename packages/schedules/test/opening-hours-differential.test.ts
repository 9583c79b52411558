/**
 * Differential test against the opening_hours npm library (the OSM reference implementation).
 * Every generated schedule is exported with toOpeningHours and evaluated by both engines.
 *
 * Zones: opening_hours reads Date objects in the process's local zone, while this engine uses the
 * schedule's IANA zone. This file sets process.env.TZ to the schedules' zone for its own duration
 * (Node re-reads TZ when it is assigned) and restores it afterwards, so other files are unaffected
 * even if they share the worker.
 *
 * Holidays: opening_hours only knows PH from its own country tables (Indonesia is not among them).
 * We therefore use its German (Berlin) holidays and feed the very same dates to our calendar.
 */
import fc from 'fast-check'
import OpeningHours from 'opening_hours'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatDay, type HolidayCalendar, statusAt, toOpeningHours } from '../src/index'
import { instantArb, type NightMode, scheduleArb } from './arbitraries'

const ZONE = 'Asia/Jakarta'
const NOMINATIM = { lat: 52.52, lon: 13.4, address: { country_code: 'de', state: 'Berlin' } }
let previousTz: string | undefined

beforeAll(() => {
  previousTz = process.env.TZ
  process.env.TZ = ZONE
})
afterAll(() => {
  if (previousTz === undefined) delete process.env.TZ
  else process.env.TZ = previousTz
})

function holidaysFromReference(): HolidayCalendar {
  const ph = new OpeningHours('PH', NOMINATIM)
  const holidays: HolidayCalendar['holidays'] = []
  for (let t = Date.UTC(2025, 11, 1, 5); t < Date.UTC(2027, 2, 1); t += 86_400_000) {
    const noon = new Date(t)
    if (ph.getState(noon)) {
      holidays.push({
        date: formatDay(Math.floor((t + 7 * 3_600_000) / 86_400_000)),
        name: { id: ph.getComment(noon) ?? 'PH' },
        kind: 'national',
        verified: true,
      })
    }
  }
  return { holidays }
}

describe('differential: statusAt vs opening_hours', () => {
  it('uses the zone this file set for opening_hours', () => {
    expect(new Date(Date.UTC(2026, 0, 1)).getHours()).toBe(7)
  })

  it('agrees on open/closed and the next change for 3000 generated schedules', () => {
    const calendar = holidaysFromReference()
    // Sanity: the reference calendar really has holidays in the tested year (e.g. 2026-12-25).
    expect(calendar.holidays.some((h) => h.date === '2026-12-25')).toBe(true)
    let compared = 0
    let openSeen = 0
    let withOvernight = 0
    fc.assert(
      fc.property(
        fc
          .constantFrom<NightMode>('weekly', 'overrides', 'holidays', 'extras')
          .chain((night) => scheduleArb({ zone: ZONE, night })),
        fc.array(instantArb(7), { minLength: 4, maxLength: 4 }),
        (schedule, instants) => {
          const value = toOpeningHours(schedule)
          const reference = new OpeningHours(value, NOMINATIM)
          if (value.includes('-0') && /\d{2}:\d{2}-0\d:\d{2}/.test(value)) withOvernight++
          for (const instant of instants) {
            const ours = statusAt(schedule, instant, calendar)
            const theirs = reference.getState(instant)
            const change = reference.getNextChange(instant)
            expect(reference.getUnknown(instant), value).toBe(false)
            expect({
              value,
              at: instant.toISOString(),
              open: ours.open,
              until: ours.until?.toISOString() ?? null,
            }).toEqual({
              value,
              at: instant.toISOString(),
              open: theirs,
              until: change?.toISOString() ?? null,
            })
            compared++
            if (ours.open) openSeen++
          }
        },
      ),
      { seed: 20_260_301, numRuns: 3000 },
    )
    expect(compared).toBe(12_000)
    // The generator must exercise both states and overnight hours, or the comparison proves little.
    expect(openSeen).toBeGreaterThan(1000)
    expect(withOvernight).toBeGreaterThan(300)
  })
})
