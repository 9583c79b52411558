import type { ServerBuild } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { missingPathWords } from '../app/missing-path-words'
import { mayLowercase, routeCasePath, routeTree, withoutTrailingSlash } from '../server/canonical-path'
import { robotsTxt, sitemapXml } from '../server/crawlers'

const NAV = ['/layanan', '/direktori', '/pengumuman', '/hari-libur']

describe('missingPathWords', () => {
  it.each([
    ['/layanan/ktp-baru', 'ktp baru'],
    ['/layanan/KTP-Baru?x=1#top', 'ktp baru'],
    ['/ktp_baru', 'ktp baru'],
    ['/direktori/dinas%20kesehatan', 'dinas kesehatan'],
    ['/akta-lahir.html', 'akta lahir'],
    ['/index.php/berita/banjir', 'berita banjir'],
    ['/pengumuman/ann_01JD2X5Q9V3R8K7M6N5P4Q3R2S', 'ann'],
    ['/layanan', ''],
    ['/', ''],
    ['/%E0%A4%A', 'e0 a4 a'],
    ['/a/b/c/d/e/f/g/h/i/j', 'a b c d e f g h'],
  ])('%s → "%s"', (path, words) => {
    expect(missingPathWords(path, NAV)).toBe(words)
  })
})

describe('withoutTrailingSlash', () => {
  it.each([
    ['/', null],
    ['/layanan', null],
    ['/layanan/', '/layanan'],
    ['/layanan//', '/layanan'],
    ['//', '/'],
    ['//evil.example/', '/evil.example'],
  ])('%s → %s', (path, expected) => {
    expect(withoutTrailingSlash(path)).toBe(expected)
  })
})

describe('mayLowercase', () => {
  it.each([
    ['/layanan/KTP', true],
    ['/layanan/ktp', false],
    ['/admin/tautan/AbC', false],
    ['/Admin', false],
    ['/admin_/x/Y', false],
    ['/API/v1/X', false],
    ['/assets/App-X.js', false],
    ['/Administrasi', true],
  ])('%s → %s', (path, expected) => {
    expect(mayLowercase(path)).toBe(expected)
  })
})

describe('routeCasePath', () => {
  const route = (id: string, parentId: string | undefined, path?: string, index?: boolean) => ({
    id,
    parentId,
    path,
    index,
    caseSensitive: undefined,
    module: {},
  })
  const build = {
    routes: {
      root: route('root', undefined, ''),
      'routes/_index': route('routes/_index', 'root', undefined, true),
      'routes/$': route('routes/$', 'root', '*'),
      'services/layanan': route('services/layanan', 'root', 'layanan'),
      'services/layanan/:slug': route('services/layanan/:slug', 'root', 'layanan/:slug'),
      'services/layanan/:slug/cetak': route('services/layanan/:slug/cetak', 'root', 'layanan/:slug/cetak'),
      'routes/admin': route('routes/admin', 'root', 'admin'),
      'routes/admin.jadwal.$id': route('routes/admin.jadwal.$id', 'routes/admin', 'jadwal/:id'),
    },
  } as unknown as ServerBuild
  const tree = routeTree(build)

  it.each([
    ['/LAYANAN', '/layanan'],
    ['/Layanan/KTP-EL-BARU', '/layanan/KTP-EL-BARU'],
    ['/layanan/KTP/CETAK', '/layanan/KTP/cetak'],
    ['/ADMIN/JADWAL/Sch_X', '/admin/jadwal/Sch_X'],
    ['/Tidak/Ada', '/Tidak/Ada'],
  ])('%s → %s', (path, expected) => {
    expect(routeCasePath(tree, path)).toBe(expected)
  })
})

describe('robots.txt and sitemap.xml', () => {
  it('names the sitemap on the origin', () => {
    expect(robotsTxt('https://tobakab.go.id')).toContain('\nSitemap: https://tobakab.go.id/sitemap.xml\n')
  })

  it('escapes URLs and leaves out a missing date', () => {
    const xml = sitemapXml('https://x.example', [
      { path: '/a?b=1&c=2' },
      { path: '/layanan/ktp', lastModified: '2026-01-02T03:04:05.000Z' },
    ])
    expect(xml).toContain('<url><loc>https://x.example/a?b=1&amp;c=2</loc></url>')
    expect(xml).toContain(
      '<url><loc>https://x.example/layanan/ktp</loc><lastmod>2026-01-02T03:04:05.000Z</lastmod></url>',
    )
  })
})
