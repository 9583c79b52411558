import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addWorkingDays, dayNumber, formatDay, isWorkingDay, weekdayIndex, workingDaysBetween } from '../src/index'
import { calendar } from './fixtures'

describe('working days', () => {
  it('skips the weekend: Friday + 1 is Monday', () => {
    expect(addWorkingDays('2026-01-09', 1, calendar)).toBe('2026-01-12')
  })

  it('skips Idul Fitri and the cuti bersama days (SP4N-LAPOR 3-day forwarding)', () => {
    // Thu 19 Mar + 3: Fri 20 holiday, weekend, Mon 23 + Tue 24 cuti bersama → Wed 25, Thu 26, Fri 27.
    expect(addWorkingDays('2026-03-19', 3, calendar)).toBe('2026-03-27')
    expect(workingDaysBetween('2026-03-19', '2026-03-27', calendar)).toBe(3)
  })

  it('can count cuti bersama as working days when a service stays open', () => {
    expect(addWorkingDays('2026-03-19', 3, calendar, { holidayKinds: ['national', 'regional'] })).toBe('2026-03-25')
  })

  it('supports other weekend days and negative n', () => {
    expect(addWorkingDays('2026-01-09', 1, undefined, { weekend: ['fr'] })).toBe('2026-01-10')
    expect(addWorkingDays('2026-01-12', -1, calendar)).toBe('2026-01-09')
    expect(isWorkingDay('2026-12-25', calendar)).toBe(false)
    expect(isWorkingDay('2026-12-24', calendar)).toBe(true)
  })

  it('rejects invalid input instead of looping forever', () => {
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError)
    expect(() =>
      addWorkingDays('2026-01-01', 1, undefined, { weekend: ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] }),
    ).toThrow(RangeError)
  })

  it('property: lands on a working day, skipping weekends and holidays, inverse of workingDaysBetween', () => {
    const holidayDays = new Set(calendar.holidays.map((h) => h.date))
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 40 }), (offset, n) => {
        const start = formatDay(dayNumber('2025-12-01') + offset)
        const end = addWorkingDays(start, n, calendar)
        expect(workingDaysBetween(start, end, calendar)).toBe(n)
        expect(workingDaysBetween(end, start, calendar)).toBe(n === 0 ? 0 : -n)
        if (n > 0) {
          const day = dayNumber(end)
          expect(weekdayIndex(day)).toBeLessThan(5)
          expect(holidayDays.has(end)).toBe(false)
          // Minimal: the day before has one working day fewer.
          expect(workingDaysBetween(start, formatDay(day - 1), calendar)).toBe(n - 1)
        }
      }),
      { seed: 11, numRuns: 500 },
    )
  })
})
