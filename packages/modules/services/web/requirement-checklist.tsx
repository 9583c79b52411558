import { type LocalizedText, pickText, translator } from '@cerdas/core/web'
import { useLocale } from '@cerdas/ui'
import { messages } from './messages'

/** What to bring, as boxes to tick (on screen and on paper), with when each applies and notes. */
export function RequirementChecklist({
  requirements,
}: {
  requirements: { document: LocalizedText; note?: LocalizedText | undefined; condition?: LocalizedText | undefined }[]
}) {
  const locale = useLocale()
  const t = translator(messages, locale)
  if (requirements.length === 0) return <p className="muted">{t('noRequirements')}</p>
  return (
    <ul className="checklist">
      {requirements.map((r) => (
        <li key={r.document.id}>
          <span className="checkbox" aria-hidden="true" />
          <span>
            {pickText(r.document, locale)}
            {r.condition ? <span className="muted"> — {pickText(r.condition, locale)}</span> : null}
            {r.note ? <div className="muted">{pickText(r.note, locale)}</div> : null}
          </span>
        </li>
      ))}
    </ul>
  )
}
