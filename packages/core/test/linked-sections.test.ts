import { describe, expect, it } from 'vitest'
import type { AnyModule, HomeSection } from '../src/define-module'
import type { TenantContext } from '../src/tenant'
import { linkedSections, type TenantSite } from '../src/web'
import { sampleModule } from './fixtures'

const section = (title: string, items: HomeSection['items']): HomeSection => ({
  title: { id: title, en: `${title} (en)` },
  items,
})

function site(definitions: AnyModule[], enabled: string[]): TenantSite {
  const ctx = {
    tenant: { timezone: 'Asia/Jakarta', modules: Object.fromEntries(enabled.map((id) => [id, { settings: {} }])) },
  } as unknown as TenantContext
  return { kind: 'tenant', ctx, nav: [], modules: [], reference: {}, definitions }
}

describe('linkedSections', () => {
  const services = sampleModule({
    id: 'services',
    web: {
      root: '/',
      routes: [],
      sections: {
        'directory.office': async (_ctx, office) =>
          section('Layanan', [
            {
              title: { id: `KTP di ${office.slug}` },
              url: '/layanan/ktp',
              note: { id: 'Bidang Dafduk' },
              verified: false,
            },
          ]),
      },
    },
  })
  const empty = sampleModule({
    id: 'events',
    web: { root: '/', routes: [], sections: { 'directory.office': async () => section('Acara', []) } },
  })
  const other = sampleModule({
    id: 'tourism',
    web: {
      root: '/',
      routes: [],
      sections: { 'tourism.place': async () => section('Wisata', [{ title: { id: 'x' }, url: '/x', verified: true }]) },
    },
  })

  it('collects the sections enabled modules add to a page, in the locale asked for', async () => {
    const views = await linkedSections(
      site([services, empty, other], ['services', 'events', 'tourism']),
      'directory.office',
      { id: 'off_1', slug: 'disdukcapil' },
      'en',
    )
    expect(views).toEqual([
      {
        id: 'services',
        title: 'Layanan (en)',
        moreUrl: undefined,
        items: [
          { title: 'KTP di disdukcapil', url: '/layanan/ktp', date: undefined, note: 'Bidang Dafduk', verified: false },
        ],
      },
    ])
  })

  it('leaves out modules the tenant has not enabled', async () => {
    const views = await linkedSections(site([services], []), 'directory.office', { id: 'off_1' }, 'id')
    expect(views).toEqual([])
  })
})
