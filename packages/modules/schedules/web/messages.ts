import type { Messages } from '@cerdas/core/web'

export const messages = {
  id: {
    title: 'Hari libur {year}',
    intro:
      'Hari libur nasional, cuti bersama, dan libur daerah yang dipakai untuk jam buka kantor dan perhitungan hari kerja.',
    empty: 'Belum ada data hari libur untuk tahun ini.',
    date: 'Tanggal',
    name: 'Hari libur',
    kind: 'Jenis',
    status: 'Status',
    source: 'Sumber: {source}',
    ical: 'Langganan kalender (iCal) {year}',
    years: 'Tahun lain',
    unverifiedNote:
      'Tanggal yang belum diverifikasi dapat berubah; periksa keputusan resmi (SKB 3 Menteri) sebelum mengandalkannya.',
    kind_national: 'Libur nasional',
    kind_cuti_bersama: 'Cuti bersama',
    kind_regional: 'Libur daerah',
  },
  en: {
    title: 'Holidays {year}',
    intro:
      'National holidays, collective leave (cuti bersama) and regional holidays used for office hours and working-day counts.',
    empty: 'No holidays recorded for this year yet.',
    date: 'Date',
    name: 'Holiday',
    kind: 'Kind',
    status: 'Status',
    source: 'Source: {source}',
    ical: 'Subscribe to the calendar (iCal) {year}',
    years: 'Other years',
    unverifiedNote: 'Unverified dates may change; check the official decree (SKB 3 Menteri) before relying on them.',
    kind_national: 'National holiday',
    kind_cuti_bersama: 'Collective leave',
    kind_regional: 'Regional holiday',
  },
} satisfies Messages
