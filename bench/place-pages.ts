// Tourism, economy and transport pages server-rendered (HTML) vs the same data from the API
// (JSON), one built server, same run: page weights (HTML and JavaScript, gzip) and req/s, with
// the read cache off (every request rendered) and on (public answers kept per data version).
import { request } from 'node:http'
import { gzipSync } from 'node:zlib'
import autocannon from 'autocannon'
import { prepareDataDir } from './lib/fixture'
import { median } from './lib/process'
import { startBuiltCerdas } from './lib/server-process'

const DURATION_S = Number(process.env.BENCH_DURATION ?? 3)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const HOST = 'toba.localhost'

/** Each list page with its API list, and the entity whose first record gives a detail pair. */
const MODULE_PAGES: { page: string; api: string; firstOf?: string }[] = [
  { page: '/wisata', api: '/api/v1/tourism/attractions' },
  // Events are listed as occurrences in a window: the first of the coming year gives the detail.
  { page: '/acara', api: '/api/v1/tourism/events', firstOf: `?from=${today()}&to=${today(365)}` },
  { page: '/kuliner', api: '/api/v1/economy/eateries' },
  { page: '/penginapan', api: '/api/v1/economy/lodgings' },
  { page: '/umkm', api: '/api/v1/economy/businesses' },
  { page: '/transportasi', api: '/api/v1/transport/routes' },
]

/** A local date in Toba's zone (WIB, UTC+7), `days` from today. */
function today(days = 0): string {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)
}

function get(port: number, path: string, gzip = false): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: HOST, ...(gzip ? { 'accept-encoding': 'gzip' } : {}) }
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

async function load(port: number, path: string): Promise<number> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    headers: { host: HOST },
    connections: 10,
    duration: DURATION_S,
  })
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`bad responses on ${path}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return result.requests.average
}

/** What a phone downloads for the page: HTML and the scripts it references, gzip as sent. */
async function pageWeight(port: number, path: string) {
  const { status, body } = await get(port, path)
  if (status !== 200) throw new Error(`${path} answered ${status}`)
  const html = body.toString('utf8')
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] as string)
  let scriptGzip = 0
  for (const src of new Set(sources)) scriptGzip += (await get(port, src, true)).body.byteLength
  return { htmlBytes: body.byteLength, htmlGzip: gzipSync(body).length, scripts: sources.length, scriptGzip }
}

/** The list and detail pairs, a detail from the first record each list answers. */
async function pairs(port: number) {
  const out: { page: string; api: string }[] = []
  for (const m of MODULE_PAGES) {
    out.push(m)
    const list = await get(port, `${m.api}${m.firstOf ?? '?limit=1'}`)
    if (list.status !== 200) throw new Error(`${m.api} answered ${list.status}`)
    type Item = { slug?: string; id: string; event?: { slug: string; id: string } }
    const item = (JSON.parse(list.body.toString('utf8')) as { items: Item[] }).items[0]
    const first = item?.event ?? item
    if (first) out.push({ page: `${m.page}/${first.slug ?? first.id}`, api: `${m.api}/${first.slug ?? first.id}` })
  }
  return out
}

async function measure(cacheBytes: number, rounds: number) {
  const dataDir = await prepareDataDir({ extraTenants: 0, announcements: 0 })
  const server = await startBuiltCerdas(dataDir, 'cerdas', cacheBytes)
  const rows: Record<string, number | string>[] = []
  try {
    // Loaded only by lists whose places have points (the seed has none yet): Leaflet and the marker lines.
    const map = await get(server.port, '/vendor/place-map.js', true)
    if (map.status !== 200) throw new Error(`/vendor/place-map.js answered ${map.status}`)
    console.log(`place-pages: map script ${(map.body.byteLength / 1024).toFixed(1)} KiB gzip`)
    for (const pair of await pairs(server.port)) {
      const weight = await pageWeight(server.port, pair.page)
      await load(server.port, pair.page)
      await load(server.port, pair.api)
      const ssr: number[] = []
      const api: number[] = []
      for (let i = 0; i < rounds; i++) {
        ssr.push(await load(server.port, pair.page))
        api.push(await load(server.port, pair.api))
      }
      rows.push({
        page: pair.page,
        'page req/s': Math.round(median(ssr)),
        'api req/s': Math.round(median(api)),
        ratio: median(ssr.map((s, i) => s / (api[i] as number))).toFixed(2),
        'HTML KiB': (weight.htmlBytes / 1024).toFixed(1),
        'HTML gzip KiB': (weight.htmlGzip / 1024).toFixed(1),
        'JS gzip KiB': (weight.scriptGzip / 1024).toFixed(1),
      })
    }
  } finally {
    await server.stop()
  }
  return rows
}

export async function benchPlacePages() {
  const uncached = await measure(0, ROUNDS)
  console.log(`place-pages: read cache off, median of ${ROUNDS} alternating rounds of ${DURATION_S} s, 10 connections`)
  console.table(uncached)
  const cached = await measure(64 * 1024 * 1024, Math.max(1, ROUNDS - 1))
  console.log('place-pages: read cache on (public answers kept per data version)')
  console.table(
    cached.map(({ page, 'page req/s': p, 'api req/s': a, ratio }) => ({
      page,
      'page req/s': p,
      'api req/s': a,
      ratio,
    })),
  )
  return { uncached, cached }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPlacePages()
