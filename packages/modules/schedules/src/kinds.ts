/** Dependency-free constants, safe to import from pages. */
export const SCHEDULE_KINDS = ['hours', 'presence'] as const
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number]

export const SCHEDULE_KIND_LABELS = {
  hours: { id: 'Jam buka', en: 'Opening hours' },
  presence: { id: 'Kehadiran petugas', en: 'Officer presence' },
} as const

export const HOLIDAY_KIND_IDS = ['national', 'cuti_bersama', 'regional'] as const
export type HolidayKindId = (typeof HOLIDAY_KIND_IDS)[number]

export const HOLIDAY_KIND_LABELS = {
  national: { id: 'Libur nasional', en: 'National holiday' },
  cuti_bersama: { id: 'Cuti bersama', en: 'Collective leave' },
  regional: { id: 'Libur daerah', en: 'Regional holiday' },
} as const
