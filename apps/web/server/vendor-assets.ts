import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Context } from 'hono'

/**
 * Draws each `[data-place-map]` of the page with Leaflet: the tile URL and markers come from the
 * JSON beside it (see PlaceMap in @cerdas/ui). Circle markers need no icon images; a marker's
 * popup links to the place's page. Kept tiny: the page's whole JavaScript is Leaflet and this.
 */
const PLACE_MAP_INIT = `;(function () {
  var maps = document.querySelectorAll('[data-place-map]')
  for (var i = 0; i < maps.length; i++) {
    var canvas = maps[i]
    var json = canvas.parentNode.querySelector('.place-map-data')
    if (!json || !window.L) continue
    var data = JSON.parse(json.textContent)
    canvas.classList.add('place-map-drawn')
    var map = L.map(canvas, { scrollWheelZoom: false })
    L.tileLayer(data.tileUrl, { maxZoom: 18, attribution: data.attribution }).addTo(map)
    var bounds = []
    data.markers.forEach(function (m) {
      var link = document.createElement('a')
      link.href = m.url
      link.textContent = m.name
      L.circleMarker([m.lat, m.lon], { radius: 8, weight: 2 }).addTo(map).bindPopup(link)
      bounds.push([m.lat, m.lon])
    })
    if (bounds.length === 1) map.setView(bounds[0], 14)
    else map.fitBounds(bounds, { padding: [24, 24] })
  }
})()
`

interface Asset {
  body: string
  type: string
  etag: string
}

let assets: Map<string, Asset> | null = null

/** Leaflet from the installed package, read once; the map script is Leaflet followed by the init lines. */
function loadAssets(): Map<string, Asset> {
  if (assets) return assets
  const require = createRequire(import.meta.url)
  const leaflet = (file: string) => readFileSync(require.resolve(`leaflet/dist/${file}`), 'utf8')
  const asset = (body: string, type: string): Asset => ({
    body,
    type,
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
  })
  assets = new Map([
    // leaflet.js ends in a sourceMappingURL comment with no newline: without one the init is commented out.
    ['/vendor/place-map.js', asset(`${leaflet('leaflet.js')}\n${PLACE_MAP_INIT}`, 'text/javascript; charset=utf-8')],
    ['/vendor/leaflet.css', asset(leaflet('leaflet.css'), 'text/css; charset=utf-8')],
  ])
  return assets
}

/** Serves the map script and styles (compressed by the app's middleware), revalidated daily by ETag. */
export function vendorAsset(c: Context): Response | Promise<Response> {
  const asset = loadAssets().get(c.req.path)
  if (!asset) return c.notFound()
  if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304, { ETag: asset.etag })
  return c.body(asset.body, 200, {
    'Content-Type': asset.type,
    'Cache-Control': 'public, max-age=86400',
    ETag: asset.etag,
    'X-Content-Type-Options': 'nosniff',
  })
}
