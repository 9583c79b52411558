import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../browser'
import { seriousViolations } from '../page-quality'
import { httpRequest, type RunningServer, sessionCookieFor, startServer } from '../server'
import { prepareTobaDataDir } from '../toba-fixture'

/**
 * "When is waste collected at my place?" in Chromium without JavaScript: a resident chooses the
 * kecamatan, then the desa, and sees the next collection dates of the area serving it, with a
 * calendar feed that answers as iCalendar.
 */
const HOST = 'toba.localhost'
const artifacts = join(fileURLToPath(new URL('../../../../', import.meta.url)), 'test-results', 'e2e')
const EDITOR = { email: 'lingkungan.sampah@toba.localhost', password: 'kata-sandi-lingkungan-sampah' }

let server: RunningServer
let dataDir: string
let browser: Browser

/** axe needs script in the page: the same address, opened in a context with JavaScript. */
async function violationsAt(address: string) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
  try {
    const page = await context.newPage()
    expect((await page.goto(address))?.status()).toBe(200)
    return await seriousViolations(page)
  } finally {
    await context.close()
  }
}

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('waste', [{ ...EDITOR, grants: [{ role: 'editor', dimension: 'environment' }] }])
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
  const cookie = await sessionCookieFor(server.port, HOST, EDITOR)
  const created = await httpRequest(server.port, HOST, '/api/v1/waste/areas', {
    method: 'POST',
    headers: { cookie, origin: server.origin(HOST), 'content-type': 'application/json' },
    body: JSON.stringify({
      name: { id: 'Laguboti Pasar', en: 'Laguboti Market' },
      kecamatan: 'Laguboti',
      desa: ['Pasar Laguboti', 'Ompu Raja Hatulian'],
      rule: { days: ['tu', 'fr'], start: '06:30', end: '09:00', onHolidays: 'next-working-day' },
    }),
  })
  expect(created.status, created.text()).toBe(201)
  browser = await launchBrowser()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('/sampah without JavaScript', () => {
  it('narrows to a kecamatan, answers a desa with its next dates and a calendar feed', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    expect((await page.goto(`${server.origin(HOST)}/sampah`))?.status()).toBe(200)
    expect(await violationsAt(page.url())).toEqual([])

    // The kecamatan first: the page comes back with the desa of that kecamatan only, and no answer yet.
    await page.selectOption('select[name=kecamatan]', 'Laguboti')
    await Promise.all([page.waitForURL(/kecamatan=Laguboti/), page.getByRole('button', { name: 'Tampilkan' }).click()])
    const desaOptions = await page.locator('select[name=desa] option').allTextContents()
    expect(desaOptions).toEqual(expect.arrayContaining(['Ompu Raja Hatulian', 'Pasar Laguboti']))
    await expect(page.locator('.waste-area').count()).resolves.toBe(0)

    await page.selectOption('select[name=desa]', 'Pasar Laguboti')
    await Promise.all([
      page.waitForURL(/desa=Pasar\+Laguboti/),
      page.getByRole('button', { name: 'Tampilkan' }).click(),
    ])
    const area = page.locator('.waste-area')
    await expect(area.count()).resolves.toBe(1)
    await expect(area.locator('h2').textContent()).resolves.toContain('Laguboti Pasar')
    const dates = area.locator('ol.collections > li time')
    expect(await dates.count()).toBeGreaterThan(0)
    // Every regular collection falls on a Tuesday or Friday (a holiday shift says why instead).
    const items = await area.locator('ol.collections > li').evaluateAll((lis) =>
      lis.map((li) => ({
        at: li.querySelector('time')?.getAttribute('datetime') ?? '',
        text: li.textContent ?? '',
        regular: li.classList.contains('collection-regular'),
      })),
    )
    for (const item of items) {
      expect(item.text).toMatch(/06[.:]30/)
      const day = new Date(item.at).toLocaleDateString('en-US', { weekday: 'short', timeZone: 'Asia/Jakarta' })
      if (item.regular) expect(['Tue', 'Fri']).toContain(day)
    }
    await expect(area.getByText('hari kerja berikutnya', { exact: false }).count()).resolves.toBeGreaterThan(0)
    expect(await violationsAt(page.url())).toEqual([])
    await page.screenshot({ path: join(artifacts, 'waste-collections-nojs.png'), fullPage: true })

    // The calendar feed the page links to answers as iCalendar with the area's events.
    const feed =
      (await area
        .getByRole('link', { name: /kalender/i })
        .first()
        .getAttribute('href')) ?? ''
    const path = new URL(feed).pathname
    expect(path).toMatch(/^\/api\/v1\/waste\/areas\/[^/]+\/ical$/)
    const ics = await httpRequest(server.port, HOST, path)
    expect(ics.status).toBe(200)
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/)
    expect(ics.text()).toContain('BEGIN:VCALENDAR')
    expect(ics.text()).toContain('BEGIN:VEVENT')
    await context.close()
  })
})
