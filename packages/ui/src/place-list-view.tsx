import type { Locale } from '@cerdas/core/web'
import type { ReactNode } from 'react'
import { Pager } from './pager'
import { type FilterControl, PlaceFilters } from './place-filters'
import { type MapMarker, PlaceMap } from './place-map'

export interface PlaceListViewProps {
  title: string
  intro: string
  /** The list's path: the filter form's action and the "clear filters" link. */
  listUrl: string
  controls: FilterControl[]
  /** Whether any filter is set. */
  active: boolean
  /** Said when nothing matches the filters, and when there is nothing at all. */
  empty: { filtered: string; all: string; clear: string }
  /** With "open now": how many places could not be told about, already worded; null to say nothing. */
  withoutHours: string | null
  map: { markers: MapMarker[]; tileUrl: string | null; attribution: string | null }
  /** Class of the list, e.g. `attractions`. */
  kind: string
  /** Link to the next page, and whether this is the first. */
  pager: { basePath: string; nextCursor: string | null; isFirst: boolean }
  locale: Locale
  /** The `PlaceCard`s of the page. */
  children: ReactNode
}

/**
 * The body every list of places shares: heading and intro, the filter form, what to say when
 * nothing matches (with a way out), the map of the page's places, the cards, and the pager.
 * @example <PlaceListView title={t('title')} … kind="attractions">{items.map((a) => <PlaceCard … />)}</PlaceListView>
 */
export function PlaceListView(p: PlaceListViewProps) {
  const hasItems = Array.isArray(p.children) ? p.children.length > 0 : Boolean(p.children)
  return (
    <>
      <h1>{p.title}</h1>
      <p className="muted">{p.intro}</p>
      <PlaceFilters action={p.listUrl} controls={p.controls} active={p.active} locale={p.locale} />
      {hasItems ? null : (
        <p className="notice">
          {p.active ? p.empty.filtered : p.empty.all} {p.active ? <a href={p.listUrl}>{p.empty.clear}</a> : null}
        </p>
      )}
      {p.withoutHours ? <p className="muted">{p.withoutHours}</p> : null}
      <PlaceMap markers={p.map.markers} tileUrl={p.map.tileUrl} attribution={p.map.attribution} locale={p.locale} />
      <ul className={`list places place-cards ${p.kind}`}>{p.children}</ul>
      <Pager basePath={p.pager.basePath} nextCursor={p.pager.nextCursor} isFirst={p.pager.isFirst} />
    </>
  )
}
