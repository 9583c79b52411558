import { describe, expect, it } from 'vitest'
import { foldLine, toICalendar, toOpeningHoursSpecification } from '../src/index'
import { calendar, nightMarket, office } from './fixtures'

describe('toOpeningHoursSpecification', () => {
  const spec = toOpeningHoursSpecification(office, calendar, { from: '2026-01-01', to: '2026-12-31', locale: 'en' })

  it('groups the weekly hours by identical days', () => {
    expect(spec.openingHoursSpecification).toContainEqual({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: [
        'https://schema.org/Monday',
        'https://schema.org/Tuesday',
        'https://schema.org/Wednesday',
        'https://schema.org/Thursday',
      ],
      opens: '13:00',
      closes: '16:00',
    })
    expect(spec.openingHoursSpecification).toHaveLength(4)
  })

  it('lists overrides, holidays and closures as special hours with validity dates', () => {
    expect(spec.specialOpeningHoursSpecification).toContainEqual({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: ['https://schema.org/Friday'],
      opens: '08:00',
      closes: '11:00',
      validFrom: '2026-02-18',
      validThrough: '2026-03-19',
      name: 'Ramadan hours',
    })
    expect(spec.specialOpeningHoursSpecification).toContainEqual({
      '@type': 'OpeningHoursSpecification',
      opens: '00:00',
      closes: '00:00',
      validFrom: '2026-12-25',
      validThrough: '2026-12-25',
      name: 'Christmas Day',
    })
    expect(spec.specialOpeningHoursSpecification.filter((s) => s.validFrom === '2026-06-10')).toHaveLength(1)
  })

  it('keeps overnight closes after midnight', () => {
    const night = toOpeningHoursSpecification(nightMarket)
    expect(night.openingHoursSpecification[0]).toMatchObject({ opens: '18:00', closes: '02:00' })
  })
})

describe('toICalendar', () => {
  const ics = toICalendar(office, calendar, {
    from: '2026-01-01',
    to: '2026-12-31',
    summary: { id: 'Disdukcapil Kabupaten Toba — pelayanan KTP-el, KK, akta kelahiran; jam layanan' },
    uidPrefix: 'disdukcapil',
    stamp: new Date('2026-01-01T00:00:00Z'),
  })
  const lines = ics.split('\r\n')

  it('is a VCALENDAR with CRLF line endings only', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })

  it('folds every line at 75 octets', () => {
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    expect(lines.some((l) => l.startsWith(' '))).toBe(true)
  })

  it('has weekly RRULEs with TZID start times and EXDATEs on holidays', () => {
    const unfolded = ics.replace(/\r\n /g, '')
    expect(unfolded).toContain('DTSTART;TZID=Asia/Jakarta:20260101T080000')
    expect(unfolded).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH;UNTIL=20261231T165959Z')
    expect(unfolded).toMatch(/EXDATE;TZID=Asia\/Jakarta:[^\r]*20260101T080000/)
    expect(unfolded).toMatch(/EXDATE;TZID=Asia\/Jakarta:[^\r]*20261225T080000/)
    // The Ramadan override has its own recurring events, and the weekly rule skips those dates.
    expect(unfolded).toContain('DTSTART;TZID=Asia/Jakarta:20260218T080000')
    expect(unfolded).toMatch(/EXDATE;TZID=Asia\/Jakarta:[^\r]*20260218T080000/)
    expect(unfolded).toContain(
      'SUMMARY:Disdukcapil Kabupaten Toba — pelayanan KTP-el\\, KK\\, akta kelahiran\\; jam layanan',
    )
    expect(unfolded).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Jakarta')
    expect(unfolded).toContain('TZOFFSETTO:+0700')
  })

  it('writes DST transitions into VTIMEZONE for zones that have them', () => {
    const ams = toICalendar({ ...office, zone: 'Europe/Amsterdam' }, undefined, {
      from: '2026-01-01',
      to: '2026-12-31',
      stamp: new Date(0),
    })
    expect(ams).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200')
  })

  it('foldLine never splits a multi-byte character', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(80)}`)
    for (const part of folded.split('\r\n')) {
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75)
      expect(part.replace(/^ /, '')).toMatch(/^(SUMMARY:)?é+$/)
    }
  })
})
