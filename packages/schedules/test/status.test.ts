import { describe, expect, it } from 'vitest'
import { type ScheduleDefinition, statusAt, weekView, zoneOffset } from '../src/index'
import { at, calendar, nightMarket, office } from './fixtures'

describe('statusAt: weekly hours and breaks', () => {
  it('is open in the morning until the ISHOMA break', () => {
    const s = statusAt(office, at('2026-01-05 09:00'), calendar)
    expect(s).toEqual({
      open: true,
      until: at('2026-01-05 12:00'),
      nextOpen: at('2026-01-05 13:00'),
      reason: { kind: 'weekly' },
    })
  })

  it('reports the ISHOMA break with the time it ends', () => {
    const s = statusAt(office, at('2026-01-05 12:30'), calendar)
    expect(s.open).toBe(false)
    expect(s.reason.kind).toBe('break')
    expect(s.until).toEqual(at('2026-01-05 13:00'))
    expect(s.nextOpen).toEqual(at('2026-01-05 13:00'))
  })

  it('reports the longer Friday-prayer break', () => {
    const s = statusAt(office, at('2026-01-09 12:45'), calendar)
    expect(s.reason.kind).toBe('break')
    expect(s.until).toEqual(at('2026-01-09 13:30'))
  })

  it('after closing on Friday the next opening is Monday, reason weekly (not a break)', () => {
    const s = statusAt(office, at('2026-01-09 17:00'), calendar)
    expect(s).toEqual({
      open: false,
      until: at('2026-01-12 08:00'),
      nextOpen: at('2026-01-12 08:00'),
      reason: { kind: 'weekly' },
    })
  })

  it('a weekend day is a closed_day', () => {
    expect(statusAt(office, at('2026-01-10 10:00'), calendar).reason.kind).toBe('closed_day')
  })

  it('treats the closing instant as closed and the opening instant as open', () => {
    expect(statusAt(office, at('2026-01-05 12:00'), calendar).open).toBe(false)
    expect(statusAt(office, at('2026-01-05 13:00'), calendar).open).toBe(true)
  })
})

describe('statusAt: overnight and 24/7', () => {
  it('is open after midnight inside Friday night’s market', () => {
    const s = statusAt(nightMarket, at('2026-01-10 01:00'))
    expect(s.open).toBe(true)
    expect(s.until).toEqual(at('2026-01-10 02:00'))
    expect(s.nextOpen).toEqual(at('2026-01-10 18:00'))
  })

  it('closes on Sunday 02:00 after Saturday night', () => {
    expect(statusAt(nightMarket, at('2026-01-11 01:59')).open).toBe(true)
    expect(statusAt(nightMarket, at('2026-01-11 02:00')).open).toBe(false)
  })

  it('merges back-to-back days so until is a real closing', () => {
    const s: ScheduleDefinition = {
      zone: 'Asia/Jakarta',
      closedOnHolidays: false,
      weekly: { mo: [{ start: '20:00', end: '24:00' }], tu: [{ start: '00:00', end: '03:00' }] },
    }
    expect(statusAt(s, at('2026-01-05 21:00')).until).toEqual(at('2026-01-06 03:00'))
  })

  it('24/7 is always open with no change, until a holiday it observes', () => {
    const allDay = [{ start: '00:00', end: '24:00' }]
    const always: ScheduleDefinition = {
      zone: 'Asia/Jakarta',
      closedOnHolidays: false,
      weekly: { mo: allDay, tu: allDay, we: allDay, th: allDay, fr: allDay, sa: allDay, su: allDay },
    }
    expect(statusAt(always, at('2026-01-05 03:00'), calendar)).toEqual({
      open: true,
      until: null,
      nextOpen: null,
      reason: { kind: 'always' },
    })
    const closing = { ...always, closedOnHolidays: true }
    const s = statusAt(closing, at('2026-08-16 10:00'), calendar)
    expect(s.until).toEqual(at('2026-08-17 00:00'))
    expect(s.nextOpen).toEqual(at('2026-08-18 00:00'))
  })

  it('a schedule that never opens has no next opening', () => {
    const never: ScheduleDefinition = { zone: 'Asia/Jakarta', closedOnHolidays: true, weekly: {} }
    expect(statusAt(never, at('2026-01-05 09:00'), calendar)).toEqual({
      open: false,
      until: null,
      nextOpen: null,
      reason: { kind: 'closed_day' },
    })
  })
})

describe('statusAt: precedence', () => {
  it('an override (Ramadan) beats the weekly hours', () => {
    const s = statusAt(office, at('2026-03-02 13:30'), calendar)
    expect(s.open).toBe(true)
    expect(s.reason).toEqual({ kind: 'override', label: { id: 'Jam kerja Ramadan', en: 'Ramadan hours' } })
    expect(s.until).toEqual(at('2026-03-02 14:00'))
    // Outside the range the weekly ISHOMA break applies again.
    expect(statusAt(office, at('2026-03-30 12:30'), calendar).reason.kind).toBe('break')
  })

  it('a holiday beats the override, and cuti bersama counts as a holiday', () => {
    const idul = statusAt(office, at('2026-03-20 09:00'), calendar)
    expect(idul.open).toBe(false)
    expect(idul.reason).toEqual({ kind: 'holiday', label: { id: 'Idul Fitri 1447 H' } })
    // 21-22 weekend, 23-24 cuti bersama: next opening is Wednesday 25th.
    expect(idul.nextOpen).toEqual(at('2026-03-25 08:00'))
  })

  it('holidays change nothing when the schedule does not close on them (hospital)', () => {
    const hospital = { ...office, closedOnHolidays: false }
    expect(statusAt(hospital, at('2026-12-25 09:00'), calendar).open).toBe(true)
    expect(statusAt(hospital, at('2026-03-20 09:00'), calendar)).toMatchObject({
      open: true,
      reason: { kind: 'weekly' },
    })
  })

  it('holidayKinds limits which holidays close the schedule', () => {
    const nationalOnly: ScheduleDefinition = { ...office, holidayKinds: ['national'] }
    expect(statusAt(nationalOnly, at('2026-03-23 09:00'), calendar).open).toBe(true)
    expect(statusAt(nationalOnly, at('2026-03-20 09:00'), calendar).open).toBe(false)
  })

  it('holiday hours replace the weekly hours on holidays', () => {
    const clinic: ScheduleDefinition = {
      ...office,
      closedOnHolidays: false,
      holidayHours: [{ start: '09:00', end: '12:00' }],
    }
    const s = statusAt(clinic, at('2026-08-17 10:00'), calendar)
    expect(s).toEqual({
      open: true,
      until: at('2026-08-17 12:00'),
      nextOpen: at('2026-08-18 08:00'),
      reason: { kind: 'holiday', label: { id: 'Hari Kemerdekaan RI' } },
    })
  })

  it('a one-off closure and an extra opening carry their reason', () => {
    expect(statusAt(office, at('2026-06-10 09:00'), calendar).reason).toEqual({
      kind: 'closure',
      label: { id: 'Pemeliharaan server', en: 'Server maintenance' },
    })
    const extra = statusAt(office, at('2026-06-13 09:00'), calendar)
    expect(extra.open).toBe(true)
    expect(extra.reason.kind).toBe('extra')
  })

  it('an extra opening on a holiday beats the holiday', () => {
    const s: ScheduleDefinition = {
      ...office,
      extraOpenings: [{ date: '2026-08-17', intervals: [{ start: '10:00', end: '11:00' }], reason: { id: 'Upacara' } }],
    }
    expect(statusAt(s, at('2026-08-17 10:30'), calendar).reason.kind).toBe('extra')
  })

  it('an overnight interval stops at midnight before a closed holiday (special dates start fresh)', () => {
    const market: ScheduleDefinition = { ...nightMarket, closedOnHolidays: true }
    const holidays = {
      holidays: [{ date: '2026-01-10', name: { id: 'Libur' }, kind: 'regional' as const, verified: true }],
    }
    expect(statusAt(market, at('2026-01-09 23:00'), holidays).until).toEqual(at('2026-01-10 00:00'))
    expect(statusAt(market, at('2026-01-10 01:00'), holidays).open).toBe(false)
  })
})

describe('statusAt: time zones', () => {
  const wita: ScheduleDefinition = { ...office, zone: 'Asia/Makassar' }
  const wit: ScheduleDefinition = { ...office, zone: 'Asia/Jayapura' }

  it('a WITA tenant (UTC+8) opens at 08:00 Makassar time', () => {
    const instant = new Date('2026-01-05T00:30:00Z') // 08:30 WITA, 07:30 WIB
    expect(statusAt(wita, instant, calendar).open).toBe(true)
    expect(statusAt(office, instant, calendar).open).toBe(false)
    expect(statusAt(wita, instant, calendar).until).toEqual(new Date('2026-01-05T04:00:00Z'))
  })

  it('a WIT tenant (UTC+9) computes in Jayapura time', () => {
    const instant = new Date('2026-01-05T23:30:00Z') // Tuesday 08:30 WIT, 07:30 WITA
    expect(statusAt(wit, instant, calendar).open).toBe(true)
    expect(statusAt(wita, instant, calendar).open).toBe(false)
    expect(statusAt(wit, new Date('2026-01-05T22:30:00Z'), calendar).nextOpen).toEqual(new Date('2026-01-05T23:00:00Z'))
  })

  it('the holiday date is the tenant’s local date', () => {
    const instant = new Date('2026-12-24T23:30:00Z') // 08:30 WIT on the 25th
    expect(statusAt(wit, instant, calendar).reason.kind).toBe('holiday')
    expect(statusAt({ ...office, zone: 'Asia/Jayapura', closedOnHolidays: false }, instant, calendar).open).toBe(true)
  })
})

describe('statusAt: daylight saving (Europe/Amsterdam)', () => {
  const shop: ScheduleDefinition = {
    zone: 'Europe/Amsterdam',
    closedOnHolidays: false,
    weekly: {
      sa: [{ start: '22:00', end: '04:00', overnight: true }],
      su: [{ start: '09:00', end: '17:00' }],
      mo: [{ start: '09:00', end: '17:00' }],
    },
  }

  it('switches offset exactly at the transition instant', () => {
    const change = Date.parse('2026-03-29T01:00:00Z')
    expect(zoneOffset('Europe/Amsterdam', change - 1)).toBe(3_600_000)
    expect(zoneOffset('Europe/Amsterdam', change)).toBe(7_200_000)
  })

  it('opens at 09:00 local on both sides of the spring-forward change', () => {
    // 2026-03-29: clocks go 02:00 CET → 03:00 CEST.
    expect(statusAt(shop, new Date('2026-03-29T07:00:00Z'), undefined).open).toBe(true) // 09:00 CEST
    expect(statusAt(shop, new Date('2026-03-29T06:59:00Z'), undefined).open).toBe(false)
    expect(statusAt(shop, new Date('2026-03-28T10:00:00Z'), undefined).nextOpen).toEqual(
      new Date('2026-03-28T21:00:00Z'),
    ) // 22:00 CET
  })

  it('an overnight interval across spring-forward lasts one hour less', () => {
    const s = statusAt(shop, new Date('2026-03-28T22:00:00Z'), undefined) // 23:00 CET
    expect(s.open).toBe(true)
    expect(s.until).toEqual(new Date('2026-03-29T02:00:00Z')) // 04:00 CEST
  })

  it('an overnight interval across fall-back lasts one hour more', () => {
    // 2026-10-25: clocks go 03:00 CEST → 02:00 CET.
    const s = statusAt(shop, new Date('2026-10-24T21:00:00Z'), undefined) // 23:00 CEST
    expect(s.until).toEqual(new Date('2026-10-25T03:00:00Z')) // 04:00 CET
    expect(statusAt(shop, new Date('2026-10-25T08:00:00Z'), undefined).open).toBe(true) // 09:00 CET
    expect(statusAt(shop, new Date('2026-10-25T07:59:00Z'), undefined).open).toBe(false)
  })

  it('the week view shows real instants on the change day', () => {
    const days = weekView(shop, '2026-10-24')
    const sunday = days[1]
    expect(sunday?.date).toBe('2026-10-25')
    expect(sunday?.intervals[0]?.startsAt).toEqual(new Date('2026-10-25T08:00:00Z'))
    expect(days[0]?.intervals[0]?.endsAt).toEqual(new Date('2026-10-25T03:00:00Z'))
  })
})
