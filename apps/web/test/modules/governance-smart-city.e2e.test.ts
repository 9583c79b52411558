import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AnyModule, TenantContext } from '@cerdas/core'
import { createOperatorToken, setModuleEnabled } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../browser'
import { seriousViolations } from '../page-quality'
import { httpRequest, type RunningServer, startServer } from '../server'
import { prepareTobaDataDir } from '../toba-fixture'

/**
 * Toba's Smart City page in Chromium without JavaScript: the KPI charts are SVG in the HTML with
 * their title, description and values, programmes show their progress, axe finds nothing serious,
 * and screenshots for a phone and for a projector are kept as artifacts.
 */
const HOST = 'toba.localhost'
const artifacts = join(fileURLToPath(new URL('../../../../', import.meta.url)), 'test-results', 'e2e')
const SYSTEM = { kind: 'system' as const, id: 'e2e' }

let server: RunningServer
let dataDir: string
let browser: Browser
let operatorToken: string
const kpiValues: { kpi: string; period: string; value: number }[] = []

const governance = modules.find((m) => m.id === 'governance') as AnyModule
type Creator = { create: (ctx: TenantContext, input: Record<string, unknown>) => Promise<{ id: string }> }
const entity = (name: string) => governance.entities?.find((e) => e.name === name) as unknown as Creator

/** Toba's smart-city records as its regulation and masterplan give them (values for the test). */
async function seedSmartCity(ctx: TenantContext) {
  await entity('regulation').create(ctx, {
    kind: 'perbup',
    title: { id: 'Dewan Smart City dan Tim Pelaksana Smart City', en: 'Smart City Council and Implementation Team' },
    validFrom: '2021-06-01',
    validUntil: '2099-05-31',
    establishes: ['council', 'team'],
  })
  await entity('member').create(ctx, {
    body: 'council',
    role: 'chair',
    position: { id: 'Bupati Toba', en: 'Regent of Toba' },
    institution: 'Pemerintah Kabupaten Toba',
  })
  await entity('member').create(ctx, {
    body: 'team',
    role: 'chair',
    position: { id: 'Kepala Dinas Komunikasi dan Informatika' },
    institution: 'Diskominfo Kabupaten Toba',
  })
  await entity('programme').create(ctx, {
    name: { id: 'Bank sampah di setiap kecamatan', en: 'A waste bank in every kecamatan' },
    dimension: 'environment',
    status: 'ongoing',
    starts: '2022',
    ends: '2026',
    milestones: [
      { title: { id: 'Balige' }, done: true },
      { title: { id: 'Laguboti' }, done: true },
      { title: { id: 'Porsea' }, done: false },
    ],
  })
  const kpi = await entity('kpi').create(ctx, {
    name: { id: 'Sampah rumah tangga yang terangkut', en: 'Household waste collected' },
    dimension: 'environment',
    unit: '%',
    direction: 'higher',
    baselineValue: 38,
    baselineYear: 2021,
    targets: [
      { year: 2024, value: 55 },
      { year: 2025, value: 65 },
      { year: 2026, value: 75 },
    ],
  })
  // Values go in as a dimension team records them: through the API, once the server runs.
  kpiValues.push(
    { kpi: kpi.id, period: '2023', value: 47.5 },
    { kpi: kpi.id, period: '2024', value: 56.2 },
    { kpi: kpi.id, period: '2025', value: 1234.5 / 20 },
  )
  await entity('kpi').create(ctx, {
    name: { id: 'Lama pengurusan KTP-el', en: 'Days to issue an e-KTP' },
    dimension: 'governance',
    unit: 'hari',
    direction: 'lower',
    baselineValue: 14,
    baselineYear: 2021,
    targets: [{ year: 2026, value: 3 }],
  })
}

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('smart-city', [], {
    setup: async (platform) => {
      await setModuleEnabled(platform, 'toba', governance.id, true, SYSTEM)
      const toba = await platform.tenantBySlug('toba')
      if (!toba) throw new Error('no toba')
      await seedSmartCity(platform.context(toba, await platform.tenantDb(toba.record), { actor: SYSTEM }))
      operatorToken = (await createOperatorToken(platform.controlPlane, { name: 'e2e smart city' })).secret
    },
  })
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
  for (const { kpi, period, value } of kpiValues) {
    const res = await httpRequest(server.port, HOST, `/api/v1/governance/kpis/${kpi}/values`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ period, value }),
    })
    expect(res.status, res.text()).toBeLessThan(300)
  }
  browser = await launchBrowser()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** axe needs script in the page: the same address, opened in a context with JavaScript. */
async function violationsAt(address: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport })
  try {
    const page = await context.newPage()
    expect((await page.goto(address))?.status()).toBe(200)
    return await seriousViolations(page)
  } finally {
    await context.close()
  }
}

describe('/kota-cerdas without JavaScript', () => {
  it('renders the KPI charts as accessible SVG in the HTML, with progress and the regulation', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    const address = `${server.origin(HOST)}/kota-cerdas`
    expect((await page.goto(address))?.status()).toBe(200)
    expect(await page.title()).toBe('Smart City Kabupaten Toba')
    await expect(page.locator('h1').textContent()).resolves.toBe('Smart City Kabupaten Toba')
    // Six dimensions, each a headed section.
    const dimensionHeadings = await page.locator('.smart-city-dimension h2').allTextContents()
    expect(dimensionHeadings).toEqual([
      'Smart Governance',
      'Smart Branding',
      'Smart Economy',
      'Smart Living',
      'Smart Society',
      'Smart Environment',
    ])
    // What each offers: Toba's tourism module with its attractions counted and linked.
    const branding = page.locator('#dimensi-branding')
    await expect(branding.locator('.smart-city-offer ul a[href="/wisata"]').textContent()).resolves.toMatch(/^\d+ /)

    const charts = page.locator('svg[role="img"]')
    await expect(charts.count()).resolves.toBe(2)
    const waste = page.locator('#dimensi-environment svg[role="img"]')
    const labelledBy = (await waste.getAttribute('aria-labelledby')) ?? ''
    const [titleId, descId] = labelledBy.split(' ')
    await expect(waste.locator(`title#${titleId}`).textContent()).resolves.toBe('Sampah rumah tangga yang terangkut')
    await expect(waste.locator(`desc#${descId}`).textContent()).resolves.toBe(
      'Kondisi awal 38% (2021). Capaian terakhir 61,7% (2025). Target 2025: 65%. Target tahun itu belum tercapai. Target 2026: 75%. Makin tinggi makin baik.',
    )
    await expect(waste.locator('.kpi-actuals text').allTextContents()).resolves.toEqual(['47,5', '56,2', '61,7'])
    await expect(waste.locator('.kpi-targets text').allTextContents()).resolves.toEqual(['55', '65', '75'])
    // The same numbers in the table under the chart.
    const rows = await page.locator('#dimensi-environment .kpi-data tbody tr').allTextContents()
    expect(rows).toEqual(['2021 (kondisi awal)38%–', '202347,5%–', '202456,2%55%', '202561,7%65%', '2026–75%'])
    // A KPI with no values yet still charts its target and says so.
    await expect(page.locator('#dimensi-governance desc').textContent()).resolves.toContain(
      'Belum ada capaian yang tercatat.',
    )

    // An empty part says what will appear there instead of leaving a bare heading.
    await expect(page.locator('#dimensi-living').textContent()).resolves.toContain(
      'Program dimensi ini akan tampil di sini setelah dicatat tim pelaksana.',
    )
    const progress = page.locator('#dimensi-environment progress')
    await expect(progress.getAttribute('value')).resolves.toBe('67')
    await expect(page.locator('#dimensi-environment .progress-value').textContent()).resolves.toBe('67% selesai')
    await expect(page.locator('#dasar-hukum').textContent()).resolves.toContain('Berakhir dalam')
    await expect(page.locator('#dewan-dan-tim').textContent()).resolves.toContain('Bupati Toba')
    // Nothing here needs script.
    await expect(page.locator('script:not([type="application/ld+json"])').count()).resolves.toBe(0)

    await page.screenshot({ path: join(artifacts, 'smart-city-phone.png'), fullPage: true })
    expect(await violationsAt(address, { width: 390, height: 844 })).toEqual([])
    await context.close()
  })

  it('sets the page in large type for a projector', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1920, height: 1080 } })
    const page = await context.newPage()
    const address = `${server.origin(HOST)}/kota-cerdas?tampilan=presentasi`
    expect((await page.goto(address))?.status()).toBe(200)
    const presented = await page
      .locator('.smart-city')
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))
    const chartWidth = await page
      .locator('svg[role="img"]')
      .first()
      .evaluate((el) => el.getBoundingClientRect().width)
    await page.screenshot({ path: join(artifacts, 'smart-city-projector.png') })
    await page.screenshot({ path: join(artifacts, 'smart-city-projector-full.png'), fullPage: true })
    expect(await violationsAt(address, { width: 1920, height: 1080 })).toEqual([])

    await page.goto(`${server.origin(HOST)}/kota-cerdas`)
    const normal = await page.locator('.smart-city').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))
    const normalWidth = await page
      .locator('svg[role="img"]')
      .first()
      .evaluate((el) => el.getBoundingClientRect().width)
    expect(presented).toBeGreaterThan(normal * 1.5)
    expect(chartWidth).toBeGreaterThan(normalWidth)
    // The way back to the normal view, and to the presentation from it.
    await expect(page.locator('a[href="/kota-cerdas?tampilan=presentasi"]').count()).resolves.toBe(1)
    await context.close()
  })

  it('speaks English when asked, with English numbers', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    await context.addCookies([{ name: 'lang', value: 'en', url: server.origin(HOST) }])
    const page = await context.newPage()
    expect((await page.goto(`${server.origin(HOST)}/kota-cerdas`))?.status()).toBe(200)
    await expect(page.locator('#dimensi-environment .kpi-actuals text').allTextContents()).resolves.toEqual([
      '47.5',
      '56.2',
      '61.7',
    ])
    await expect(page.locator('#dimensi-environment figcaption').textContent()).resolves.toContain(
      'Household waste collected',
    )
    await expect(page.getByRole('heading', { name: 'Council and team' }).count()).resolves.toBe(1)
    await context.close()
  })

  it('is linked from the site navigation and listed in the sitemap', async () => {
    const home = await httpRequest(server.port, HOST, '/')
    expect(home.text()).toMatch(/<a[^>]+href="\/kota-cerdas"[^>]*>Smart City<\/a>/)
    const sitemap = await httpRequest(server.port, HOST, '/sitemap.xml')
    expect(sitemap.text()).toContain(`/kota-cerdas</loc>`)
  })
})
