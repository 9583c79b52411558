import { checkEntityForm } from '@cerdas/platform'
import { describe, expect, it } from 'vitest'
import { area } from '../src/index'

const admin = area.admin

describe("an area's collection rule in the console form", () => {
  it('reads the days, the window and the holiday policy', () => {
    const check = checkEntityForm(
      admin,
      'create',
      {
        'name.id': 'Balige Kota',
        kecamatan: 'Balige',
        desa: 'Sangkar Nihuta\nNapitupulu Bagasan\n',
        'rule.days': 'mo\nth',
        'rule.start': '07:00',
        'rule.end': '10:00',
        'rule.onHolidays': 'previous-working-day',
      },
      'Asia/Jakarta',
    )
    expect(check.errors).toEqual({})
    expect(check.input?.desa).toEqual(['Sangkar Nihuta', 'Napitupulu Bagasan'])
    expect(check.input?.rule).toEqual({
      days: ['mo', 'th'],
      start: '07:00',
      end: '10:00',
      onHolidays: 'previous-working-day',
    })
  })

  it('points at a time that is not one and a policy that does not exist', () => {
    const check = checkEntityForm(
      admin,
      'update',
      { 'rule.start': '7 pagi', 'rule.onHolidays': 'kadang-kadang' },
      'Asia/Jakarta',
    )
    expect(Object.keys(check.errors)).toEqual(expect.arrayContaining(['rule.start', 'rule.onHolidays']))
  })

  it('shows the stored rule in the form', () => {
    const values = admin.valuesOf({
      rule: { zone: 'Asia/Jakarta', days: ['tu', 'fr'], start: '06:30', end: '09:00', onHolidays: 'skip' },
    } as never)
    expect(values['rule.days']).toBe('tu\nfr')
    expect(values['rule.start']).toBe('06:30')
    expect(values['rule.onHolidays']).toBe('skip')
  })
})
