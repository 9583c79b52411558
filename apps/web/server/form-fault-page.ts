import type { Locale } from '@cerdas/core/web'
import { translator } from '@cerdas/core/web'
import { messages } from '../app/i18n/messages'
import type { FormBodyFault } from './form-body'

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string)

const TEXT = {
  unsupported: { title: 'formUnsupportedTitle', body: 'formUnsupportedBody' },
  malformed: { title: 'formMalformedTitle', body: 'formMalformedBody' },
} as const

/** The page for a submission the pages cannot read as a form, in the visitor's language; stands alone like the 413 page. */
export function formFaultPage(locale: Locale, fault: FormBodyFault): string {
  const t = translator(messages, locale)
  const title = escapeHtml(t(TEXT[fault].title))
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>${title}</h1><p>${escapeHtml(t(TEXT[fault].body))}</p>
<p><a href="/">${escapeHtml(t('backHome'))}</a></p>
</body></html>`
}
