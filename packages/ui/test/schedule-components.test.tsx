import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { OpenStatus, PresenceStatus, WeekTable, type WeekTableDay } from '../src/index'

const WIB = 'Asia/Jakarta'

/** Text of the markup with tags removed, to assert what a reader sees. */
const text = (html: string) => html.replace(/<[^>]+>/g, '')

describe('OpenStatus', () => {
  const render = (props: Parameters<typeof OpenStatus>[0]) => renderToStaticMarkup(<OpenStatus {...props} />)

  it('says open and when it closes, in the tenant zone', () => {
    const props = {
      status: { open: true, until: '2026-03-02T09:00:00.000Z', nextOpen: null, reason: { kind: 'weekly' } },
      at: '2026-03-02T03:00:00.000Z',
      timezone: WIB,
    }
    const id = render({ ...props, locale: 'id' })
    expect(text(id)).toBe('Buka · tutup 16:00')
    expect(id).toContain('open-status-open')
    expect(text(render({ ...props, locale: 'en' }))).toBe('Open · closes 16:00')
    // The same instant is 17:00 in WITA.
    expect(text(render({ ...props, timezone: 'Asia/Makassar', locale: 'id' }))).toBe('Buka · tutup 17:00')
  })

  it('says when the break ends', () => {
    const props = {
      status: {
        open: false,
        until: '2026-03-06T06:30:00.000Z',
        nextOpen: '2026-03-06T06:30:00.000Z',
        reason: { kind: 'break', label: { id: 'Istirahat', en: 'Break' } },
      },
      at: '2026-03-06T05:00:00.000Z',
      timezone: WIB,
    }
    expect(text(render({ ...props, locale: 'id' }))).toBe('Istirahat sampai 13:30')
    expect(text(render({ ...props, locale: 'en' }))).toBe('On break until 13:30')
    expect(render({ ...props, locale: 'id' })).toContain('open-status-break')
  })

  it('names the holiday and the next opening day', () => {
    const props = {
      status: {
        open: false,
        until: '2026-08-18T01:00:00.000Z',
        nextOpen: '2026-08-18T01:00:00.000Z',
        reason: { kind: 'holiday', label: { id: 'Hari Kemerdekaan', en: 'Independence Day' } },
      },
      at: '2026-08-17T02:00:00.000Z',
      timezone: WIB,
    }
    expect(text(render({ ...props, locale: 'id' }))).toBe('Tutup — Hari Kemerdekaan · buka Selasa 08:00')
    expect(text(render({ ...props, locale: 'en' }))).toBe('Closed — Independence Day · opens Tuesday 08:00')
  })

  it('gives the weekday of the next opening after a weekend', () => {
    const props = {
      status: {
        open: false,
        until: '2026-03-09T01:00:00.000Z',
        nextOpen: '2026-03-09T01:00:00.000Z',
        reason: { kind: 'closed_day' },
      },
      at: '2026-03-07T03:00:00.000Z',
      timezone: WIB,
    }
    expect(text(render({ ...props, locale: 'id' }))).toBe('Tutup · buka Senin 08:00')
    expect(text(render({ ...props, locale: 'en' }))).toBe('Closed · opens Monday 08:00')
  })

  it('gives only the time when it opens later the same day, and the date when it is more than a week away', () => {
    const base = { reason: { kind: 'weekly' }, open: false }
    const sameDay = { ...base, until: '2026-03-02T01:00:00.000Z', nextOpen: '2026-03-02T01:00:00.000Z' }
    expect(text(render({ status: sameDay, at: '2026-03-01T23:30:00.000Z', timezone: WIB, locale: 'id' }))).toBe(
      'Tutup · buka 08:00',
    )
    const far = { ...base, until: '2026-03-25T01:00:00.000Z', nextOpen: '2026-03-25T01:00:00.000Z' }
    expect(text(render({ status: far, at: '2026-03-10T10:00:00.000Z', timezone: WIB, locale: 'en' }))).toBe(
      'Closed · opens Wednesday, 25 Mar 08:00',
    )
  })
})

describe('PresenceStatus', () => {
  const render = (props: Parameters<typeof PresenceStatus>[0]) =>
    text(renderToStaticMarkup(<PresenceStatus {...props} />))
  const present = {
    open: false,
    until: '2026-03-04T01:30:00.000Z',
    nextOpen: '2026-03-04T01:30:00.000Z',
    reason: { kind: 'weekly' },
    today: { intervals: [{ start: '08:30', end: '12:00' }] },
  }

  it('says when the officer is present today', () => {
    // 07:00 WIB, before the shift.
    expect(render({ status: present, at: '2026-03-02T00:00:00Z', timezone: WIB, locale: 'id' })).toBe(
      'Petugas hadir 08:30–12:00',
    )
    expect(render({ status: present, at: '2026-03-02T00:00:00Z', timezone: WIB, locale: 'en' })).toBe(
      'Officer present 08:30–12:00',
    )
    const role = { id: 'Petugas perekaman KTP-el', en: 'KTP-el registration officer' }
    expect(
      render({ status: { ...present, open: true }, at: '2026-03-02T02:00:00Z', timezone: WIB, role, locale: 'id' }),
    ).toBe('Petugas perekaman KTP-el hadir 08:30–12:00 · sedang bertugas')
  })

  it('says when the shift is over for today or the officer is on a break, not only the hours', () => {
    // 14:00 WIB, after the only shift: someone arriving now must not read "present 08:30–12:00" alone.
    expect(render({ status: present, at: '2026-03-02T07:00:00Z', timezone: WIB, locale: 'id' })).toBe(
      'Petugas hadir 08:30–12:00 · sudah selesai bertugas hari ini · hadir lagi Rabu 08:30',
    )
    expect(render({ status: present, at: '2026-03-02T07:00:00Z', timezone: WIB, locale: 'en' })).toBe(
      'Officer present 08:30–12:00 · off duty for today · back Wednesday 08:30',
    )
    const split = {
      ...present,
      today: {
        intervals: [
          { start: '08:30', end: '12:00' },
          { start: '13:00', end: '15:00' },
        ],
      },
    }
    // 12:30 WIB, between the two shifts.
    expect(render({ status: split, at: '2026-03-02T05:30:00Z', timezone: WIB, locale: 'id' })).toBe(
      'Petugas hadir 08:30–12:00, 13:00–15:00 · sedang istirahat',
    )
  })

  it('says when the officer is absent today and when they are back', () => {
    const absent = { ...present, today: { intervals: [] }, reason: { kind: 'closed_day' } }
    expect(render({ status: absent, at: '2026-03-03T02:00:00Z', timezone: WIB, locale: 'id' })).toBe(
      'Petugas tidak hadir hari ini · hadir lagi Rabu 08:30',
    )
    expect(render({ status: absent, at: '2026-03-03T02:00:00Z', timezone: WIB, locale: 'en' })).toBe(
      'No officer present today · back Wednesday 08:30',
    )
    const holiday = { ...absent, nextOpen: null, reason: { kind: 'holiday', label: { id: 'Hari Kemerdekaan' } } }
    expect(render({ status: holiday, at: '2026-08-17T02:00:00Z', timezone: WIB, locale: 'id' })).toBe(
      'Petugas tidak hadir hari ini — Hari Kemerdekaan',
    )
  })
})

describe('WeekTable', () => {
  const days: WeekTableDay[] = [
    {
      date: '2026-08-17',
      intervals: [],
      reason: { kind: 'holiday', label: { id: 'Hari Kemerdekaan Republik Indonesia', en: 'Independence Day' } },
      holiday: {
        name: { id: 'Hari Kemerdekaan Republik Indonesia', en: 'Independence Day' },
        kind: 'national',
        verified: false,
      },
    },
    {
      date: '2026-08-18',
      intervals: [
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '16:00' },
      ],
      reason: { kind: 'weekly' },
    },
    {
      date: '2026-08-19',
      intervals: [{ start: '08:00', end: '14:00' }],
      reason: { kind: 'override', label: { id: 'Jam kerja Ramadan', en: 'Ramadan hours' } },
    },
    { date: '2026-08-22', intervals: [], reason: { kind: 'closed_day' } },
  ]

  it('renders an accessible table in Indonesian with breaks and holiday notes', () => {
    const html = renderToStaticMarkup(<WeekTable days={days} today="2026-08-18" locale="id" />)
    expect(html).toContain('<caption>Jadwal tujuh hari</caption>')
    expect(html).toContain('<th scope="col">Hari</th><th scope="col">Jam</th><th scope="col">Keterangan</th>')
    expect(html.match(/<th scope="row">/g)).toHaveLength(4)
    expect(html).toMatch(/<tr aria-current="date"><th scope="row"><time [^>]*>Selasa, 18 Agustus<\/time>/)
    expect(text(html)).toContain(
      'Senin, 17 AgustusTutupHari Kemerdekaan Republik Indonesia (libur nasional, belum diverifikasi)',
    )
    expect(text(html)).toContain('08:00–12:00, 13:00–16:00istirahat 12:00–13:00')
    expect(text(html)).toContain('08:00–14:00Jam kerja Ramadan')
    expect(text(html)).toContain('Sabtu, 22 AgustusTutup')
  })

  it('renders the same week in English', () => {
    const html = text(renderToStaticMarkup(<WeekTable days={days} locale="en" />))
    expect(html).toContain('Seven-day schedule')
    expect(html).toContain('Monday 17 AugustClosedIndependence Day (national holiday, not verified)')
    expect(html).toContain('break 12:00–13:00')
    expect(html).toContain('Ramadan hours')
  })

  it('marks an overnight end and a holiday the schedule does not observe', () => {
    const html = text(
      renderToStaticMarkup(
        <WeekTable
          locale="id"
          days={[
            {
              date: '2026-12-25',
              intervals: [{ start: '18:00', end: '02:00', overnight: true }],
              reason: { kind: 'weekly' },
              holiday: { name: { id: 'Natal' }, kind: 'national', verified: true },
            },
          ]}
        />,
      ),
    )
    expect(html).toContain('18:00–02:00 (hari berikutnya)')
    expect(html).toContain('Natal (libur nasional) · tetap buka')
  })
})
