import { describe, expect, it } from 'vitest'
import {
  type DepartureTimetable,
  departureDays,
  departuresOn,
  departuresSchema,
  departuresToICalendar,
  departureTrips,
  hasNoDepartures,
  nextDepartures,
  upcomingDepartureChanges,
} from '../src/index'
import { at, calendar } from './fixtures'

const WEEKDAY = ['07:00', '09:00', '11:00', '13:00', '15:00', '17:00']
const SUNDAY = ['07:00', '08:00', '09:00', '10:00', '12:00', '14:00', '16:00', '18:00']

/** An Ajibata–Tomok-style ferry: runs as on Sunday on holidays; peak-season and one-off dates. */
const ferry: DepartureTimetable = {
  zone: 'Asia/Jakarta',
  onHolidays: 'su',
  weekly: { mo: WEEKDAY, tu: WEEKDAY, we: WEEKDAY, th: WEEKDAY, fr: WEEKDAY, sa: WEEKDAY, su: SUNDAY },
  overrides: [
    {
      from: '2026-07-01',
      to: '2026-07-12',
      reason: { id: 'Musim libur sekolah', en: 'School holidays' },
      weekly: Object.fromEntries(['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'].map((d) => [d, ['06:00', '19:30']])),
    },
  ],
  exceptions: [
    { date: '2026-06-10', times: [], reason: { id: 'Cuaca buruk', en: 'Bad weather' } },
    { date: '2026-06-13', times: ['10:00', '07:00'], reason: { id: 'Festival' } },
  ],
}

const times = (list: { time: string }[]) => list.map((d) => d.time)

describe('departures on a local date', () => {
  it('a weekday has its own times, as instants in WIB', () => {
    const day = departuresOn(ferry, '2026-01-06', calendar)
    expect(day).toMatchObject({ date: '2026-01-06', weekday: 'tu', reason: { kind: 'weekly' } })
    expect(times(day.departures)).toEqual(WEEKDAY)
    expect(day.departures[0]?.at).toEqual(new Date('2026-01-06T00:00:00Z'))
    expect(day.holiday).toBeUndefined()
  })

  it('a Sunday has the Sunday times', () => {
    const day = departuresOn(ferry, '2026-01-04', calendar)
    expect(day.weekday).toBe('su')
    expect(times(day.departures)).toEqual(SUNDAY)
  })

  it('a national holiday on a Monday runs as on Sunday and says why', () => {
    const day = departuresOn(ferry, '2026-08-17', calendar)
    expect(times(day.departures)).toEqual(SUNDAY)
    expect(day.reason).toEqual({ kind: 'holiday', runsAs: 'su', label: { id: 'Hari Kemerdekaan RI' } })
    expect(day.holiday?.kind).toBe('national')
  })

  it('a cuti bersama day counts as a holiday unless the timetable observes national days only', () => {
    expect(departuresOn(ferry, '2026-03-23', calendar).reason).toMatchObject({ kind: 'holiday', runsAs: 'su' })
    const nationalOnly = { ...ferry, holidayKinds: ['national' as const] }
    const day = departuresOn(nationalOnly, '2026-03-23', calendar)
    expect(day.reason).toEqual({ kind: 'weekly' })
    expect(times(day.departures)).toEqual(WEEKDAY)
    // The page can still say it is cuti bersama.
    expect(day.holiday?.kind).toBe('cuti_bersama')
  })

  it('a rule of "usual" keeps the weekday times on a holiday, another weekday rule borrows its times', () => {
    expect(times(departuresOn({ ...ferry, onHolidays: 'usual' }, '2026-08-17', calendar).departures)).toEqual(WEEKDAY)
    const asSaturday = { ...ferry, weekly: { ...ferry.weekly, sa: ['08:15'] }, onHolidays: 'sa' as const }
    expect(departuresOn(asSaturday, '2026-08-17', calendar)).toMatchObject({
      reason: { kind: 'holiday', runsAs: 'sa' },
      departures: [{ time: '08:15' }],
    })
  })

  it('an override period replaces the weekly times and names its reason', () => {
    const day = departuresOn(ferry, '2026-07-06', calendar)
    expect(day.reason).toEqual({ kind: 'override', label: { id: 'Musim libur sekolah', en: 'School holidays' } })
    expect(times(day.departures)).toEqual(['06:00', '19:30'])
    expect(departuresOn(ferry, '2026-07-13', calendar).reason.kind).toBe('weekly')
  })

  it('a cancelled date has no departures; a replacement list is sorted', () => {
    expect(departuresOn(ferry, '2026-06-10', calendar)).toMatchObject({
      departures: [],
      reason: { kind: 'cancelled', label: { id: 'Cuaca buruk', en: 'Bad weather' } },
    })
    const festival = departuresOn(ferry, '2026-06-13', calendar)
    expect(festival.reason.kind).toBe('exception')
    expect(times(festival.departures)).toEqual(['07:00', '10:00'])
  })

  it('a holiday with no service has no departures', () => {
    const day = departuresOn({ ...ferry, onHolidays: 'none' }, '2026-12-25', calendar)
    expect(day).toMatchObject({ departures: [], reason: { kind: 'holiday', runsAs: null } })
  })

  it('gives a week of days for the week view', () => {
    const week = departureDays(ferry, '2026-08-16', calendar)
    expect(week.map((d) => d.date)).toEqual([
      '2026-08-16',
      '2026-08-17',
      '2026-08-18',
      '2026-08-19',
      '2026-08-20',
      '2026-08-21',
      '2026-08-22',
    ])
    expect(week.map((d) => d.reason.kind)).toEqual([
      'weekly',
      'holiday',
      'weekly',
      'weekly',
      'weekly',
      'weekly',
      'weekly',
    ])
    expect(() => departureDays(ferry, '2026-02-30', calendar)).toThrow(RangeError)
  })
})

describe('next departures after an instant', () => {
  it('on a weekday morning: the next ones that day', () => {
    const next = nextDepartures(ferry, at('2026-01-06 09:30'), 2, calendar)
    expect(next.map((d) => [d.date, d.time])).toEqual([
      ['2026-01-06', '11:00'],
      ['2026-01-06', '13:00'],
    ])
    expect(next[0]?.at).toEqual(at('2026-01-06 11:00'))
  })

  it('a departure at the very instant has left: the next one is the one after', () => {
    expect(nextDepartures(ferry, at('2026-01-06 11:00'), 1, calendar)[0]?.time).toBe('13:00')
  })

  it('after the last departure of the day, the next one is tomorrow', () => {
    const [next] = nextDepartures(ferry, at('2026-01-05 17:30'), 1, calendar)
    expect(next).toMatchObject({ date: '2026-01-06', time: '07:00', reason: { kind: 'weekly' } })
  })

  it('on the evening before a national holiday, the next ones follow the Sunday times', () => {
    const next = nextDepartures(ferry, at('2026-08-16 19:00'), 2, calendar)
    expect(next.map((d) => d.time)).toEqual(['07:00', '08:00'])
    expect(next[0]?.reason).toMatchObject({ kind: 'holiday', runsAs: 'su' })
  })

  it('skips a cancelled day', () => {
    const [next] = nextDepartures(ferry, at('2026-06-09 18:00'), 1, calendar)
    expect(next).toMatchObject({ date: '2026-06-11', time: '07:00' })
  })

  it('crosses into an override period', () => {
    const next = nextDepartures(ferry, at('2026-06-30 17:30'), 3, calendar)
    expect(next.map((d) => [d.date, d.time, d.reason.kind])).toEqual([
      ['2026-07-01', '06:00', 'override'],
      ['2026-07-01', '19:30', 'override'],
      ['2026-07-02', '06:00', 'override'],
    ])
  })

  it('finds a weekly departure far ahead and nothing for an empty timetable', () => {
    const mondaysOnly: DepartureTimetable = { zone: 'Asia/Jakarta', onHolidays: 'usual', weekly: { mo: ['08:00'] } }
    expect(nextDepartures(mondaysOnly, at('2026-01-05 09:00'), 3).map((d) => d.date)).toEqual([
      '2026-01-12',
      '2026-01-19',
      '2026-01-26',
    ])
    const empty: DepartureTimetable = { zone: 'Asia/Jakarta', onHolidays: 'su', weekly: {} }
    expect(nextDepartures(empty, at('2026-01-05 09:00'), 5, calendar)).toEqual([])
    expect(hasNoDepartures(empty)).toBe(true)
    expect(hasNoDepartures(ferry)).toBe(false)
  })

  it('evaluates in the timetable zone, not the process zone (WITA)', () => {
    const wita: DepartureTimetable = {
      zone: 'Asia/Makassar',
      onHolidays: 'su',
      weekly: { tu: ['07:00'], su: ['09:00'] },
    }
    // 06:30 WITA on Tuesday 6 January is 22:30 UTC on Monday.
    const [next] = nextDepartures(wita, new Date('2026-01-05T22:30:00Z'), 1, calendar)
    expect(next).toMatchObject({ date: '2026-01-06', time: '07:00' })
    expect(next?.at).toEqual(new Date('2026-01-05T23:00:00Z'))
    // 07:30 WITA Tuesday: the Tuesday boat has left, next is Sunday 09:00 WITA.
    expect(nextDepartures(wita, new Date('2026-01-05T23:30:00Z'), 1, calendar)[0]?.at).toEqual(
      new Date('2026-01-11T01:00:00Z'),
    )
  })

  it('refuses a bad limit or instant', () => {
    expect(() => nextDepartures(ferry, at('2026-01-05 09:00'), 0)).toThrow(RangeError)
    expect(() => nextDepartures(ferry, new Date('x'), 1)).toThrow(RangeError)
  })
})

describe('timetable validation', () => {
  const issues = (value: unknown) =>
    departuresSchema.safeParse(value).error?.issues.map((i) => `${i.path.join('/')}: ${i.message}`) ?? []

  it('accepts the ferry and refuses 24:00, repeats, overlapping overrides and repeated exception dates', () => {
    expect(issues(ferry)).toEqual([])
    expect(issues({ ...ferry, weekly: { mo: ['24:00'] } })).toEqual([
      'weekly/mo/0: Expected a departure time as HH:MM between 00:00 and 23:59',
    ])
    expect(issues({ ...ferry, weekly: { mo: ['07:00', '07:00'] } })).toEqual(['weekly/mo/1: 07:00 is listed twice'])
    const overrides = [
      { from: '2026-07-01', to: '2026-07-12', weekly: {}, reason: { id: 'A' } },
      { from: '2026-07-10', to: '2026-07-20', weekly: {}, reason: { id: 'B' } },
    ]
    expect(issues({ ...ferry, overrides })).toEqual(['overrides/1/from: Date range overlaps override 0'])
    const exceptions = [
      { date: '2026-06-10', times: [], reason: { id: 'A' } },
      { date: '2026-06-10', times: ['08:00'], reason: { id: 'B' } },
    ]
    expect(issues({ ...ferry, exceptions })).toEqual(['exceptions/1/date: Date repeats exception 0'])
    expect(issues({ ...ferry, onHolidays: 'sometimes' })).toHaveLength(1)
    expect(issues({ ...ferry, zone: 'Asia/Medan' })).toEqual(['zone: Unknown IANA time zone'])
  })

  it('lists the special timetables still to come', () => {
    const upcoming = upcomingDepartureChanges(ferry, '2026-06-12')
    expect(upcoming.exceptions.map((e) => e.date)).toEqual(['2026-06-13'])
    expect(upcoming.overrides.map((o) => o.from)).toEqual(['2026-07-01'])
  })
})

describe('exports', () => {
  it('writes one iCalendar event per departure with the holiday named', () => {
    const ics = departuresToICalendar(ferry, calendar, {
      from: '2026-08-16',
      days: 2,
      summary: { id: 'Kapal Ajibata – Tomok', en: 'Ajibata – Tomok ferry' },
      durationMinutes: 45,
      location: 'Pelabuhan Ajibata',
      uidPrefix: 'rte_1',
      uidDomain: 'toba.localhost',
      stamp: new Date('2026-08-01T00:00:00Z'),
    })
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(SUNDAY.length * 2)
    expect(ics).toContain('DTSTART;TZID=Asia/Jakarta:20260817T070000')
    expect(ics).toContain('UID:rte_1-2026-08-17-0700@toba.localhost')
    expect(ics).toContain('DURATION:PT45M')
    expect(ics).toContain('DESCRIPTION:Hari Kemerdekaan RI')
    expect(ics).toContain('SUMMARY:Kapal Ajibata – Tomok')
    expect(ics).toContain('TZID:Asia/Jakarta')
    expect(() => departuresToICalendar(ferry, calendar, { from: '2026-08-16', days: 0, summary: 'x' })).toThrow(
      RangeError,
    )
  })

  it('gives schema.org trips with arrival times when the duration is known', () => {
    const next = nextDepartures(ferry, at('2026-01-06 09:30'), 1, calendar)
    expect(departureTrips(next, 'BoatTrip', 45)).toEqual([
      { '@type': 'BoatTrip', departureTime: '2026-01-06T04:00:00.000Z', arrivalTime: '2026-01-06T04:45:00.000Z' },
    ])
    expect(departureTrips(next, 'BusTrip')).toEqual([{ '@type': 'BusTrip', departureTime: '2026-01-06T04:00:00.000Z' }])
  })
})
