import { describe, expect, it } from 'vitest'
import { eventOccurrences, firstOccurrence, isPastEvent, upcomingOccurrences } from '../src/occurrences'

const dates = (list: { startDate: string; endDate: string }[]) =>
  list.map((o) => (o.startDate === o.endDate ? o.startDate : `${o.startDate}/${o.endDate}`))

describe('eventOccurrences', () => {
  it('gives a one-off event once, when it overlaps the window', () => {
    const e = { startDate: '2026-12-01', endDate: '2026-12-03', recurrence: 'none' as const }
    expect(dates(eventOccurrences(e, '2026-12-03', '2026-12-31'))).toEqual(['2026-12-01/2026-12-03'])
    expect(eventOccurrences(e, '2026-12-04', '2026-12-31')).toEqual([])
    expect(eventOccurrences(e, '2026-11-01', '2026-11-30')).toEqual([])
  })

  it('repeats weekly on the start date weekday, or on the weekday given, until the date given', () => {
    // 2026-01-05 is a Monday.
    expect(
      dates(eventOccurrences({ startDate: '2026-01-05', recurrence: 'weekly' }, '2026-02-01', '2026-02-28')),
    ).toEqual(['2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23'])
    const saturdays = {
      startDate: '2026-01-05',
      recurrence: 'weekly' as const,
      weekday: 'sa' as const,
      recurrenceUntil: '2026-01-24',
    }
    expect(dates(eventOccurrences(saturdays, '2026-01-01', '2026-03-01'))).toEqual([
      '2026-01-10',
      '2026-01-17',
      '2026-01-24',
    ])
    expect(firstOccurrence(saturdays)).toEqual({ startDate: '2026-01-10', endDate: '2026-01-10' })
  })

  it('repeats monthly on the day of the month, skipping months without it', () => {
    const e = { startDate: '2026-01-31', recurrence: 'monthly' as const }
    expect(dates(eventOccurrences(e, '2026-01-01', '2026-07-31'))).toEqual([
      '2026-01-31',
      '2026-03-31',
      '2026-05-31',
      '2026-07-31',
    ])
  })

  it('repeats yearly, a 29 February only in leap years, and multi-day occurrences keep their length', () => {
    expect(
      dates(eventOccurrences({ startDate: '2024-02-29', recurrence: 'yearly' }, '2025-01-01', '2028-12-31')),
    ).toEqual(['2028-02-29'])
    const festival = { startDate: '2019-12-30', endDate: '2020-01-02', recurrence: 'yearly' as const }
    // The 2026 edition runs into 2027; the window starts inside it.
    expect(dates(eventOccurrences(festival, '2027-01-01', '2027-12-31'))).toEqual([
      '2026-12-30/2027-01-02',
      '2027-12-30/2028-01-02',
    ])
  })

  it('returns nothing for a window that ends before it starts or a date that does not exist', () => {
    expect(eventOccurrences({ startDate: '2026-01-05', recurrence: 'weekly' }, '2026-02-01', '2026-01-01')).toEqual([])
    expect(eventOccurrences({ startDate: '2026-02-30', recurrence: 'none' }, '2026-01-01', '2026-12-31')).toEqual([])
  })

  it('bounds a long weekly expansion', () => {
    const list = eventOccurrences({ startDate: '2000-01-03', recurrence: 'weekly' }, '2026-01-01', '2026-12-31')
    expect(list).toHaveLength(52)
    expect(list[0]?.startDate).toBe('2026-01-05')
  })
})

describe('upcoming and past', () => {
  it('counts an occurrence under way today as upcoming, and an event over when none is left', () => {
    const e = { startDate: '2026-12-01', endDate: '2026-12-03', recurrence: 'none' as const }
    expect(upcomingOccurrences(e, '2026-12-03', 3)).toHaveLength(1)
    expect(isPastEvent(e, '2026-12-03')).toBe(false)
    expect(isPastEvent(e, '2026-12-04')).toBe(true)
    const weekly = { startDate: '2026-01-05', recurrence: 'weekly' as const, recurrenceUntil: '2026-03-30' }
    expect(isPastEvent(weekly, '2026-03-31')).toBe(true)
    expect(dates(upcomingOccurrences(weekly, '2026-03-17', 5))).toEqual(['2026-03-23', '2026-03-30'])
    expect(isPastEvent({ startDate: '1990-06-01', recurrence: 'yearly' }, '2026-12-07')).toBe(false)
  })
})
