import type { ScheduleDefinition } from '@cerdas/schedules'
import { describe, expect, it } from 'vitest'
import {
  definitionFromForm,
  type FormValues,
  formFromDefinition,
  formNameOf,
  groupsToShow,
  mapProblemPointers,
  normalizeTime,
  slotCount,
  translateEngineMessage,
} from '../src/editor-form'

const ZONE = 'Asia/Jakarta'
const office: ScheduleDefinition = {
  zone: ZONE,
  closedOnHolidays: true,
  weekly: {
    mo: [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ],
    fr: [
      { start: '08:00', end: '11:30' },
      { start: '13:30', end: '16:30' },
    ],
  },
  overrides: [
    {
      from: '2027-02-08',
      to: '2027-03-09',
      reason: { id: 'Jam Ramadan', en: 'Ramadan hours' },
      weekly: { mo: [{ start: '08:00', end: '14:00' }], fr: [{ start: '08:00', end: '11:00' }] },
    },
  ],
  closures: [{ from: '2026-12-24', reason: { id: 'Rapat kerja' } }],
  extraOpenings: [
    { date: '2026-12-19', intervals: [{ start: '08:00', end: '12:00' }], reason: { id: 'Pelayanan keliling' } },
  ],
}

/** What the page posts back: the stored values plus blank slots (as the browser sends them). */
function posted(values: FormValues, extra: FormValues = {}): FormValues {
  return { ...values, 'w.mo.2.start': '', 'w.mo.2.end': '', 'o.1.from': '', 'o.1.to': '', 'c.1.from': '', ...extra }
}

describe('definition ⇄ form values', () => {
  it('round-trips a definition with overrides, closures and extra openings', () => {
    const values = formFromDefinition(office)
    expect(values['w.mo.1.start']).toBe('13:00')
    expect(values['w.sa.closed']).toBe('on')
    expect(values['o.0.reason.en']).toBe('Ramadan hours')
    expect(values['o.0.w.fr.0.end']).toBe('11:00')
    expect(values.closedOnHolidays).toBe('on')
    const checked = definitionFromForm(posted(values), { zone: ZONE })
    expect(checked.errors).toEqual({})
    expect(checked.definition).toEqual(office)
  })

  it('skips blank slots and blank groups, and keeps the slot ↔ definition index mapping', () => {
    const checked = definitionFromForm(
      {
        'w.tu.0.start': '',
        'w.tu.0.end': '',
        'w.tu.1.start': '8.00',
        'w.tu.1.end': '1200',
        'w.tu.2.start': '13:00',
        'w.tu.2.end': '16:00',
        'o.0.from': '',
        'o.0.reason.id': '',
      },
      { zone: ZONE },
    )
    expect(checked.definition?.weekly.tu).toEqual([
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ])
    expect(checked.definition?.overrides).toBeUndefined()
    expect(checked.paths.get('weekly.tu.0')).toBe('w.tu.1')
    expect(checked.paths.get('weekly.tu.1')).toBe('w.tu.2')
  })

  it('honours closed days, overnight hours and removed groups', () => {
    const values = formFromDefinition(office)
    const checked = definitionFromForm(
      posted(values, {
        'w.mo.closed': 'on',
        'w.sa.closed': '',
        'w.sa.0.start': '18:00',
        'w.sa.0.end': '02:00',
        'w.sa.0.overnight': 'on',
        'o.0.remove': 'on',
        closedOnHolidays: '',
      }),
      { zone: ZONE },
    )
    expect(checked.errors).toEqual({})
    expect(checked.definition?.weekly.mo).toBeUndefined()
    expect(checked.definition?.weekly.sa).toEqual([{ start: '18:00', end: '02:00', overnight: true }])
    expect(checked.definition?.overrides).toBeUndefined()
    expect(checked.definition?.closedOnHolidays).toBe(false)
  })

  it('keeps the zone and holiday kinds of the stored definition', () => {
    const checked = definitionFromForm(
      { 'w.mo.0.start': '08:00', 'w.mo.0.end': '12:00', closedOnHolidays: 'on' },
      { zone: 'Asia/Makassar', holidayKinds: ['national'] },
    )
    expect(checked.definition).toMatchObject({ zone: 'Asia/Makassar', holidayKinds: ['national'] })
  })

  it('offers blank slots after the filled ones and one blank group of each kind', () => {
    const values = formFromDefinition(office)
    expect(slotCount(values, 'w.mo')).toBe(3)
    expect(slotCount(values, 'w.sa')).toBe(3)
    expect(slotCount({ ...values, 'w.mo.2.start': '17:00' }, 'w.mo')).toBe(4)
    expect(slotCount(values, 'x.0', 2)).toBe(2)
    expect(groupsToShow(values, 'o', 1)).toEqual([0, 1])
    expect(groupsToShow({}, 'c', 1)).toEqual([0])
  })

  it('reads Indonesian time notation', () => {
    expect(normalizeTime('8.30')).toBe('08:30')
    expect(normalizeTime('0830')).toBe('08:30')
    expect(normalizeTime(' 16:00 ')).toBe('16:00')
    expect(normalizeTime('pagi')).toBe('pagi')
  })
})

describe('errors next to the inputs, in Indonesian and English', () => {
  it('marks a half-filled slot and missing group fields as required', () => {
    const checked = definitionFromForm(
      {
        'w.we.0.start': '08:00',
        'w.we.0.end': '',
        'o.0.from': '2027-02-08',
        'o.0.to': '',
        'o.0.reason.id': '',
        'c.0.reason.id': 'Rapat',
        'x.0.date': '2026-12-19',
        'x.0.reason.id': 'Keliling',
      },
      { zone: ZONE },
    )
    expect(checked.definition).toBeUndefined()
    expect(checked.errors['w.we.0.end']).toEqual({ id: 'Wajib diisi.', en: 'Required.' })
    expect(Object.keys(checked.errors).sort()).toEqual(
      ['c.0.from', 'o.0.reason.id', 'o.0.to', 'w.we.0.end', 'x.0.0.start'].sort(),
    )
  })

  it('maps engine issues (end before start, overlaps, reversed ranges) onto the form slots', () => {
    const checked = definitionFromForm(
      {
        'w.mo.0.start': '',
        'w.mo.0.end': '',
        'w.mo.1.start': '08:00',
        'w.mo.1.end': '12:00',
        'w.mo.2.start': '11:00',
        'w.mo.2.end': '16:00',
        'w.tu.0.start': '08:00',
        'w.tu.0.end': '07:00',
        'w.we.0.start': '25:00',
        'w.we.0.end': '26:00',
        'o.0.from': '2027-03-09',
        'o.0.to': '2027-02-08',
        'o.0.reason.id': 'Jam Ramadan',
        'o.0.w.fr.0.start': '08:00',
        'o.0.w.fr.0.end': '08:00',
      },
      { zone: ZONE },
    )
    expect(checked.definition).toBeUndefined()
    expect(checked.errors['w.mo.2']).toEqual({
      id: 'Bertumpang tindih dengan jam ke-1 pada hari yang sama.',
      en: 'Overlaps interval 1 of the same day.',
    })
    expect(checked.errors['w.tu.0.end']?.id).toMatch(/^Jam selesai sebelum jam mulai: centang “lewat tengah malam”/)
    expect(checked.errors['w.we.0.start']?.id).toBe('Isi jam sebagai JJ:MM antara 00:00 dan 24:00.')
    expect(checked.errors['o.0.to']).toEqual({
      id: 'Tanggal akhir sebelum tanggal mulai.',
      en: 'The end date is before the start date.',
    })
    expect(checked.errors['o.0.w.fr.0.end']?.en).toBe('End must differ from start.')
  })

  it('reports both form and engine issues at once', () => {
    const checked = definitionFromForm(
      { 'w.mo.0.start': '08:00', 'w.mo.0.end': '', 'w.tu.0.start': '10:00', 'w.tu.0.end': '09:00' },
      { zone: ZONE },
    )
    expect(Object.keys(checked.errors).sort()).toEqual(['w.mo.0.end', 'w.tu.0.end'])
  })

  it('maps a save problem’s pointers, inside and outside the definition', () => {
    const checked = definitionFromForm(
      { 'w.fr.0.start': '', 'w.fr.0.end': '', 'w.fr.1.start': '08:00', 'w.fr.1.end': '11:30' },
      { zone: ZONE },
    )
    const mapped = mapProblemPointers(
      [
        { pointer: '/definition/weekly/fr/0/end', message: 'End must differ from start' },
        { pointer: '/definition/zone', message: 'Unknown IANA time zone' },
        { pointer: '/label/id', message: 'Too small' },
      ],
      checked.paths,
    )
    expect(mapped.errors['w.fr.1.end']?.id).toBe('Jam selesai harus berbeda dari jam mulai.')
    expect(mapped.formErrors).toEqual([{ id: 'Zona waktu tidak dikenal.', en: 'Unknown time zone.' }])
    expect(mapped.outside['label.id']).toEqual({ id: 'Too small', en: 'Too small' })
  })

  it('finds the form name of nested engine paths', () => {
    const paths = new Map([
      ['extraOpenings.0', 'x.2'],
      ['extraOpenings.0.intervals.0', 'x.2.1'],
    ])
    expect(formNameOf(['extraOpenings', 0, 'intervals', 0, 'end'], paths)).toBe('x.2.1.end')
    expect(formNameOf(['extraOpenings', 0, 'date'], paths)).toBe('x.2.date')
    expect(formNameOf(['extraOpenings', 0, 'intervals'], paths)).toBe('x.2')
    expect(formNameOf(['weekly'], paths)).toBeUndefined()
  })

  it('translates every engine message it knows and passes others through', () => {
    expect(translateEngineMessage('Overlaps the overnight interval of sa').id).toBe(
      'Bertumpang tindih dengan jam lewat tengah malam hari Sabtu.',
    )
    expect(translateEngineMessage('Date range overlaps override 0').en).toBe('The date range overlaps special hours 1.')
    expect(translateEngineMessage('Date overlaps extra opening 1').id).toBe(
      'Tanggal bertumpang tindih dengan buka khusus ke-2.',
    )
    expect(translateEngineMessage('holidayHours needs closedOnHolidays: false').id).toMatch(/^Jam pada hari libur/)
    expect(translateEngineMessage('Something new')).toEqual({ id: 'Something new', en: 'Something new' })
  })
})
