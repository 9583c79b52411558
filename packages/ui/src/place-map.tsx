import { type Locale, translator } from '@cerdas/core/web'
import { uiMessages } from './messages'
import { WithPageLocale } from './with-locale'

/** One marker: a place's name, page and point. */
export interface MapMarker {
  name: string
  url: string
  lat: number
  lon: number
}

export interface PlaceMapProps {
  markers: MapMarker[]
  /** The tenant's tile URL template (`https://…/{z}/{x}/{y}.png`); without one there is no map. */
  tileUrl?: string | null | undefined
  attribution?: string | null | undefined
  locale?: Locale
}

/** Path of the map script: Leaflet and the few lines that draw the markers, served by the web app. */
export const PLACE_MAP_SCRIPT = '/vendor/place-map.js'
export const PLACE_MAP_STYLES = '/vendor/leaflet.css'

/**
 * A Leaflet map of the places in a list, drawn by a deferred script after the page has rendered:
 * the list beside it stands alone without JavaScript, without tiles or on a failed script, and
 * each item keeps its own map links. Nothing is rendered without markers or a tile URL.
 * @example <PlaceMap markers={items.flatMap((p) => p.coordinates ? [{ name, url, ...p.coordinates }] : [])} tileUrl={map.tileUrl} />
 */
export function PlaceMap(props: PlaceMapProps) {
  const { locale } = props
  if (locale) return <PlaceMapFigure {...props} locale={locale} />
  return <WithPageLocale render={(l) => <PlaceMapFigure {...props} locale={l} />} />
}

function PlaceMapFigure({ markers, tileUrl, attribution, locale }: PlaceMapProps & { locale: Locale }) {
  if (!tileUrl || markers.length === 0) return null
  const t = translator(uiMessages, locale)
  // `<` escaped so a name cannot close the script element.
  const data = JSON.stringify({ tileUrl, attribution: attribution ?? '', markers }).replace(/</g, '\\u003c')
  return (
    <figure className="place-map" aria-label={t('mapOfPlaces', { count: String(markers.length) })}>
      <link rel="stylesheet" href={PLACE_MAP_STYLES} />
      <div className="place-map-canvas" data-place-map="">
        <noscript>{t('mapNeedsScript')}</noscript>
      </div>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: JSON with < escaped, read by the map script */}
      <script type="application/json" className="place-map-data" dangerouslySetInnerHTML={{ __html: data }} />
      <script src={PLACE_MAP_SCRIPT} defer />
    </figure>
  )
}
