import { translator } from '@cerdas/core/web'
import { uiMessages } from './messages'
import { useLocale } from './use-locale'

/** Cursor pagination links that work without JavaScript. */
export function Pager({
  basePath,
  nextCursor,
  isFirst,
}: {
  basePath: string
  nextCursor: string | null
  isFirst: boolean
}) {
  const t = translator(uiMessages, useLocale())
  const separator = basePath.includes('?') ? '&' : '?'
  return (
    <nav className="pager" aria-label="pagination">
      {isFirst ? null : <a href={basePath}>← {t('first')}</a>}
      {nextCursor ? (
        <a href={`${basePath}${separator}cursor=${encodeURIComponent(nextCursor)}`}>{t('next')} →</a>
      ) : null}
    </nav>
  )
}
