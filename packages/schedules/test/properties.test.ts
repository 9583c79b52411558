import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { occurrences, type ScheduleDefinition, statusAt, weekView } from '../src/index'
import { localDateOf } from '../src/week-view'
import { instantArb, scheduleArb } from './arbitraries'
import { calendar } from './fixtures'

const MINUTE = 60_000
const runs = { seed: 4242, numRuns: 400 }

function openAt(schedule: ScheduleDefinition, t: number): boolean {
  return statusAt(schedule, t, calendar).open
}

describe('engine properties (full model, overnight anywhere)', () => {
  const zoneArb = fc.constantFrom('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'Europe/Amsterdam')
  const caseArb = zoneArb.chain((zone) => fc.tuple(scheduleArb({ zone }), instantArb(7)))

  it('status never contradicts the week view', () => {
    fc.assert(
      fc.property(caseArb, ([schedule, instant]) => {
        const t = instant.getTime()
        const yesterday = new Date(t - 86_400_000)
        const days = weekView(schedule, localDateOf(yesterday, schedule.zone), calendar)
        const inView = days.some((d) => d.intervals.some((iv) => iv.startsAt.getTime() <= t && t < iv.endsAt.getTime()))
        expect(statusAt(schedule, instant, calendar).open).toBe(inView)
      }),
      runs,
    )
  })

  it('nextOpen is in the future and actually open, and closed just before it', () => {
    let checked = 0
    fc.assert(
      fc.property(caseArb, ([schedule, instant]) => {
        const s = statusAt(schedule, instant, calendar)
        if (s.nextOpen === null) return
        checked++
        expect(s.nextOpen.getTime()).toBeGreaterThan(instant.getTime())
        expect(openAt(schedule, s.nextOpen.getTime())).toBe(true)
        expect(openAt(schedule, s.nextOpen.getTime() - MINUTE)).toBe(false)
      }),
      runs,
    )
    expect(checked).toBeGreaterThan(300)
  })

  it('until is a real change of state, with no change before it', () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: 0, max: 1, noNaN: true }), ([schedule, instant], fraction) => {
        const s = statusAt(schedule, instant, calendar)
        if (s.until === null) return
        const t = instant.getTime()
        const u = s.until.getTime()
        expect(u).toBeGreaterThan(t)
        expect(openAt(schedule, u)).toBe(!s.open)
        // Any minute between now and the change has the current state.
        const between = t + Math.floor(((u - t) * fraction) / MINUTE) * MINUTE
        if (between < u) expect(openAt(schedule, between)).toBe(s.open)
        expect(openAt(schedule, u - 1)).toBe(s.open)
      }),
      runs,
    )
  })

  it('occurrences are disjoint, sorted, open inside and closed at their ends', () => {
    fc.assert(
      fc.property(caseArb, ([schedule, instant]) => {
        const from = instant
        const to = new Date(instant.getTime() + 10 * 86_400_000)
        const list = occurrences(schedule, from, to, calendar)
        list.forEach((o, i) => {
          expect(o.end.getTime()).toBeGreaterThan(o.start.getTime())
          expect(openAt(schedule, o.start.getTime())).toBe(true)
          if (o.end < to) expect(openAt(schedule, o.end.getTime())).toBe(false)
          const next = list[i + 1]
          if (next) expect(next.start.getTime()).toBeGreaterThan(o.end.getTime())
        })
      }),
      { seed: 99, numRuns: 200 },
    )
  })
})

describe('precedence properties', () => {
  it('overrides beat weekly hours: inside the range only the override table counts', () => {
    fc.assert(
      fc.property(scheduleArb({ dated: true, holidays: false }), (schedule) => {
        for (const o of schedule.overrides ?? []) {
          const days = weekView({ ...schedule, closures: undefined, extraOpenings: undefined }, o.from)
          for (const d of days) {
            if (d.date > o.to) break
            const expected = (o.weekly[d.weekday] ?? []).map((iv) => iv.start)
            expect(d.intervals.map((iv) => iv.start)).toEqual(expected)
            expect(['override', 'closed_day']).toContain(d.reason.kind)
          }
        }
      }),
      { seed: 7, numRuns: 200 },
    )
  })

  it('holidays beat overrides and weekly hours unless ignored', () => {
    fc.assert(
      fc.property(scheduleArb({ dated: true }), fc.constantFrom(...calendar.holidays), (schedule, holiday) => {
        const plain = { ...schedule, closures: undefined, extraOpenings: undefined, holidayHours: undefined }
        const [closedDay] = weekView({ ...plain, closedOnHolidays: true }, holiday.date, calendar)
        expect(closedDay?.intervals).toEqual([])
        expect(closedDay?.reason).toEqual({ kind: 'holiday', label: holiday.name })
        const [ignored] = weekView({ ...plain, closedOnHolidays: false }, holiday.date, calendar)
        const [noCalendar] = weekView({ ...plain, closedOnHolidays: false }, holiday.date)
        expect(ignored?.intervals).toEqual(noCalendar?.intervals)
      }),
      { seed: 8, numRuns: 200 },
    )
  })
})
