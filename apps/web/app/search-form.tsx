import { Form } from '@remix-run/react'
import { useT } from './i18n/use-t'

/** The "Mau urus apa?" box: a plain GET form to /cari, so it works without JavaScript. */
export function SearchForm({ q = '', autoFocus = false }: { q?: string; autoFocus?: boolean }) {
  const t = useT()
  return (
    <Form method="get" action="/cari" className="search" role="search">
      <label htmlFor="q">{t('searchLabel')}</label>
      <p className="muted" id="q-hint">
        {t('searchHint')}
      </p>
      <div className="search-row">
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder={t('searchPlaceholder')}
          aria-describedby="q-hint"
          required
          maxLength={200}
          // The search page focuses the box to refine a query; the home page does not steal focus.
          // biome-ignore lint/a11y/noAutofocus: see above
          autoFocus={autoFocus}
        />
        <button type="submit">{t('search')}</button>
      </div>
    </Form>
  )
}
