import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from './browser'
import { seriousViolations } from './page-quality'
import { httpRequest, type RunningServer, startServer } from './server'
import { prepareTobaDataDir } from './toba-fixture'

/**
 * The /data page in Chromium without JavaScript: a visitor finds every dataset by dimension with
 * its frequency, date and licence, downloads its files, and a harvester finds the catalogue.
 */
const HOST = 'toba.localhost'
const artifacts = join(fileURLToPath(new URL('../../../', import.meta.url)), 'test-results', 'e2e')

let server: RunningServer
let dataDir: string
let browser: Browser

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('open-data', [])
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
  browser = await launchBrowser()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('/data', () => {
  it('lists the datasets by dimension with their downloads, without JavaScript, in Indonesian and English', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 412, height: 900 } })
    try {
      const page = await context.newPage()
      // Reached from the footer of every page.
      await page.goto(server.origin(HOST))
      await page.locator('footer').getByRole('link', { name: 'Data terbuka' }).click()
      await page.waitForURL(/\/data$/)
      await expect(page.locator('h1').textContent()).resolves.toBe('Data terbuka')
      const dimensions = await page.locator('main h2').allTextContents()
      expect(dimensions).toEqual(expect.arrayContaining(['Smart Governance', 'Smart Branding', 'Smart Environment']))
      const events = page.locator('#tourism-event')
      await expect(events.locator('h3').textContent()).resolves.toBe('Acara dan festival')
      await expect(events.textContent()).resolves.toMatch(/Frekuensi: setiap ada perubahan/)
      await expect(events.locator('time').textContent()).resolves.toMatch(/^Diperbarui \d{1,2} \w+ \d{4}$/)
      const links = await events
        .locator('a')
        .evaluateAll((as) =>
          as.map((a) => ({ text: a.textContent, href: a.getAttribute('href'), type: a.getAttribute('type') })),
        )
      expect(links).toEqual([
        { text: 'CSV', href: '/api/v1/data/tourism-event.csv', type: 'text/csv' },
        { text: 'JSON', href: '/api/v1/data/tourism-event.json', type: 'application/json' },
        { text: 'iCalendar', href: '/api/v1/tourism/events.ics', type: 'text/calendar' },
      ])
      // Every download link on the page answers with the type it names.
      const all = await page
        .locator('main .dataset a')
        .evaluateAll((as) =>
          as.map((a) => ({ href: a.getAttribute('href') as string, type: a.getAttribute('type') as string })),
        )
      expect(all.length).toBeGreaterThan(30)
      for (const link of all) {
        const res = await httpRequest(server.port, HOST, link.href)
        expect(res.status, link.href).toBe(200)
        expect(String(res.headers['content-type']).split(';')[0], link.href).toBe(link.type)
      }
      await expect(page.getByRole('link', { name: 'Lisensi: CC BY 4.0' }).getAttribute('href')).resolves.toBe(
        'https://creativecommons.org/licenses/by/4.0/',
      )
      const catalogue = await page.locator('link[rel="alternate"][type="application/ld+json"]').getAttribute('href')
      expect(catalogue).toBe('/api/v1/data/catalog.jsonld')
      const dcat = await httpRequest(server.port, HOST, catalogue as string)
      expect(dcat.status).toBe(200)
      expect(JSON.parse(dcat.text())['@type']).toBe('dcat:Catalog')
      await page.screenshot({ path: join(artifacts, 'open-data-id.png'), fullPage: true })

      await page.getByRole('link', { name: 'English' }).click()
      await page.waitForURL(/\/data$/)
      await expect(page.locator('h1').textContent()).resolves.toBe('Open data')
      await expect(page.locator('#tourism-event h3').textContent()).resolves.toBe('Events')
      await expect(page.locator('#tourism-event').textContent()).resolves.toMatch(/Frequency: whenever it changes/)
    } finally {
      await context.close()
    }
  })

  it('has no serious accessibility violations', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
    try {
      const page = await context.newPage()
      expect((await page.goto(`${server.origin(HOST)}/data`))?.status()).toBe(200)
      expect(await seriousViolations(page)).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('is in the sitemap and light', async () => {
    const sitemap = await httpRequest(server.port, HOST, '/sitemap.xml')
    expect(sitemap.text()).toContain(`<loc>${server.origin(HOST)}/data</loc>`)
    const plain = await httpRequest(server.port, HOST, '/data')
    expect(plain.status).toBe(200)
    // No script but the page's own data.
    expect(plain.text()).not.toMatch(/<script(?![^>]*application\/ld\+json)[^>]*\ssrc=/)
    const gzipped = await httpRequest(server.port, HOST, '/data', { headers: { 'accept-encoding': 'gzip' } })
    expect(gzipped.body.byteLength).toBeLessThan(15_000)
  })
})
