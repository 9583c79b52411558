import type { Locale } from '@cerdas/core/web'

const formats = new Map<string, Intl.NumberFormat>()

/**
 * A number as the locale writes it: Indonesian `1.234,5`, English `1,234.5`; at most `digits`
 * decimals, none when whole.
 * @example formatNumber(1234.5, 'id') // '1.234,5'
 */
export function formatNumber(value: number, locale: Locale, digits = 1): string {
  const key = `${locale}|${digits}`
  let f = formats.get(key)
  if (!f) {
    f = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: digits })
    formats.set(key, f)
  }
  // -0 would print as "-0".
  return f.format(value === 0 ? 0 : value)
}

/**
 * A number with its unit: `%` sticks to the number, any other unit follows after a space.
 * @example formatQuantity(87.5, '%', 'id') // '87,5%'; formatQuantity(12, 'ton/hari', 'en') // '12 ton/hari'
 */
export function formatQuantity(value: number, unit: string, locale: Locale, digits = 1): string {
  const n = formatNumber(value, locale, digits)
  if (!unit) return n
  return unit === '%' ? `${n}%` : `${n} ${unit}`
}
