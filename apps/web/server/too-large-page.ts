import type { Locale } from '@cerdas/core/web'
import { translator } from '@cerdas/core/web'
import { messages } from '../app/i18n/messages'

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string)

/** `65536` → `64 KB`, `10485760` → `10 MB` (`1,5 MB` in Indonesian). */
export function byteSize(bytes: number, locale: Locale): string {
  const format = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 })
  return bytes >= 1024 * 1024 ? `${format.format(bytes / 1024 / 1024)} MB` : `${format.format(bytes / 1024)} KB`
}

/**
 * The page for a form or upload over the body limit, in the visitor's language. Sent before the
 * body is read, so it stands alone: no layout, no session.
 */
export function tooLargePage(locale: Locale, limitBytes: number): string {
  const t = translator(messages, locale)
  const title = escapeHtml(t('tooLargeTitle'))
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>${title}</h1><p>${escapeHtml(t('tooLargeBody', { size: byteSize(limitBytes, locale) }))}</p>
<p><a href="/">${escapeHtml(t('backHome'))}</a></p>
</body></html>`
}
