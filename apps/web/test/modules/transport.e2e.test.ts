import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../browser'
import { javaScriptGzipBytes, jsonLdTypes, seriousViolations, socialTags } from '../page-quality'
import { httpRequest, type RunningServer, sessionCookieFor, startServer } from '../server'
import { prepareTobaDataDir } from '../toba-fixture'

/**
 * The transport pages in Chromium, with JavaScript on and off: a visitor finds the next ferry
 * from Ajibata on the list and opens the route. Times depend on the real clock here, so the test
 * checks what is said (a next departure, a week, fares), never which time it is.
 */
const HOST = 'toba.localhost'
const artifacts = join(fileURLToPath(new URL('../../../../', import.meta.url)), 'test-results', 'e2e')
const ADMIN = { email: 'admin.transport@toba.localhost', password: 'kata-sandi-admin-transport' }
const TIMES = ['06:30', '08:00', '10:00', '12:00', '14:00', '16:00', '18:00']

let server: RunningServer
let dataDir: string
let browser: Browser
let slug = ''

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('transport', [{ ...ADMIN, grants: [{ role: 'editor', dimension: 'living' }] }])
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
  const origin = `http://${HOST}:${server.port}`
  const cookie = await sessionCookieFor(server.port, HOST, ADMIN)
  const created = await httpRequest(server.port, HOST, '/api/v1/transport/routes', {
    method: 'POST',
    headers: { cookie, origin, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: { id: 'Kapal uji Ajibata – Tomok', en: 'Test ferry Ajibata – Tomok' },
      mode: 'ferry',
      originName: 'Pelabuhan Ajibata',
      originKecamatan: 'Ajibata',
      originPoint: { lat: 2.6627, lon: 98.9326 },
      destinationName: 'Tomok',
      durationMinutes: 45,
      contacts: { whatsapp: '0812-0000-0000' },
      timetable: {
        onHolidays: 'su',
        weekly: Object.fromEntries(['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'].map((d) => [d, TIMES])),
      },
    }),
  })
  expect(created.status, created.text()).toBe(201)
  slug = (created.json() as { slug: string }).slug
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe.each([true, false])('transport pages with JavaScript %s', (javaScriptEnabled) => {
  it('lists the routes from Ajibata with their next departure and opens one', async () => {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 412, height: 900 } })
    const page = await context.newPage()
    const list = await page.goto(`http://${HOST}:${server.port}/transportasi?asal=Pelabuhan+Ajibata`)
    expect(list?.status()).toBe(200)
    const items = page.locator('.transport-route')
    await expect(items.count()).resolves.toBe(3)
    const mine = items.filter({ hasText: 'Kapal uji Ajibata' })
    // Either a departure still to come today, or today's last has left and tomorrow's first is named.
    await expect(mine.locator('.next-departure').textContent()).resolves.toMatch(
      /^(Berikutnya: (\d\d:\d\d hari ini|besok \d\d:\d\d)|Keberangkatan terakhir hari ini sudah lewat; berikutnya: besok \d\d:\d\d)$/,
    )
    // The seeded routes have no times from a source yet, and say so.
    await expect(items.filter({ hasText: 'KMP' }).locator('.next-departure').textContent()).resolves.toBe(
      'Jadwal: belum ada data',
    )
    if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([])

    await mine.getByRole('link').click()
    await page.waitForURL(`**/transportasi/${slug}`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Kapal uji Ajibata – Tomok')
    await expect(page.locator('#next-heading').count()).resolves.toBe(1)
    await expect(page.locator('.week-departures tr').count()).resolves.toBe(7)
    await expect(page.getByText('Tarif: belum ada data.').count()).resolves.toBe(1)
    await expect(page.locator('a[href^="https://wa.me/62812"]').count()).resolves.toBe(1)
    await expect(page.locator('a[href^="geo:"]').count()).resolves.toBe(1)
    expect(await jsonLdTypes(page)).toContain('BoatTrip')
    const tags = await socialTags(page)
    expect(tags['og:title']).toContain('Kapal uji Ajibata – Tomok')
    expect(tags['twitter:card']).toBeTruthy()
    // Measured before axe adds its own script to the page.
    expect(await javaScriptGzipBytes(page, server.port, HOST)).toBeLessThanOrEqual(60 * 1024)
    // axe runs in the page, so only where JavaScript is on.
    if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([])
    const ics = await httpRequest(server.port, HOST, `/api/v1/transport/routes/${slug}/ical?days=2`)
    expect(ics.status).toBe(200)
    expect(ics.text().match(/BEGIN:VEVENT/g)).toHaveLength(TIMES.length * 2)
    await page.screenshot({
      path: join(artifacts, `transport-${javaScriptEnabled ? 'js' : 'nojs'}.png`),
      fullPage: true,
    })
    await context.close()
  })
})

describe('in English', () => {
  it('shows the route page labels in English', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    await context.addCookies([{ name: 'lang', value: 'en', domain: HOST, path: '/' }])
    const page = await context.newPage()
    await page.goto(`http://${HOST}:${server.port}/transportasi/${slug}`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Test ferry Ajibata – Tomok')
    await expect(page.locator('#next-heading').textContent()).resolves.toBe('Next departures')
    await expect(page.getByText('Fares: no data yet.').count()).resolves.toBe(1)
    await context.close()
  })
})
