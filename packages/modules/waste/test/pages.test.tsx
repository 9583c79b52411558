import type { TenantContext } from '@cerdas/core'
import type { WebLoadContext } from '@cerdas/core/web'
import { office } from '@cerdas/module-directory'
import { createTestPlatform, jsonOf, TEST_OPERATOR_TOKEN, type TestPlatform } from '@cerdas/testing'
import type { AppLoadContext } from '@remix-run/node'
import { createRemixStub } from '@remix-run/testing'
import { renderToString } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import waste, { type Area } from '../src/index'
import { loader as areaLoader } from '../web/area-page'
import CollectionsPage, { loader as pageLoader } from '../web/collections-page'
import { loader as listLoader } from '../web/droppoint-list'

const HOST = 'toba.localhost'

let t: TestPlatform
let base: TenantContext

beforeAll(async () => {
  t = await createTestPlatform()
  // Toba enables the module but publishes no collection areas: nothing is invented.
  await t.createTenant('toba', { template: 'toba', name: 'Kabupaten Toba' })
  const tenant = await t.platform.tenantBySlug('toba')
  if (!tenant) throw new Error('tenant toba missing')
  base = t.platform.context(tenant, await t.platform.tenantDb(tenant.record), { actor: null })
})
afterAll(() => t?.close())

/** A load context whose clock stands at `local` (WIB). */
function contextAt(local: string, locale: 'id' | 'en' = 'id') {
  const ctx: TenantContext = { ...base, now: () => new Date(`${local.replace(' ', 'T')}:00+07:00`) }
  const context: WebLoadContext = {
    site: { kind: 'tenant', ctx, nav: [], modules: [], reference: {}, definitions: [waste] },
    locale,
    requestId: 'test',
    currentPath: '/sampah',
    session: null,
    secureCookies: false,
    clientIp: undefined,
  }
  return context as unknown as AppLoadContext
}

const page = (local: string, query = '') =>
  pageLoader({ request: new Request(`http://${HOST}/sampah${query}`), context: contextAt(local), params: {} })

describe('/sampah before any schedule is published', () => {
  it('says plainly that the schedule is not published and what will appear', async () => {
    const data = await page('2026-12-21 09:00')
    expect(data.published).toBe(false)
    expect(data.places).toEqual([])
    const html = await render('/sampah', data)
    expect(html).toContain('belum diterbitkan')
    expect(html).not.toContain('<select')
    expect(html).toContain('href="/lapor"')
  })
})

describe('/sampah with published areas', () => {
  let area: Area
  beforeAll(async () => {
    area = await jsonOf<Area>(
      await t.send(
        HOST,
        'POST',
        '/api/v1/waste/areas',
        {
          name: { id: 'Balige Kota' },
          kecamatan: 'Balige',
          desa: ['Sangkar Nihuta', 'Napitupulu Bagasan'],
          route: { id: 'Jl. Sisingamangaraja – Pasar Balige' },
          rule: { days: ['mo', 'fr'], start: '07:00', end: '10:00', onHolidays: 'next-working-day' },
        },
        TEST_OPERATOR_TOKEN,
      ),
      201,
    )
    await jsonOf(
      await t.send(
        HOST,
        'POST',
        '/api/v1/waste/droppoints',
        {
          name: { id: 'Bank Sampah Sangkar Nihuta' },
          kind: 'bank_sampah',
          kecamatan: 'Balige',
          desa: 'Sangkar Nihuta',
        },
        TEST_OPERATOR_TOKEN,
      ),
      201,
    )
  })

  it('offers the desa grouped by kecamatan', async () => {
    const data = await page('2026-12-21 09:00')
    expect(data.places).toEqual([{ kecamatan: 'Balige', desa: ['Napitupulu Bagasan', 'Sangkar Nihuta'] }])
    const html = await render('/sampah', data)
    expect(html).toContain('<optgroup label="Balige">')
  })

  it('answers a chosen desa with the Christmas shift explained, the feed and drop points', async () => {
    const data = await page('2026-12-21 11:00', '?kecamatan=Balige&desa=Sangkar+Nihuta')
    expect(data.answers).toHaveLength(1)
    expect(data.answers[0]?.next[0]).toMatchObject({ date: '2026-12-26', status: 'shifted' })
    expect(data.drops.map((d) => d.name.id)).toEqual(['Bank Sampah Sangkar Nihuta'])
    const html = await render('/sampah', data)
    expect(html).toContain('Natal')
    expect(html).toContain('dipindah ke Sabtu 26 Des')
    expect(html).toContain(`webcal://${HOST}/api/v1/waste/areas/${area.slug}/ical`)
    expect(html).toContain('Tambahkan ke kalender')
    expect(html).toContain('Jl. Sisingamangaraja')
  })

  it('narrows the desa list to a kecamatan chosen first, without answering yet', async () => {
    const data = await page('2026-12-21 11:00', '?kecamatan=Balige&desa=')
    expect(data.answers).toEqual([])
    const html = await render('/sampah?kecamatan=Balige', data)
    expect(html).toContain('<option value="Sangkar Nihuta">')
    expect(html).not.toContain('belum tercakup')
  })

  it('says clearly when a desa is not covered', async () => {
    const data = await page('2026-12-21 11:00', '?desa=Desa+Khayalan')
    expect(data.answers).toEqual([])
    const html = await render('/sampah', data)
    expect(html).toContain('Desa/kelurahan &quot;Desa Khayalan&quot; belum tercakup')
  })

  it("shows an area's page with its responsible office, and lists drop points", async () => {
    const [first] = (await office.list(base, { limit: 1 })).items as { id: string; slug: string }[]
    if (!first) throw new Error('Toba seeds no office')
    await jsonOf(
      await t.send(HOST, 'PATCH', `/api/v1/waste/areas/${area.id}`, { officeId: first.slug }, TEST_OPERATOR_TOKEN),
      200,
    )
    const data = await areaLoader({
      request: new Request(`http://${HOST}/sampah/area/${area.slug}`),
      context: contextAt('2026-12-21 11:00'),
      params: { slug: area.slug },
    })
    expect(data.collections.next.map((c) => c.date).slice(0, 2)).toEqual(['2026-12-26', '2026-12-28'])
    expect(data.office?.url).toBe(`/direktori/${first.slug}`)
    const list = await listLoader({
      request: new Request(`http://${HOST}/sampah/tempat?jenis=bank_sampah`),
      context: contextAt('2026-12-21 11:00'),
      params: {},
    })
    expect(list.items.map((i) => i.slug)).toEqual(['bank-sampah-sangkar-nihuta'])
    expect(list.jsonLdItems[0]?.type).toBe('RecyclingCenter')
  })
})

/** Server-renders the page with the loader's data, as the web app does. */
async function render(path: string, data: Awaited<ReturnType<typeof pageLoader>>): Promise<string> {
  const Stub = createRemixStub([
    { id: 'page', path: '/sampah', Component: CollectionsPage, loader: () => Response.json(data) },
  ])
  // The stub's client router warns that layout effects do nothing on the server; only that is muted.
  const error = console.error
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('useLayoutEffect does nothing on the server')) error(...args)
  })
  try {
    // Hydration data renders the page in one pass, as the server does with the loader's answer.
    return renderToString(<Stub initialEntries={[path]} hydrationData={{ loaderData: { page: data } }} />)
  } finally {
    spy.mockRestore()
  }
}

describe('the module web declaration', () => {
  it('declares its pages, the nav entry and the drop-point list in the sitemap', async () => {
    expect(waste.web?.routes?.map((r) => r.path)).toEqual([
      'sampah',
      'sampah/area',
      'sampah/area/:slug',
      'sampah/tempat',
      'sampah/tempat/:slug',
    ])
    expect(waste.web?.nav).toEqual([{ path: '/sampah', title: { id: 'Sampah', en: 'Waste' } }])
    const paths = ((await waste.web?.sitemap?.(base)) ?? []).map((e) => e.path)
    expect(paths).toContain('/sampah/tempat')
    expect(paths).toContain('/sampah/tempat/bank-sampah-sangkar-nihuta')
    expect(paths).toContain('/sampah/area/balige-kota')
  })
})
