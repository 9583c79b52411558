import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../browser'
import { javaScriptGzipBytes, jsonLdTypes, seriousViolations, socialTags } from '../page-quality'
import { httpRequest, type RunningServer, sessionCookieFor, startServer } from '../server'
import { prepareTobaDataDir } from '../toba-fixture'

/**
 * The economy pages in Chromium, with JavaScript on and off: a visitor filters culinary places by
 * kecamatan, halal and open now through the form, opens a certified one, finds a homestay with
 * WhatsApp and a booking link and a UMKM open now. Places are made in setup in Ajibata (where the
 * Toba seed has none) with hours around the clock, so the real clock never decides the result.
 */
const HOST = 'toba.localhost'
const KECAMATAN = 'Ajibata'
const artifacts = join(fileURLToPath(new URL('../../../../', import.meta.url)), 'test-results', 'e2e')
const EDITOR = { email: 'editor.ekonomi@toba.localhost', password: 'kata-sandi-editor-ekonomi' }
const ADMIN = { email: 'admin.ekonomi@toba.localhost', password: 'kata-sandi-admin-ekonomi' }
const CERTIFICATE = 'ID00000000000000000000 (nomor uji), BPJPH'

let server: RunningServer
let dataDir: string
let browser: Browser
const slugs = { halal: '', lapo: '', homestay: '', business: '' }

async function post(cookie: string, path: string, body: unknown): Promise<{ slug: string }> {
  const res = await httpRequest(server.port, HOST, path, {
    method: 'POST',
    headers: { cookie, origin: `http://${HOST}:${server.port}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.status, res.text()).toBe(201)
  return res.json() as { slug: string }
}

/** Hours around the clock for a place: a schedule, which admins keep. */
async function openAroundTheClock(admin: string, type: string, slug: string): Promise<void> {
  await post(admin, '/api/v1/schedules/import', {
    owner: { module: 'economy', type, id: slug },
    kind: 'hours',
    label: { id: 'Jam buka', en: 'Opening hours' },
    openingHours: '24/7',
  })
}

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('economy', [
    { ...EDITOR, grants: [{ role: 'editor', dimension: 'economy' }] },
    { ...ADMIN, grants: [{ role: 'admin', dimension: null }] },
  ])
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
  const editor = await sessionCookieFor(server.port, HOST, EDITOR)
  const admin = await sessionCookieFor(server.port, HOST, ADMIN)
  const place = { kecamatan: KECAMATAN, coordinates: { lat: 2.6627, lon: 98.9326 } }
  slugs.halal = (
    await post(editor, '/api/v1/economy/eateries', {
      ...place,
      name: { id: 'Rumah Makan Uji Halal', en: 'Test Halal Eatery' },
      type: 'rumah_makan',
      halal: 'certified',
      halalCertificate: CERTIFICATE,
      servesPork: 'no',
      contacts: { whatsapp: '0812-0000-0001' },
    })
  ).slug
  slugs.lapo = (
    await post(editor, '/api/v1/economy/eateries', {
      ...place,
      name: { id: 'Lapo Uji', en: 'Test Lapo' },
      type: 'lapo',
      halal: 'not_halal',
      servesPork: 'yes',
    })
  ).slug
  slugs.homestay = (
    await post(editor, '/api/v1/economy/lodgings', {
      ...place,
      name: { id: 'Homestay Uji Ajibata', en: 'Ajibata Test Homestay' },
      type: 'homestay',
      contacts: { whatsapp: '0812-0000-0002' },
      bookingUrl: 'https://example.org/pesan/homestay-uji',
    })
  ).slug
  slugs.business = (
    await post(editor, '/api/v1/economy/businesses', {
      ...place,
      name: { id: 'Tenun Uji Ajibata', en: 'Ajibata Test Weaving' },
      sector: 'craft',
      products: ['Ulos uji'],
      contacts: { whatsapp: '0812-0000-0003' },
    })
  ).slug
  await openAroundTheClock(admin, 'eatery', slugs.halal)
  await openAroundTheClock(admin, 'business', slugs.business)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** What every public page of the module owes: JSON-LD, share tags, light JavaScript, no serious axe findings. */
async function expectPageQuality(page: Page, javaScriptEnabled: boolean, types: string[], title: string) {
  const found = await jsonLdTypes(page)
  for (const type of types) expect(found).toContain(type)
  const tags = await socialTags(page)
  expect(tags['og:title']).toContain(title)
  expect(tags['og:type']).toBeTruthy()
  expect(tags['twitter:card']).toBeTruthy()
  // Measured before axe adds its own script to the page.
  expect(await javaScriptGzipBytes(page, server.port, HOST)).toBeLessThanOrEqual(60 * 1024)
  // axe runs in the page, so only where JavaScript is on.
  if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([])
}

/** The WhatsApp button: an Indonesian number and a message naming the place. */
async function expectWhatsApp(page: Page, number: string, name: string) {
  const href = (await page.locator(`a[href^="https://wa.me/${number}?text="]`).getAttribute('href')) ?? ''
  expect(decodeURIComponent(new URL(href).searchParams.get('text') ?? '')).toContain(name)
}

/** A phone in the given mode whose requests off this machine (map tiles) fail at once, as without signal. */
async function visitor(javaScriptEnabled: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 412, height: 900 } })
  await context.route(/^https?:\/\/(?!toba\.localhost)/, (route) => route.abort('internetdisconnected'))
  return context
}

const shot = (page: Page, name: string, javaScriptEnabled: boolean) =>
  page.screenshot({ path: join(artifacts, `economy-${name}-${javaScriptEnabled ? 'js' : 'nojs'}.png`), fullPage: true })

describe.each([true, false])('economy pages with JavaScript %s', (javaScriptEnabled) => {
  it('filters culinary places by kecamatan, halal and open now and opens a certified one', async () => {
    const context = await visitor(javaScriptEnabled)
    const page = await context.newPage()
    const list = await page.goto(`http://${HOST}:${server.port}/kuliner`)
    expect(list?.status()).toBe(200)
    await expect(page.locator('h1').textContent()).resolves.toBe('Kuliner')
    await expectPageQuality(page, javaScriptEnabled, ['ItemList'], 'Kuliner')

    const filters = page.locator('form.place-filters')
    await filters.locator('select[name="kecamatan"]').selectOption(KECAMATAN)
    await filters.getByRole('button', { name: 'Terapkan' }).click()
    await page.waitForURL(/kecamatan=Ajibata/)
    const cards = page.locator('.place-card')
    await expect(cards.locator('h3').allTextContents()).resolves.toEqual(['Lapo Uji', 'Rumah Makan Uji Halal'])

    await page.locator('form.place-filters input[name="halal"]').check()
    await page.locator('form.place-filters').getByRole('button', { name: 'Terapkan' }).click()
    await page.waitForURL(/halal=true/)
    await expect(cards.locator('h3').allTextContents()).resolves.toEqual(['Rumah Makan Uji Halal'])
    await expect(cards.getByText('Bersertifikat halal').count()).resolves.toBe(1)

    await page.goto(`http://${HOST}:${server.port}/kuliner?kecamatan=${KECAMATAN}&buka=true`)
    await expect(cards.locator('h3').allTextContents()).resolves.toEqual(['Rumah Makan Uji Halal'])
    // The lapo has no hours: it is neither shown as open nor silently dropped.
    await expect(page.getByText('1 tempat lain belum punya jam buka', { exact: false }).count()).resolves.toBe(1)
    await expect(cards.locator('a[href^="geo:"]').count()).resolves.toBe(1)
    // The map is drawn where a script runs; without one the list's own map links stand alone.
    if (javaScriptEnabled) await page.locator('.place-map-drawn').waitFor()
    else await expect(page.locator('.place-map-drawn').count()).resolves.toBe(0)
    await shot(page, 'kuliner', javaScriptEnabled)

    await cards.getByRole('link', { name: 'Rumah Makan Uji Halal' }).click()
    await page.waitForURL(`**/kuliner/${slugs.halal}`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Rumah Makan Uji Halal')
    await expect(page.locator('.halal-statement').textContent()).resolves.toContain(`Sertifikat: ${CERTIFICATE}`)
    await expectWhatsApp(page, '6281200000001', 'Rumah Makan Uji Halal')
    await expectPageQuality(page, javaScriptEnabled, ['Restaurant'], 'Rumah Makan Uji Halal')
    await shot(page, 'eatery', javaScriptEnabled)
    await context.close()
  })

  it('finds a homestay to book by WhatsApp or its link', async () => {
    const context = await visitor(javaScriptEnabled)
    const page = await context.newPage()
    await page.goto(`http://${HOST}:${server.port}/penginapan`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Penginapan')
    await expectPageQuality(page, javaScriptEnabled, ['ItemList'], 'Penginapan')
    const filters = page.locator('form.place-filters')
    await filters.locator('select[name="jenis"]').selectOption('homestay')
    await filters.locator('select[name="kecamatan"]').selectOption(KECAMATAN)
    await filters.getByRole('button', { name: 'Terapkan' }).click()
    await page.waitForURL(/jenis=homestay/)
    const cards = page.locator('.place-card')
    await expect(cards.locator('h3').allTextContents()).resolves.toEqual(['Homestay Uji Ajibata'])
    await shot(page, 'penginapan', javaScriptEnabled)

    await cards.getByRole('link', { name: 'Homestay Uji Ajibata' }).click()
    await page.waitForURL(`**/penginapan/${slugs.homestay}`)
    await expectWhatsApp(page, '6281200000002', 'Homestay Uji Ajibata')
    await expect(page.locator('a[href="https://example.org/pesan/homestay-uji"]').count()).resolves.toBe(1)
    await expectPageQuality(page, javaScriptEnabled, ['BedAndBreakfast'], 'Homestay Uji Ajibata')
    await shot(page, 'lodging', javaScriptEnabled)
    await context.close()
  })

  it('finds a UMKM open now and opens it', async () => {
    const context = await visitor(javaScriptEnabled)
    const page = await context.newPage()
    await page.goto(`http://${HOST}:${server.port}/umkm`)
    await expect(page.locator('h1').textContent()).resolves.toBe('UMKM')
    await expectPageQuality(page, javaScriptEnabled, ['ItemList'], 'UMKM')
    const filters = page.locator('form.place-filters')
    await filters.locator('select[name="kecamatan"]').selectOption(KECAMATAN)
    await filters.locator('input[name="buka"]').check()
    await filters.getByRole('button', { name: 'Terapkan' }).click()
    await page.waitForURL(/buka=true/)
    const cards = page.locator('.place-card')
    await expect(cards.locator('h3').allTextContents()).resolves.toEqual(['Tenun Uji Ajibata'])
    await shot(page, 'umkm', javaScriptEnabled)

    await cards.getByRole('link', { name: 'Tenun Uji Ajibata' }).click()
    await page.waitForURL(`**/umkm/${slugs.business}`)
    await expectWhatsApp(page, '6281200000003', 'Tenun Uji Ajibata')
    await expectPageQuality(page, javaScriptEnabled, ['Store'], 'Tenun Uji Ajibata')
    await shot(page, 'business', javaScriptEnabled)
    await context.close()
  })
})
