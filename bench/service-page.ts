// Service page server-rendered (HTML) vs the same service from the API (JSON), one server, same run.
import { request } from 'node:http'
import { gzipSync } from 'node:zlib'
import autocannon from 'autocannon'
import { prepareDataDir } from './lib/fixture'
import { median, startProcess } from './lib/process'

const DURATION_S = Number(process.env.BENCH_DURATION ?? 5)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const HOST = 'toba.localhost'
const PAGE = '/layanan/ktp-el-baru'
const API = '/api/v1/services/ktp-el-baru'

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

/** GET with the tenant's Host header (fetch does not let a caller set Host). */
function getText(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: HOST } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** Bytes a phone downloads for the page: the HTML (and any script it references), raw and gzipped. */
async function pageWeight(port: number) {
  const { status, body: html } = await getText(port, PAGE)
  if (status !== 200) throw new Error(`${PAGE} answered ${status}`)
  const scripts = [...html.matchAll(/<script\b(?![^>]*application\/ld\+json)[^>]*>/g)].length
  return { bytes: Buffer.byteLength(html), gzipBytes: gzipSync(html).length, scripts }
}

export async function benchServicePage() {
  const dataDir = await prepareDataDir({ extraTenants: 0, announcements: 0 })
  const server = await startProcess('apps/web/server/index.ts', { CERDAS_DATA_DIR: dataDir })
  const ssrRuns: number[] = []
  const apiRuns: number[] = []
  let weight: Awaited<ReturnType<typeof pageWeight>>
  try {
    weight = await pageWeight(server.port)
    await load(server.port, PAGE) // warm-up
    await load(server.port, API)
    for (let i = 0; i < ROUNDS; i++) {
      ssrRuns.push(await load(server.port, PAGE))
      apiRuns.push(await load(server.port, API))
    }
  } finally {
    await server.stop()
  }
  const ssrRps = median(ssrRuns)
  const apiRps = median(apiRuns)
  const ratio = median(ssrRuns.map((s, i) => s / (apiRuns[i] as number)))
  console.log(
    `service-page: ${PAGE} server-rendered ${ssrRps.toFixed(0)} req/s vs ${API} ${apiRps.toFixed(0)} req/s, median of ${ROUNDS} alternating rounds, ratio ${ratio.toFixed(2)}; page ${(weight.bytes / 1024).toFixed(1)} KiB HTML, ${(weight.gzipBytes / 1024).toFixed(1)} KiB gzipped, ${weight.scripts} scripts`,
  )
  return { ssrRps, apiRps, ratio, ...weight }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchServicePage()
