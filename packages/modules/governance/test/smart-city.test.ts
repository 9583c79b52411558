import type { TenantSite } from '@cerdas/core/web'
import { setModuleEnabled } from '@cerdas/platform'
import { createTenantWithEveryModule, createTestPlatform, type TestPlatform } from '@cerdas/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { agenda, kpi, member, programme, recordKpiValue, regulation } from '../src/index'
import { smartCityPage } from '../web/smart-city.server'
import { validity } from '../web/smart-city-validity'

/**
 * The smart-city page's loader on real tenant databases: what each dimension offers (enabled
 * modules and their live counts), the regulation's validity, programmes with progress, KPI series,
 * council seats with public names only, and nothing of another tenant.
 */

// 7 December 2026, 10:00 in Toba.
const NOW = new Date('2026-12-07T03:00:00Z')
const SYSTEM = { kind: 'system' as const, id: 'test' }

let t: TestPlatform
/** The announcements entity, from the platform's modules (this package does not depend on that one). */
const announcement = () => {
  const found = t.platform.modules.find((m) => m.id === 'announcements')?.entities?.[0]
  if (!found) throw new Error('no announcements module')
  return found
}

async function siteOf(slug: string): Promise<TenantSite> {
  const tenant = await t.platform.tenantBySlug(slug)
  if (!tenant) throw new Error(`no tenant ${slug}`)
  const db = await t.platform.tenantDb(tenant.record)
  const ctx = t.platform.context(tenant, db, { actor: SYSTEM, now: () => NOW })
  return { kind: 'tenant', ctx, nav: [], modules: [], reference: {}, definitions: t.platform.modules }
}

beforeAll(async () => {
  t = await createTestPlatform()
  await createTenantWithEveryModule(t, 'kota-a')
  await createTenantWithEveryModule(t, 'kota-b')
  await setModuleEnabled(t.platform, 'kota-b', 'announcements', false, SYSTEM)
  const other = (await siteOf('kota-b')).ctx
  await regulation.create(other, {
    kind: 'perbup',
    title: { id: 'Dewan Smart City periode lalu' },
    validFrom: '2016-06-01',
    validUntil: '2021-05-31',
    establishes: ['council'],
  })
  const { ctx } = await siteOf('kota-a')
  await regulation.create(ctx, {
    kind: 'perbup',
    number: '12 Tahun 2022',
    title: { id: 'Dewan Smart City dan Tim Pelaksana', en: 'Smart City Council and Team' },
    validFrom: '2022-06-01',
    validUntil: '2027-05-31',
    establishes: ['council', 'team'],
  })
  await member.create(ctx, {
    body: 'council',
    role: 'chair',
    position: { id: 'Bupati', en: 'Regent' },
    institution: 'Pemerintah Kabupaten',
    personName: 'Poltak Sitorus',
    namePublic: true,
  })
  await member.create(ctx, {
    body: 'council',
    role: 'member',
    position: { id: 'Rektor', en: 'Rector' },
    institution: 'Institut Teknologi Del',
    personName: 'Nama Rahasia',
    namePublic: false,
  })
  await member.create(ctx, {
    body: 'team',
    role: 'chair',
    position: { id: 'Kepala Dinas Kominfo' },
    institution: 'Diskominfo',
  })
  await programme.create(ctx, {
    name: { id: 'Bank sampah desa' },
    dimension: 'environment',
    status: 'ongoing',
    starts: '2023',
    ends: '2026',
    milestones: [
      { title: { id: 'Pelatihan' }, done: true, due: null, doneOn: null },
      { title: { id: 'Timbangan' }, done: true, due: null, doneOn: null },
      { title: { id: 'Sepuluh desa' }, done: false, due: '2026-06-30', doneOn: null },
      { title: { id: 'Dua puluh desa' }, done: false, due: null, doneOn: null },
    ],
  })
  const waste = await kpi.create(ctx, {
    name: { id: 'Sampah terangkut', en: 'Waste collected' },
    dimension: 'environment',
    unit: '%',
    direction: 'higher',
    baselineValue: 40,
    baselineYear: 2021,
    targets: [
      { year: 2025, value: 60 },
      { year: 2026, value: 70 },
    ],
  })
  await recordKpiValue(ctx, waste.id, { period: '2024', value: 52 })
  await recordKpiValue(ctx, waste.id, { period: '2025', value: 61.5 })
  await agenda.create(ctx, {
    kind: 'council_meeting',
    title: { id: 'Rapat dewan smart city' },
    startDate: '2026-12-15',
    startTime: '09:00',
    place: 'Aula kantor bupati',
  })
  for (const [n, startDate] of [
    ['I', '2021-06-28'],
    ['II', '2021-09-27'],
  ] as const)
    await agenda.create(ctx, {
      kind: 'bimtek',
      title: { id: `Bimtek smart city ${n}` },
      startDate,
      endDate: startDate.replace(/-(\d\d)$/, (_, d: string) => `-${String(Number(d) + 1).padStart(2, '0')}`),
    })
  await announcement().create(ctx, {
    title: { id: 'Pendaftaran bimtek dibuka' },
    body: { id: 'Isi' },
    category: 'general',
  } as never)
})
afterAll(() => t?.close())

describe('what each dimension offers', () => {
  it('lists the enabled modules by dimension with the live count of each public list', async () => {
    const site = await siteOf('kota-a')
    const page = await smartCityPage(site, 'id', false)
    expect(page.dimensions.map((d) => d.id)).toEqual([
      'governance',
      'branding',
      'economy',
      'living',
      'society',
      'environment',
    ])
    const governanceDimension = page.dimensions.find((d) => d.id === 'governance')
    const offer = governanceDimension?.modules.find((m) => m.id === 'announcements')
    expect(offer?.url).toBe('/pengumuman')
    // The count is what the public list holds now, the template's records included.
    const listed = await announcement().list(site.ctx, { limit: 100 } as never)
    expect(offer?.counts).toEqual([
      { entity: 'announcement', title: 'Pengumuman', count: listed?.items.length, url: '/pengumuman' },
    ])
    expect(listed?.items.length).toBeGreaterThan(0)
    // Every enabled module appears once, under its own dimension.
    const shown = page.dimensions.flatMap((d) => d.modules.map((m) => `${d.id}/${m.id}`))
    const expected = t.platform.modules.map((m) => `${m.dimension}/${m.id}`)
    expect(shown.sort()).toEqual(expected.sort())
  })

  it('leaves out a module the tenant has not enabled, and shows none of another tenant’s records', async () => {
    const page = await smartCityPage(await siteOf('kota-b'), 'en', false)
    const modules = page.dimensions.flatMap((d) => d.modules.map((m) => m.id))
    expect(modules).not.toContain('announcements')
    expect(modules).toContain('governance')
    expect(page.council).toEqual([])
    expect(page.agenda).toEqual([])
    expect(page.regulations.map((r) => r.title)).toEqual(['Dewan Smart City periode lalu'])
    for (const d of page.dimensions) {
      expect(d.programmes).toEqual([])
      expect(d.kpis).toEqual([])
    }
    expect(page.title).toBe('Smart City Kabupaten kota-b')
  })
})

describe('the regulation, council and team', () => {
  it('says how long the regulation still holds', async () => {
    const page = await smartCityPage(await siteOf('kota-a'), 'id', false)
    expect(page.regulations).toEqual([
      expect.objectContaining({
        kind: 'Peraturan Bupati',
        number: '12 Tahun 2022',
        title: 'Dewan Smart City dan Tim Pelaksana',
        validFrom: '1 Juni 2022',
        validUntil: '31 Mei 2027',
        validity: 'Berakhir dalam 5 bulan.',
        expired: false,
      }),
    ])
  })

  it('says when the newest regulation has ended and none holds now', async () => {
    const page = await smartCityPage(await siteOf('kota-b'), 'en', false)
    expect(page.regulations).toEqual([
      expect.objectContaining({
        title: 'Dewan Smart City periode lalu',
        validUntil: '31 May 2021',
        validity: 'Ended 31 May 2021: a new regulation is due.',
        expired: true,
      }),
    ])
  })

  it('shows seats by position and institution, with a name only where it is public', async () => {
    const page = await smartCityPage(await siteOf('kota-a'), 'en', false)
    expect(page.council).toEqual([
      {
        role: 'Chair',
        position: 'Regent',
        institution: 'Pemerintah Kabupaten',
        name: 'Poltak Sitorus',
        verified: false,
      },
      { role: 'Member', position: 'Rector', institution: 'Institut Teknologi Del', name: null, verified: false },
    ])
    expect(page.team).toEqual([
      { role: 'Chair', position: 'Kepala Dinas Kominfo', institution: 'Diskominfo', name: null, verified: false },
    ])
    expect(JSON.stringify(page)).not.toContain('Nama Rahasia')
  })
})

describe('programmes, KPIs and agenda', () => {
  it('gives programmes their status and progress, and KPI series their targets and values', async () => {
    const page = await smartCityPage(await siteOf('kota-a'), 'id', false)
    const environment = page.dimensions.find((d) => d.id === 'environment')
    expect(environment?.programmes).toEqual([
      expect.objectContaining({
        name: 'Bank sampah desa',
        status: 'Berjalan',
        statusKey: 'ongoing',
        period: '2023–2026',
        progress: { done: 2, total: 4, percent: 50 },
      }),
    ])
    expect(page.dimensions.find((d) => d.id === 'living')?.programmes).toEqual([])
    expect(environment?.kpis).toEqual([
      expect.objectContaining({
        title: 'Sampah terangkut',
        unit: '%',
        direction: 'higher',
        baseline: { period: '2021', value: 40 },
        actuals: [
          { period: '2024', value: 52 },
          { period: '2025', value: 61.5 },
        ],
        targets: [
          { period: '2025', value: 60 },
          { period: '2026', value: 70 },
        ],
      }),
    ])
    expect(page.agenda).toEqual([
      expect.objectContaining({
        title: 'Rapat dewan smart city',
        when: 'Selasa, 15 Desember 2026, 09:00',
        at: '2026-12-15T09:00',
        place: 'Aula kantor bupati',
        verified: false,
      }),
    ])
    // Ended sessions stay visible, newest first, each saying it is not verified yet.
    expect(page.pastAgenda.map((a) => [a.title, a.at, a.verified])).toEqual([
      ['Bimtek smart city II', '2021-09-27', false],
      ['Bimtek smart city I', '2021-06-28', false],
    ])
  })

  it('marks the presentation view', async () => {
    expect((await smartCityPage(await siteOf('kota-a'), 'id', true)).presentation).toBe(true)
  })
})

describe('validity', () => {
  it('counts whole months to the day after the last valid day', () => {
    expect(validity({ validFrom: '2022-06-01', validUntil: '2027-05-31' }, '2026-12-07')).toEqual({
      state: 'valid',
      months: 5,
      days: 176,
    })
    expect(validity({ validUntil: '2026-12-31' }, '2026-12-01')).toEqual({ state: 'valid', months: 1, days: 31 })
    expect(validity({ validUntil: '2026-12-20' }, '2026-12-07')).toEqual({ state: 'valid', months: 0, days: 14 })
  })

  it('tells an ended, a future and an open-ended regulation apart', () => {
    expect(validity({ validFrom: '2016-01-01', validUntil: '2020-12-31' }, '2021-01-10')).toEqual({
      state: 'expired',
      days: 10,
    })
    expect(validity({ validFrom: '2027-01-01', validUntil: '2031-12-31' }, '2026-12-07')).toEqual({
      state: 'not-yet',
      days: 25,
    })
    expect(validity({ validFrom: '2020-01-01', validUntil: null }, '2026-12-07')).toEqual({ state: 'open-ended' })
  })
})
