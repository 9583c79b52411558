import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setModuleEnabled } from '@cerdas/platform'
import { type Client, createClient } from '@libsql/client'
import type { Browser } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../browser'
import { javaScriptGzipBytes, seriousViolations } from '../page-quality'
import { httpRequest, type RunningServer, sessionCookieFor, startServer } from '../server'
import { prepareTobaDataDir } from '../toba-fixture'

/**
 * The report form in Chromium: with JavaScript, the network cut before sending keeps the report
 * on the device (shown as waiting, still there after a reload without signal) and sends it once
 * the network is back, exactly once, showing its tracking code; without JavaScript, a report with
 * a photo and a landmark posts normally and the receipt shows the code.
 */
const HOST = 'toba.localhost'
const artifacts = join(fileURLToPath(new URL('../../../../', import.meta.url)), 'test-results', 'e2e')
const ADMIN = { email: 'admin.laporan@toba.localhost', password: 'kata-sandi-admin-laporan' }
const CODE = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/

let server: RunningServer
let dataDir: string
let browser: Browser
let db: Client
let jpeg: Buffer

const count = async (description: string) =>
  Number(
    (await db.execute({ sql: 'SELECT count(*) AS n FROM reports_reports WHERE description = ?', args: [description] }))
      .rows[0]?.n,
  )

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('reports', [{ ...ADMIN, grants: [{ role: 'admin', dimension: null }] }], {
    setup: async (platform) => {
      await setModuleEnabled(platform, 'toba', 'reports', true)
    },
  })
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
  const cookie = await sessionCookieFor(server.port, HOST, ADMIN)
  const created = await httpRequest(server.port, HOST, '/api/v1/reports/categories', {
    method: 'POST',
    headers: { cookie, origin: server.origin(HOST), 'content-type': 'application/json' },
    body: JSON.stringify({ name: { id: 'Sampah uji luring', en: 'Offline test waste' }, group: 'Persampahan' }),
  })
  expect(created.status, created.text()).toBe(201)
  db = createClient({ url: `file:${join(dataDir, 'tenants', 'toba.db')}` })
  jpeg = await sharp(Buffer.alloc(320 * 240 * 3, 90), { raw: { width: 320, height: 240, channels: 3 } })
    .jpeg()
    .toBuffer()
  browser = await launchBrowser()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  db?.close()
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('the report form', () => {
  it('keeps a report made without signal on the device and sends it once when back online', async () => {
    const context = await browser.newContext({ viewport: { width: 412, height: 900 } })
    const page = await context.newPage()
    const res = await page.goto(`${server.origin(HOST)}/lapor`)
    expect(res?.status()).toBe(200)
    expect(res?.headers()['cache-control']).toBe('no-store')
    // The service worker controls the page once ready (it claims open pages on activation).
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true))
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    // The form's own script, as the page carries it (no other JavaScript), measured before axe adds its own.
    expect(await javaScriptGzipBytes(page, server.port, HOST)).toBeLessThanOrEqual(8 * 1024)
    expect(await seriousViolations(page)).toEqual([])

    const description = 'Sampah menumpuk di pinggir jalan, dilaporkan tanpa sinyal'
    await page.selectOption('#report-category', { label: 'Sampah uji luring' })
    await page.fill('#report-description', description)
    await page.fill('#report-kecamatan', 'Balige')
    await page.fill('#report-desa', 'Napitupulu Bagasan')
    await page.fill('#report-landmark', 'Dekat jembatan')
    await page.setInputFiles('#report-photos', { name: 'sampah.jpg', mimeType: 'image/jpeg', buffer: jpeg })
    await context.setOffline(true)
    await page.click('button[type=submit]')
    const drafts = page.locator('#report-drafts')
    await expect(
      drafts.getByText('Menunggu sinyal — laporan tersimpan di perangkat ini').waitFor(),
    ).resolves.toBeUndefined()
    await expect(drafts.locator('.report-draft-waiting').count()).resolves.toBe(1)
    // The form is empty for the next report; the draft is kept, also across a reload without signal.
    await expect(page.inputValue('#report-description')).resolves.toBe('')
    await page.reload()
    await page.locator('#report-drafts .report-draft-waiting').waitFor()
    expect(await count(description)).toBe(0)
    await page.screenshot({ path: join(artifacts, 'reports-offline-waiting.png'), fullPage: true })

    await context.setOffline(false)
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
    const sent = page.locator('#report-drafts .report-draft-sent')
    await sent.waitFor({ timeout: 30_000 })
    const line = (await sent.textContent()) ?? ''
    const code = /Kode lacak Anda: ([0-9A-Z-]{14})/.exec(line)?.[1] ?? ''
    expect(code).toMatch(CODE)
    expect(line).toMatch(/^LPR-\d{4}-\d{6}/)
    expect(await count(description)).toBe(1)
    // Another online event or reload sends nothing more.
    await page.reload()
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
    await page.locator('#report-drafts .report-draft-sent').waitFor()
    await page.waitForTimeout(5000)
    expect(await count(description)).toBe(1)
    const row = (
      await db.execute({
        sql: 'SELECT photos, landmark FROM reports_reports WHERE description = ?',
        args: [description],
      })
    ).rows[0]
    expect(JSON.parse(String(row?.photos))).toHaveLength(1)
    expect(row?.landmark).toBe('Dekat jembatan')
    // The code reaches the tracking page.
    await page.goto(`${server.origin(HOST)}/lapor/lacak`)
    await page.fill('#track-code', code)
    await page.click('button[type=submit]')
    await expect(page.locator('.report-status').textContent()).resolves.toContain('Diterima')
    await context.close()
  })

  it('posts a report with a photo and a landmark without JavaScript and shows the code once', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${server.origin(HOST)}/lapor`)
    const description = 'Tempat sampah di pasar penuh dan meluap, tanpa JavaScript'
    await page.selectOption('#report-category', { label: 'Sampah uji luring' })
    await page.fill('#report-description', description)
    await page.fill('#report-kecamatan', 'Balige')
    await page.fill('#report-landmark', 'Pintu masuk Pasar Balige')
    await page.setInputFiles('#report-photos', { name: 'pasar.jpg', mimeType: 'image/jpeg', buffer: jpeg })
    // The delay token asks a few seconds between opening the form and sending it.
    await page.waitForTimeout(3500)
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.click('button[type=submit]'),
    ])
    expect(response.status()).toBe(200)
    expect(response.headers()['cache-control']).toBe('no-store')
    const code = (await page.locator('#tracking-code').textContent())?.trim() ?? ''
    expect(code).toMatch(CODE)
    expect(page.url()).toBe(`${server.origin(HOST)}/lapor`)
    await expect(page.getByText('Simpan kode ini sekarang', { exact: false }).count()).resolves.toBe(1)
    const row = (
      await db.execute({
        sql: 'SELECT photos, landmark FROM reports_reports WHERE description = ?',
        args: [description],
      })
    ).rows[0]
    expect(JSON.parse(String(row?.photos))).toHaveLength(1)
    expect(row?.landmark).toBe('Pintu masuk Pasar Balige')
    // The public page shows neither the landmark nor the code.
    const publicPage = await httpRequest(server.port, HOST, '/laporan')
    expect(publicPage.text()).not.toContain('Pintu masuk Pasar Balige')
    expect(publicPage.text()).not.toContain(code)
    await page.screenshot({ path: join(artifacts, 'reports-nojs-receipt.png'), fullPage: true })
    await context.close()
  })
})
