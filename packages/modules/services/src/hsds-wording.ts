import { type Locale, type LocalizedText, pickText } from '@cerdas/core'

/** HSDS is one language per document: these pick or write the text of the export's language. */

export const t = (locale: Locale, id: string, en: string) => (locale === 'en' ? en : id)
export const pick = (text: LocalizedText, locale: Locale) => pickText(text, locale)
export const pickOrNull = (text: LocalizedText | null | undefined, locale: Locale) =>
  text ? pickText(text, locale) : null

export function rupiah(amount: number, locale: Locale): string {
  return locale === 'en'
    ? `IDR ${new Intl.NumberFormat('en-US').format(amount)}`
    : `Rp${new Intl.NumberFormat('id-ID').format(amount)}`
}

export function listWords(words: string[], locale: Locale): string {
  if (words.length <= 1) return words.join('')
  return `${words.slice(0, -1).join(', ')} ${t(locale, 'dan', 'and')} ${words.at(-1)}`
}
