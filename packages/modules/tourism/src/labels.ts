import type { LocalizedText } from '@cerdas/core'

const label = (id: string, en: string): LocalizedText => ({ id, en })

/** Kinds of attraction a visitor filters by. */
export const ATTRACTION_CATEGORIES = [
  'nature',
  'culture',
  'history',
  'religion',
  'beach',
  'viewpoint',
  'waterfall',
  'hot_spring',
  'museum',
  'village',
  'park',
  'other',
] as const
export type AttractionCategory = (typeof ATTRACTION_CATEGORIES)[number]

export const ATTRACTION_CATEGORY_LABELS: Record<AttractionCategory, LocalizedText> = {
  nature: label('Wisata alam', 'Nature'),
  culture: label('Budaya', 'Culture'),
  history: label('Sejarah', 'History'),
  religion: label('Religi', 'Religion'),
  beach: label('Pantai', 'Beach'),
  viewpoint: label('Tempat pandang', 'Viewpoint'),
  waterfall: label('Air terjun', 'Waterfall'),
  hot_spring: label('Pemandian air panas', 'Hot spring'),
  museum: label('Museum', 'Museum'),
  village: label('Desa wisata', 'Tourism village'),
  park: label('Taman', 'Park'),
  other: label('Lainnya', 'Other'),
}

/** Who an entrance fee is for. */
export const VISITOR_TYPES = ['adult', 'child', 'foreign', 'vehicle', 'other'] as const
export type VisitorType = (typeof VISITOR_TYPES)[number]

export const VISITOR_TYPE_LABELS: Record<VisitorType, LocalizedText> = {
  adult: label('Dewasa', 'Adult'),
  child: label('Anak-anak', 'Child'),
  foreign: label('Wisatawan mancanegara', 'Foreign visitor'),
  vehicle: label('Kendaraan/parkir', 'Vehicle/parking'),
  other: label('Lainnya', 'Other'),
}

export const EVENT_CATEGORIES = [
  'festival',
  'culture',
  'religion',
  'sport',
  'music',
  'market',
  'exhibition',
  'other',
] as const
export type EventCategory = (typeof EVENT_CATEGORIES)[number]

export const EVENT_CATEGORY_LABELS: Record<EventCategory, LocalizedText> = {
  festival: label('Festival', 'Festival'),
  culture: label('Budaya', 'Culture'),
  religion: label('Keagamaan', 'Religious'),
  sport: label('Olahraga', 'Sport'),
  music: label('Musik', 'Music'),
  market: label('Pasar/bazar', 'Market/fair'),
  exhibition: label('Pameran', 'Exhibition'),
  other: label('Lainnya', 'Other'),
}

/** How an event repeats: a weekly one on a weekday, monthly on the start's day of month, yearly on its date. */
export const RECURRENCES = ['none', 'weekly', 'monthly', 'yearly'] as const
export type Recurrence = (typeof RECURRENCES)[number]

export const RECURRENCE_LABELS: Record<Recurrence, LocalizedText> = {
  none: label('Tidak berulang', 'Does not repeat'),
  weekly: label('Setiap minggu', 'Every week'),
  monthly: label('Setiap bulan', 'Every month'),
  yearly: label('Setiap tahun', 'Every year'),
}

/** ISO weekday keys, Monday first, as the schedules engine uses them. */
export const WEEKDAY_KEYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number]

export const WEEKDAY_LABELS: Record<WeekdayKey, LocalizedText> = {
  mo: label('Senin', 'Monday'),
  tu: label('Selasa', 'Tuesday'),
  we: label('Rabu', 'Wednesday'),
  th: label('Kamis', 'Thursday'),
  fr: label('Jumat', 'Friday'),
  sa: label('Sabtu', 'Saturday'),
  su: label('Minggu', 'Sunday'),
}
