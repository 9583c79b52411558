import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseOpeningHours, toOpeningHours } from '../src/index'
import { scheduleArb } from './arbitraries'

describe('parseOpeningHours', () => {
  it('imports the typical office string', () => {
    const r = parseOpeningHours('Mo-Th 08:00-12:00,13:00-16:00; Fr 08:00-11:30,13:30-16:30; PH off', {
      zone: 'Asia/Makassar',
    })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.schedule.zone).toBe('Asia/Makassar')
    expect(r.schedule.closedOnHolidays).toBe(true)
    expect(r.schedule.weekly.we).toEqual([
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ])
    expect(r.schedule.weekly.fr?.[1]).toEqual({ start: '13:30', end: '16:30' })
    expect(r.schedule.weekly.sa).toBeUndefined()
  })

  it('imports lists, wrapping ranges, overnight, 24/7 and PH hours', () => {
    const r = parseOpeningHours('Mo,We 09:00-10:00; Fr-Su 18:00-02:00; PH 08:00-12:00')
    expect(r.ok && r.schedule.weekly.mo).toEqual([{ start: '09:00', end: '10:00' }])
    expect(r.ok && r.schedule.weekly.su).toEqual([{ start: '18:00', end: '02:00', overnight: true }])
    expect(r.ok && r.schedule.holidayHours).toEqual([{ start: '08:00', end: '12:00' }])
    const always = parseOpeningHours('24/7')
    expect(always.ok && Object.keys(always.schedule.weekly)).toHaveLength(7)
  })

  it('imports date rules as overrides, closures and extra openings with reasons', () => {
    const r = parseOpeningHours(
      'Mo-Fr 08:00-16:00; 2026 Feb 18-2026 Mar 19 Mo-Th 08:00-14:00; PH off; 2026 Dec 24-31 off "Libur akhir tahun"; 2027 Jan 02 08:00-12:00 open "Pelayanan Sabtu"',
    )
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.schedule.overrides?.[0]).toMatchObject({ from: '2026-02-18', to: '2026-03-19' })
    // Days the date rule does not mention keep the weekly hours, as in OSM.
    expect(r.schedule.overrides?.[0]?.weekly.fr).toEqual([{ start: '08:00', end: '16:00' }])
    expect(r.schedule.closures).toEqual([{ from: '2026-12-24', to: '2026-12-31', reason: { id: 'Libur akhir tahun' } }])
    expect(r.schedule.extraOpenings?.[0]).toMatchObject({ date: '2027-01-02', reason: { id: 'Pelayanan Sabtu' } })
  })

  it.each([
    ['Mo-Fr 08:00-16:00 || "by appointment"', 18, 'Fallback rules'],
    ['Mo-Fr 08:00-', 12, 'Expected an end time'],
    ['Mo-Fr sunrise-sunset', 6, 'Variable times'],
    ['Jan-Mar Mo 10:00-12:00', 0, 'Month selectors'],
    ['Mo 10:00-12:00,11:00-13:00', 15, 'Overlaps interval 0'],
    ['PH off; Mo 10:00-11:00', 8, 'Weekday rules must come before ph rules'],
    ['Mo 08:00-08:00', 9, 'End time equals start time'],
    ['Mo 08:00-12:00 "open', 15, 'Unterminated comment'],
    ['Xx 08:00-12:00', 0, 'Unexpected "Xx"'],
    ['2026 Feb 30 off', 0, 'Not a valid calendar date'],
    ['Mo 08:00-12:00 Tu', 15, 'expected ";" or ","'],
    ['Mo[1] 08:00-12:00', 2, 'Nth-weekday'],
    ['SH off', 0, 'School holidays'],
    ['', 0, 'empty'],
  ])('%j fails at %i with a precise message', (value, position, message) => {
    const r = parseOpeningHours(value)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.position).toBe(position)
    expect(r.error.message).toContain(message)
  })

  it('fuzz: random strings never crash and errors point inside the input', () => {
    const alphabet = fc.constantFrom(
      ...'MoTuWeThFrSaSuPH0123456789:-,;/ "offopenJanDec24'.split(''),
      'Mo',
      'Fr',
      '08:00',
      '12:00',
      '-',
      ',',
      ';',
      'PH',
      'off',
      '2026',
      'Dec',
      '24/7',
      ' ',
    )
    const inputs = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.array(alphabet, { maxLength: 25 }).map((a) => a.join('')),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
    )
    let accepted = 0
    fc.assert(
      fc.property(inputs, (value) => {
        const r = parseOpeningHours(value)
        if (r.ok) {
          accepted++
          // Anything accepted must export and re-import.
          expect(parseOpeningHours(toOpeningHours(r.schedule)).ok).toBe(true)
          return
        }
        expect(r.error.message).not.toContain('Internal error')
        expect(r.error.position).toBeGreaterThanOrEqual(0)
        expect(r.error.position).toBeLessThanOrEqual(value.length)
      }),
      { seed: 5, numRuns: 5000 },
    )
    expect(accepted).toBeGreaterThan(10)
  })
})

describe('toOpeningHours', () => {
  it('writes compact weekday groups and PH', () => {
    const r = parseOpeningHours('Mo-Th 08:00-12:00,13:00-16:00; Fr 08:00-11:30,13:30-16:30; PH off')
    expect(r.ok && toOpeningHours(r.schedule)).toBe('Mo-Th 08:00-12:00,13:00-16:00, Fr 08:00-11:30,13:30-16:30; PH off')
  })

  it('property: import → export → import is stable', () => {
    fc.assert(
      fc.property(scheduleArb(), (schedule) => {
        const first = parseOpeningHours(toOpeningHours(schedule), { zone: schedule.zone })
        expect(first.ok).toBe(true)
        if (!first.ok) return
        const text = toOpeningHours(first.schedule)
        const second = parseOpeningHours(text, { zone: schedule.zone })
        expect(second.ok && second.schedule).toEqual(first.schedule)
        expect(second.ok && toOpeningHours(second.schedule)).toBe(text)
        // The weekly table and holiday handling survive even the first trip unchanged.
        expect(first.schedule.closedOnHolidays).toBe(schedule.closedOnHolidays)
      }),
      { seed: 12, numRuns: 500 },
    )
  })
})
