import type { WebLoadContext } from '@cerdas/core/web'
import { describe, expect, it } from 'vitest'
import { safeReturnPath } from '../app/return-path'
import { loader as loginPage } from '../app/routes/admin_.masuk'
import { loader as languageSwitch } from '../app/routes/bahasa'

const ORIGIN = 'http://toba.localhost:3000'

describe('safeReturnPath', () => {
  it.each([
    ['/layanan?q=ktp#hasil', '/layanan?q=ktp#hasil'],
    ['/', '/'],
    ['/admin/../layanan', '/layanan'],
    ['/pengumuman/ann_01', '/pengumuman/ann_01'],
    ['/layanan/akta kelahiran', '/'],
    ['/kantor/dinas%20kesehatan', '/kantor/dinas%20kesehatan'],
    // Encoded, so that it fits in a Location header.
    ['/berita/é', '/berita/%C3%A9'],
  ])('keeps the same-origin path %j as %j', (raw, expected) => {
    expect(safeReturnPath(raw, `${ORIGIN}/bahasa`)).toBe(expected)
  })

  it.each([
    ['/\t/evil.example/x'],
    ['/\n/evil.example'],
    ['/\r\nSet-Cookie: x=1'],
    ['/\u0000'],
    ['/\u00a0/evil.example'],
    ['/\u2028/evil.example'],
    ['/admin\u202e/moc.elpmaxe-live'],
    [' /layanan'],
    ['//evil.example/x'],
    ['/\\evil.example'],
    ['\\\\evil.example'],
    ['/.//evil.example/x'],
    ['/./..//evil.example'],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    ['layanan'],
    [''],
    [`/${'a'.repeat(3000)}`],
  ])('refuses %j', (raw) => {
    expect(safeReturnPath(raw, `${ORIGIN}/bahasa`)).toBe('/')
  })

  it('keeps console paths inside /admin when asked to', () => {
    const under = { under: '/admin' }
    expect(safeReturnPath('/admin/data/x?y=1', ORIGIN, under)).toBe('/admin/data/x?y=1')
    expect(safeReturnPath('/admin', ORIGIN, under)).toBe('/admin')
    expect(safeReturnPath('/admin/../layanan', ORIGIN, under)).toBe('/admin')
    expect(safeReturnPath('/admin/../\t/evil.example/', ORIGIN, under)).toBe('/admin')
    expect(safeReturnPath('/administrasi', ORIGIN, under)).toBe('/admin')
    expect(safeReturnPath(null, ORIGIN, under)).toBe('/admin')
  })
})

/** The Location a loader answers with (loaders throw or return redirects). */
async function locationOf(run: () => Promise<unknown>): Promise<string | null> {
  let answer: unknown
  try {
    answer = await run()
  } catch (thrown) {
    answer = thrown
  }
  if (!(answer instanceof Response)) throw new Error(`expected a redirect, got ${String(answer)}`)
  expect(answer.status).toBe(302)
  return answer.headers.get('location')
}

describe('the language switch goes back only to this site', () => {
  const switchTo = (query: string) =>
    locationOf(() =>
      languageSwitch({ request: new Request(`${ORIGIN}/bahasa?${query}`), params: {}, context: {} } as never),
    )

  it('goes back to the page it came from', async () => {
    expect(await switchTo(`ke=en&kembali=${encodeURIComponent('/layanan?q=ktp')}`)).toBe('/layanan?q=ktp')
  })

  it.each([
    ['/%09/evil.example/x'],
    ['/%0a'],
    ['/%0a/evil.example'],
    ['/%0d%0aSet-Cookie:%20x=1'],
    ['/.//evil.example/x'],
    ['/%5Cevil.example'],
  ])('kembali=%s goes to the home page, never off-site nor a 500', async (kembali) => {
    expect(await switchTo(`ke=en&kembali=${kembali}`)).toBe('/')
  })
})

describe('the login page goes back only into the console', () => {
  const context = {
    site: { kind: 'tenant' },
    locale: 'id',
    session: { userId: 'usr_1', name: 'Admin', email: 'admin@toba.localhost', grants: [], csrfToken: 'x' },
  } as unknown as WebLoadContext
  const visit = (kembali: string) =>
    locationOf(() =>
      loginPage({
        request: new Request(`${ORIGIN}/admin/masuk?kembali=${encodeURIComponent(kembali)}`),
        params: {},
        context,
      } as never),
    )

  it('a logged-in visitor is sent on to the console page', async () => {
    expect(await visit('/admin/pengguna')).toBe('/admin/pengguna')
  })

  it.each([['/admin/../\t/evil.example/'], ['/admin/..//evil.example/'], ['/admin/\n'], ['/admin/../layanan']])(
    'kembali=%j goes to /admin',
    async (kembali) => {
      expect(await visit(kembali)).toBe('/admin')
    },
  )
})
