import { describe, expect, it } from 'vitest'
import { frequencyOfPeriod, periodAt, periodDays, periodInstants, previousPeriod } from '../src/kpi-periods'

describe('KPI periods', () => {
  it('knows the days of each kind of period, the year end included', () => {
    expect(periodDays('2025')).toEqual({ first: '2025-01-01', next: '2026-01-01' })
    expect(periodDays('2025-S2')).toEqual({ first: '2025-07-01', next: '2026-01-01' })
    expect(periodDays('2025-Q2')).toEqual({ first: '2025-04-01', next: '2025-07-01' })
    expect(periodDays('2025-12')).toEqual({ first: '2025-12-01', next: '2026-01-01' })
  })

  it('turns a period into instants of the tenant zone', () => {
    expect(periodInstants('2026-Q1', 'Asia/Jakarta')).toEqual({
      from: '2025-12-31T17:00:00.000Z',
      to: '2026-03-31T17:00:00.000Z',
    })
    expect(periodInstants('2026', 'Asia/Jayapura').from).toBe('2025-12-31T15:00:00.000Z')
  })

  it('finds the period of an instant in the tenant zone, and the one before', () => {
    // 31 December 2025, 18:00 UTC is already 1 January 2026 in WIB.
    const newYear = new Date('2025-12-31T18:00:00Z')
    expect(periodAt('annual', newYear, 'Asia/Jakarta')).toBe('2026')
    expect(periodAt('quarterly', newYear, 'Asia/Jakarta')).toBe('2026-Q1')
    expect(periodAt('monthly', newYear, 'UTC')).toBe('2025-12')
    expect(previousPeriod('annual', '2026')).toBe('2025')
    expect(previousPeriod('semester', '2026-S1')).toBe('2025-S2')
    expect(previousPeriod('quarterly', '2026-Q3')).toBe('2026-Q2')
    expect(previousPeriod('monthly', '2026-01')).toBe('2025-12')
  })

  it('tells the frequency a period is written in', () => {
    expect(['2025', '2025-S1', '2025-Q4', '2025-07', '2025-13', '25'].map(frequencyOfPeriod)).toEqual([
      'annual',
      'semester',
      'quarterly',
      'monthly',
      undefined,
      undefined,
    ])
  })
})
