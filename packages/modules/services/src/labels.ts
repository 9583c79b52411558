import type { LocalizedText } from '@cerdas/core'

export const SERVICE_CATEGORIES = [
  'kependudukan',
  'perizinan',
  'kesehatan',
  'pendidikan',
  'sosial',
  'pajak',
  'ketenagakerjaan',
  'lingkungan',
  'pariwisata',
  'informasi',
  'lainnya',
] as const
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number]

export const AUDIENCES = ['residents', 'businesses', 'visitors', 'civil_servants', 'institutions'] as const
export type Audience = (typeof AUDIENCES)[number]

export const PROCESSING_UNITS = ['minutes', 'hours', 'working_days', 'days'] as const

export const CATEGORY_LABELS: Record<ServiceCategory, LocalizedText> = {
  kependudukan: { id: 'Kependudukan', en: 'Civil registration' },
  perizinan: { id: 'Perizinan', en: 'Permits' },
  kesehatan: { id: 'Kesehatan', en: 'Health' },
  pendidikan: { id: 'Pendidikan', en: 'Education' },
  sosial: { id: 'Sosial', en: 'Social welfare' },
  pajak: { id: 'Pajak daerah', en: 'Local taxes' },
  ketenagakerjaan: { id: 'Ketenagakerjaan', en: 'Employment' },
  lingkungan: { id: 'Lingkungan', en: 'Environment' },
  pariwisata: { id: 'Pariwisata', en: 'Tourism' },
  informasi: { id: 'Informasi publik', en: 'Public information' },
  lainnya: { id: 'Lainnya', en: 'Other' },
}

export const AUDIENCE_LABELS: Record<Audience, LocalizedText> = {
  residents: { id: 'Warga', en: 'Residents' },
  businesses: { id: 'Pelaku usaha', en: 'Businesses' },
  visitors: { id: 'Wisatawan dan pendatang', en: 'Visitors' },
  civil_servants: { id: 'ASN', en: 'Civil servants' },
  institutions: { id: 'Lembaga dan instansi', en: 'Institutions' },
}

export const PROCESSING_UNIT_LABELS: Record<(typeof PROCESSING_UNITS)[number], LocalizedText> = {
  minutes: { id: 'menit', en: 'minutes' },
  hours: { id: 'jam', en: 'hours' },
  working_days: { id: 'hari kerja', en: 'working days' },
  days: { id: 'hari', en: 'days' },
}
