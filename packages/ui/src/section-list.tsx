import { type SectionView, translator } from '@cerdas/core/web'
import { Link } from '@remix-run/react'
import { uiMessages } from './messages'
import { useLocale } from './use-locale'

/**
 * A module's section (home page or linked onto another module's page): a heading, its items with
 * an unverified badge where due, and a link to the full list.
 * @example {sections.map((s) => <SectionList key={s.id} section={s} />)}
 */
export function SectionList({
  section,
  className = 'linked-section',
  idPrefix = 'section',
}: {
  section: SectionView
  className?: string
  /** The section's element id is `${idPrefix}-${module id}`. */
  idPrefix?: string
}) {
  const t = translator(uiMessages, useLocale())
  return (
    <section id={`${idPrefix}-${section.id}`} className={className}>
      <h2>{section.title}</h2>
      <ul className="list">
        {section.items.map((item) => (
          <li key={item.url}>
            <Link to={item.url}>{item.title}</Link>
            {item.date ? <span className="muted"> · {item.date}</span> : null}
            {item.verified ? null : <span className="badge badge-unverified">{t('notVerified')}</span>}
            {item.note ? <div className="muted">{item.note}</div> : null}
          </li>
        ))}
      </ul>
      {section.moreUrl ? <Link to={section.moreUrl}>{t('seeAll')} →</Link> : null}
    </section>
  )
}
