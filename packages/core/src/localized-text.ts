import { z } from 'zod'

/** Locales the platform ships; a tenant may enable a subset. Indonesian is always first. */
export const LOCALES = ['id', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/** Text in Indonesian (required) and optionally English. */
export interface LocalizedText {
  id: string
  en?: string | undefined
}

export const localizedTextSchema = z.strictObject({
  id: z.string().trim().min(1),
  en: z.string().trim().min(1).optional(),
})

export const localeSchema = z.enum(LOCALES)

/**
 * Picks the text for a locale, falling back to Indonesian.
 * @example pickText({ id: 'Pengumuman', en: 'Announcements' }, 'en') // 'Announcements'
 */
export function pickText(text: LocalizedText, locale: Locale): string {
  return (locale === 'en' ? text.en : undefined) ?? text.id
}
