import { describe, expect, it } from 'vitest'
import { scheduleSchema } from '../src/index'

function issues(value: unknown): { path: string; message: string }[] {
  const result = scheduleSchema.safeParse(value)
  if (result.success) return []
  return result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
}

const base = { zone: 'Asia/Jakarta', closedOnHolidays: true }

describe('schedule validation', () => {
  it('accepts a typical office with breaks and an overnight market', () => {
    expect(
      issues({
        ...base,
        weekly: {
          mo: [
            { start: '08:00', end: '12:00' },
            { start: '13:00', end: '16:00' },
          ],
          fr: [{ start: '18:00', end: '02:00', overnight: true }],
        },
      }),
    ).toEqual([])
  })

  it('rejects overlapping intervals on the same day with the interval path', () => {
    expect(
      issues({
        ...base,
        weekly: {
          tu: [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
        },
      }),
    ).toEqual([{ path: 'weekly.tu.1', message: 'Overlaps interval 0 of the same day' }])
  })

  it('rejects end == start', () => {
    expect(issues({ ...base, weekly: { mo: [{ start: '08:00', end: '08:00' }] } })[0]?.path).toBe('weekly.mo.0.end')
  })

  it('rejects end before start unless overnight: true', () => {
    expect(issues({ ...base, weekly: { mo: [{ start: '08:00', end: '04:00' }] } })[0]).toEqual({
      path: 'weekly.mo.0.end',
      message: 'End is before start: set overnight: true for an interval that runs past midnight',
    })
    expect(issues({ ...base, weekly: { mo: [{ start: '08:00', end: '12:00', overnight: true }] } })[0]?.path).toBe(
      'weekly.mo.0.overnight',
    )
  })

  it('rejects an overnight tail that overlaps the next day, including Sunday into Monday', () => {
    expect(
      issues({
        ...base,
        weekly: { su: [{ start: '20:00', end: '09:00', overnight: true }], mo: [{ start: '08:00', end: '12:00' }] },
      })[0]?.path,
    ).toBe('weekly.mo.0')
  })

  it('rejects an unknown IANA zone, bad dates and overlapping overrides', () => {
    expect(issues({ ...base, zone: 'Asia/Medan', weekly: {} })[0]).toEqual({
      path: 'zone',
      message: 'Unknown IANA time zone',
    })
    expect(issues({ ...base, weekly: {}, closures: [{ from: '2026-02-30', reason: { id: 'x' } }] })[0]?.path).toBe(
      'closures.0.from',
    )
    const o = { weekly: {}, reason: { id: 'Ramadan' } }
    expect(
      issues({
        ...base,
        weekly: {},
        overrides: [
          { ...o, from: '2026-02-18', to: '2026-03-19' },
          { ...o, from: '2026-03-19', to: '2026-03-30' },
        ],
      })[0],
    ).toEqual({
      path: 'overrides.1.from',
      message: 'Date range overlaps override 0',
    })
  })

  it('rejects times that are not HH:MM and holidayHours on a schedule closed on holidays', () => {
    expect(issues({ ...base, weekly: { mo: [{ start: '8:00', end: '12:00' }] } })[0]?.path).toBe('weekly.mo.0.start')
    expect(issues({ ...base, weekly: {}, holidayHours: [{ start: '08:00', end: '12:00' }] })[0]?.path).toBe(
      'holidayHours',
    )
  })
})
