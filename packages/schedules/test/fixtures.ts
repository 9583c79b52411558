import type { HolidayCalendar, ScheduleDefinition } from '../src/index'

const ishoma = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '16:00' },
]

/** Disdukcapil-style office: ISHOMA break Mon-Thu, longer Friday-prayer break, closed on holidays. */
export const office: ScheduleDefinition = {
  zone: 'Asia/Jakarta',
  closedOnHolidays: true,
  weekly: {
    mo: ishoma,
    tu: ishoma,
    we: ishoma,
    th: ishoma,
    fr: [
      { start: '08:00', end: '11:30' },
      { start: '13:30', end: '16:30' },
    ],
  },
  overrides: [
    {
      from: '2026-02-18',
      to: '2026-03-19',
      reason: { id: 'Jam kerja Ramadan', en: 'Ramadan hours' },
      weekly: {
        mo: [{ start: '08:00', end: '14:00' }],
        tu: [{ start: '08:00', end: '14:00' }],
        we: [{ start: '08:00', end: '14:00' }],
        th: [{ start: '08:00', end: '14:00' }],
        fr: [{ start: '08:00', end: '11:00' }],
      },
    },
  ],
  closures: [{ from: '2026-06-10', reason: { id: 'Pemeliharaan server', en: 'Server maintenance' } }],
  extraOpenings: [
    {
      date: '2026-06-13',
      intervals: [{ start: '08:00', end: '12:00' }],
      reason: { id: 'Pelayanan KTP-el hari Sabtu' },
    },
  ],
}

/** Holidays as they would be seeded (dates for 2026 per SKB 3 Menteri; verify each year). */
export const calendar: HolidayCalendar = {
  holidays: [
    { date: '2026-01-01', name: { id: 'Tahun Baru Masehi', en: "New Year's Day" }, kind: 'national', verified: false },
    { date: '2026-03-20', name: { id: 'Idul Fitri 1447 H' }, kind: 'national', verified: false },
    { date: '2026-03-23', name: { id: 'Cuti bersama Idul Fitri' }, kind: 'cuti_bersama', verified: false },
    { date: '2026-03-24', name: { id: 'Cuti bersama Idul Fitri' }, kind: 'cuti_bersama', verified: false },
    { date: '2026-08-17', name: { id: 'Hari Kemerdekaan RI' }, kind: 'national', verified: false },
    { date: '2026-11-30', name: { id: 'Hari jadi Kabupaten (contoh)' }, kind: 'regional', verified: false },
    { date: '2026-12-25', name: { id: 'Hari Raya Natal', en: 'Christmas Day' }, kind: 'national', verified: false },
  ],
}

/** Night market running past midnight. */
export const nightMarket: ScheduleDefinition = {
  zone: 'Asia/Jakarta',
  closedOnHolidays: false,
  weekly: {
    fr: [{ start: '18:00', end: '02:00', overnight: true }],
    sa: [{ start: '18:00', end: '02:00', overnight: true }],
  },
}

/** Local wall-clock time in a fixed-offset zone to an instant, e.g. at('2026-03-02 12:30', 7). */
export function at(local: string, offsetHours = 7): Date {
  const sign = offsetHours < 0 ? '-' : '+'
  const h = String(Math.abs(offsetHours)).padStart(2, '0')
  return new Date(`${local.replace(' ', 'T')}:00${sign}${h}:00`)
}
