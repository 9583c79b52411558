import { checkEntityForm } from '@cerdas/platform'
import { describe, expect, it } from 'vitest'
import { route } from '../src/index'

const admin = route.admin

describe("a route's timetable in the console form", () => {
  it('reads one line of times per weekday and the holiday rule', () => {
    const check = checkEntityForm(
      admin,
      'create',
      {
        'name.id': 'Kapal Ajibata – Tomok',
        mode: 'ferry',
        originName: 'Pelabuhan Ajibata',
        destinationName: 'Tomok',
        'timetable.onHolidays': 'su',
        'timetable.weekly.mo': '07:00\n09:00\n',
        'timetable.weekly.su': '08:00',
      },
      'Asia/Jakarta',
    )
    expect(check.errors).toEqual({})
    expect(check.input?.timetable).toEqual({ onHolidays: 'su', weekly: { mo: ['07:00', '09:00'], su: ['08:00'] } })
  })

  it('points at the weekday with a time that is not one', () => {
    const check = checkEntityForm(
      admin,
      'update',
      { 'timetable.onHolidays': 'usual', 'timetable.weekly.tu': '7 pagi' },
      'Asia/Jakarta',
    )
    expect(Object.keys(check.errors)).toContain('timetable.weekly.tu')
  })

  it('shows the stored timetable in the form', () => {
    const values = admin.valuesOf({
      timetable: { zone: 'Asia/Jakarta', onHolidays: 'sa', weekly: { fr: ['06:00', '18:30'] } },
    } as never)
    expect(values['timetable.onHolidays']).toBe('sa')
    expect(values['timetable.weekly.fr']).toBe('06:00\n18:30')
    expect(values['timetable.weekly.mo']).toBe('')
  })
})
