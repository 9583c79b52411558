import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createPlatform, createTenant } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HttpResult, httpRequest, type RunningServer, startServer } from './server'
import { prepareTobaDataDir } from './toba-fixture'

// Addresses as crawlers and residents type them: 404s, redirects to the one address of a page,
// robots.txt and the sitemap. Plain HTTP against the built server: no browser needed.

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const TOBA = 'toba.localhost'
const SAMOSIR = 'samosir.localhost'

let server: RunningServer
let dataDir: string

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('addresses', [])
  const platform = await createPlatform({
    dataDir,
    templatesDir: join(repoRoot, 'templates'),
    platformHost: 'localhost',
    modules,
  })
  try {
    await createTenant(platform, { slug: 'samosir', template: 'kabupaten', name: 'Kabupaten Samosir' })
  } finally {
    platform.close()
  }
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
})

afterAll(async () => {
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

const get = (host: string, path: string) => httpRequest(server.port, host, path)

/** The value of the search box on a page, decoded. */
function searchValue(html: string): string | undefined {
  const input = /<input[^>]*name="q"[^>]*>/.exec(html)?.[0]
  const value = input ? /value="([^"]*)"/.exec(input)?.[1] : undefined
  return value?.replace(/&amp;/g, '&').replace(/&quot;/g, '"')
}

function expectTenantNotFound(res: HttpResult, words: string) {
  expect(res.status).toBe(404)
  const html = res.text()
  expect(html).toContain('<title>Halaman tidak ditemukan · Kabupaten Toba</title>')
  expect(html).toMatch(/<h1[^>]*>Halaman tidak ditemukan<\/h1>/)
  // Inside the site layout: header, navigation, language switch, footer.
  expect(html).toContain('class="site-header"')
  expect(html).toMatch(/<nav[^>]*class="wrap site-nav"[\s\S]*href="\/layanan"[\s\S]*<\/nav>/)
  expect(html).toContain('href="/bahasa?ke=en')
  // A search box that works without JavaScript, prefilled with the words of the address.
  expect(html).toMatch(/<form[^>]*method="get"[^>]*action="\/cari"/)
  expect(html).toMatch(/<label for="q">Mau urus apa\?<\/label>/)
  expect(searchValue(html)).toBe(words)
  expect(html).toMatch(/<a href="\/">Kembali ke beranda<\/a>/)
  expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/)
}

describe('404 on a tenant host', () => {
  it('renders an unknown address inside the site layout, with search', async () => {
    expectTenantNotFound(await get(TOBA, '/tidak-ada/ktp-baru'), 'tidak ada ktp baru')
  })

  it('renders a wrong service slug the same way, without the section name in the search', async () => {
    const res = await get(TOBA, '/layanan/ktp-baru')
    expectTenantNotFound(res, 'ktp baru')
    expect(res.text()).toContain('Tidak ada halaman di alamat /layanan/ktp-baru.')
  })

  it('renders a wrong office slug and announcement id the same way', async () => {
    expectTenantNotFound(await get(TOBA, '/direktori/kantor-pajak'), 'kantor pajak')
    expectTenantNotFound(await get(TOBA, '/pengumuman/ann_01JD2X5Q9V3R8K7M6N5P4Q3R2S'), 'ann')
  })

  it('speaks English to a visitor who chose it', async () => {
    const res = await httpRequest(server.port, TOBA, '/layanan/ktp-baru', { headers: { cookie: 'lang=en' } })
    expect(res.status).toBe(404)
    expect(res.text()).toContain('<title>Page not found · Kabupaten Toba</title>')
    expect(res.text()).toContain('What do you need to do?')
  })

  it('stays a plain 404 on an unknown host, naming no tenant', async () => {
    for (const path of ['/', '/layanan/ktp-el-baru', '/robots.txt', '/sitemap.xml', '/Layanan', '/layanan/']) {
      const res = await get('bukan-daerah.localhost', path)
      expect(res.status, path).toBe(404)
      const html = res.text()
      expect(html).toContain('Daerah tidak ditemukan')
      expect(html).not.toMatch(/toba|samosir|site-nav|action="\/cari"/i)
      expect(res.headers.location).toBeUndefined()
    }
  })
})

describe('one address per page', () => {
  it('moves a slug in capitals to its lowercase address, keeping the query', async () => {
    const res = await get(TOBA, '/layanan/KTP-EL-BARU?from=2026-01-05')
    expect(res.status).toBe(301)
    expect(res.headers.location).toBe('/layanan/ktp-el-baru?from=2026-01-05')
    expect((await get(TOBA, '/layanan/ktp-el-baru')).status).toBe(200)
  })

  it('moves a section name in capitals, and an office slug, in one step', async () => {
    expect((await get(TOBA, '/LAYANAN')).headers.location).toBe('/layanan')
    const office = await get(TOBA, '/Direktori/DisDukCapil')
    expect(office.status).toBe(301)
    expect(office.headers.location).toBe('/direktori/disdukcapil')
    expect((await get(TOBA, '/LAYANAN/KTP-EL-BARU')).headers.location).toBe('/layanan/ktp-el-baru')
    // The section is spelled as its route spells it even when the record does not exist.
    expect((await get(TOBA, '/Layanan/Tidak-Ada')).headers.location).toBe('/layanan/Tidak-Ada')
  })

  it('keeps ids that really have capitals, and 404s a capitalised address with no lowercase page', async () => {
    const feed = (await get(TOBA, '/api/v1/announcements?limit=1')).json() as { items: { id: string }[] }
    const id = feed.items[0]?.id as string
    expect(id).toMatch(/^ann_[0-9A-Z]+$/)
    expect((await get(TOBA, `/pengumuman/${id}`)).status).toBe(200)
    expect((await get(TOBA, '/layanan/KTP-TIDAK-ADA')).status).toBe(404)
  })

  it('never changes the case of admin, API or asset paths', async () => {
    const link = await get(TOBA, '/admin/tautan/AbCdEf')
    expect(link.headers.location ?? '').not.toContain('abcdef')
    expect((await get(TOBA, '/API/v1/announcements')).status).toBe(404)
    expect((await get(TOBA, '/assets/Tidak-Ada.js')).headers.location).toBeUndefined()
  })

  it('drops a trailing slash, but not the home page’s', async () => {
    const res = await get(TOBA, '/layanan/?kategori=kependudukan')
    expect(res.status).toBe(301)
    expect(res.headers.location).toBe('/layanan?kategori=kependudukan')
    expect((await get(TOBA, '/direktori/disdukcapil/')).headers.location).toBe('/direktori/disdukcapil')
    expect((await get(TOBA, '/')).status).toBe(200)
  })

  it('never redirects to another host', async () => {
    for (const path of ['//evil.example/', '//Evil.example/x']) {
      const res = await get(TOBA, path)
      const location = res.headers.location
      if (location !== undefined) expect(location).toMatch(/^\/[^/]/)
    }
  })

  it('sends the security headers with a redirect', async () => {
    const res = await get(TOBA, '/layanan/')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['x-frame-options']).toBe('DENY')
  })
})

describe('robots.txt and sitemap.xml', () => {
  it('lets crawlers in, except the console, the API, search, and the week pagers', async () => {
    const res = await get(TOBA, '/robots.txt')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/plain/)
    const lines = res.text().split('\n')
    expect(lines).toContain('User-agent: *')
    expect(lines).toContain('Allow: /')
    expect(lines).toContain('Disallow: /admin')
    expect(lines).toContain('Disallow: /api/')
    expect(lines).toContain('Disallow: /cari')
    expect(lines).toContain('Disallow: /*?from=')
    expect(lines).toContain('Disallow: /*&from=')
    expect(lines).toContain(`Sitemap: http://${TOBA}:${server.port}/sitemap.xml`)
  })

  it('lists Toba’s public pages with absolute URLs on the request’s origin', async () => {
    const res = await get(TOBA, '/sitemap.xml')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/xml/)
    const xml = res.text()
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
    )
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] as string)
    const origin = `http://${TOBA}:${server.port}`
    for (const path of ['/', '/layanan', '/direktori', '/pengumuman', '/hari-libur']) {
      expect(locs).toContain(`${origin}${path}`)
    }
    expect(locs).toContain(`${origin}/layanan/ktp-el-baru`)
    expect(locs).toContain(`${origin}/direktori/disdukcapil`)
    expect(locs.some((loc) => /\/pengumuman\/ann_[0-9A-Z]+$/.test(loc))).toBe(true)
    for (const loc of locs) expect(loc.startsWith(`${origin}/`)).toBe(true)
    expect(new Set(locs).size).toBe(locs.length)
    expect(xml).not.toMatch(/from=|\/cari|\/admin|\/api\//)
    expect(xml).toMatch(/<url><loc>[^<]+\/layanan\/ktp-el-baru<\/loc><lastmod>\d{4}-\d\d-\d\dT[^<]+<\/lastmod><\/url>/)
    // Every listed page answers.
    for (const loc of locs.filter((l) => /\/(layanan|direktori)\/[a-z]/.test(l)).slice(0, 4)) {
      expect((await get(TOBA, new URL(loc).pathname)).status, loc).toBe(200)
    }
  })

  it('lists nothing of another tenant', async () => {
    const xml = (await get(SAMOSIR, '/sitemap.xml')).text()
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] as string)
    expect(locs).toContain(`http://${SAMOSIR}:${server.port}/`)
    for (const loc of locs) expect(loc.startsWith(`http://${SAMOSIR}:${server.port}/`)).toBe(true)
    expect(xml).not.toMatch(/toba|ktp-el-baru|disdukcapil/i)
    expect((await get(SAMOSIR, '/robots.txt')).text()).toContain(
      `Sitemap: http://${SAMOSIR}:${server.port}/sitemap.xml`,
    )
  })
})

describe('week pagers', () => {
  it.each(['/direktori/disdukcapil', '/layanan/ktp-el-baru'])('on %s are not followed by crawlers', async (path) => {
    const html = (await get(TOBA, path)).text()
    const pagers = [...html.matchAll(/<a[^>]*href="[^"]*\?from=[^"]*"[^>]*>/g)].map((m) => m[0])
    expect(pagers.length).toBeGreaterThanOrEqual(2)
    for (const link of pagers) expect(link).toContain('rel="nofollow"')
  })
})

describe('the API through the web server', () => {
  it('carries the security headers', async () => {
    const res = await get(TOBA, '/api/v1/announcements?limit=1')
    expect(res.status).toBe(200)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['x-frame-options']).toBe('DENY')
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
  })

  it('serves /api/docs with a link to the OpenAPI document', async () => {
    const res = await get(TOBA, '/api/docs')
    expect(res.status).toBe(200)
    expect(res.text()).toContain('<a href="/api/openapi.json"')
    expect(res.headers['content-security-policy']).toContain('https://cdn.jsdelivr.net/npm/@scalar/api-reference@')
  })
})
