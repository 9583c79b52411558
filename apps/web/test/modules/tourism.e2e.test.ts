import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { localDateOf } from '@cerdas/schedules'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../browser'
import { javaScriptGzipBytes, jsonLdTypes, seriousViolations, socialTags } from '../page-quality'
import { httpRequest, type RunningServer, sessionCookieFor, startServer } from '../server'
import { prepareTobaDataDir } from '../toba-fixture'

/**
 * The tourism pages in Chromium, with JavaScript on and off: a visitor in English filters the
 * attractions open now in Balige, opens one and sees its hours and the map (or the list's map
 * links without it), then finds this week's event and downloads it for a calendar. The server
 * runs on the real clock, so the attraction is open around the clock and the event is today.
 */
const HOST = 'toba.localhost'
const artifacts = join(fileURLToPath(new URL('../../../../', import.meta.url)), 'test-results', 'e2e')
const EDITOR = { email: 'editor.wisata@toba.localhost', password: 'kata-sandi-editor-wisata' }
const ADMIN = { email: 'admin.wisata@toba.localhost', password: 'kata-sandi-admin-wisata' }

let server: RunningServer
let dataDir: string
let browser: Browser
let attractionSlug = ''
let eventSlug = ''

async function post(cookie: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await httpRequest(server.port, HOST, path, {
    method: 'POST',
    headers: { cookie, origin: `http://${HOST}:${server.port}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.status, res.text()).toBe(201)
  return res.json() as Record<string, unknown>
}

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('tourism', [
    { ...EDITOR, grants: [{ role: 'editor', dimension: 'branding' }] },
    // Hours are schedules, which the governance team and admins keep.
    { ...ADMIN, grants: [{ role: 'admin', dimension: null }] },
  ])
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
  const editor = await sessionCookieFor(server.port, HOST, EDITOR)
  const admin = await sessionCookieFor(server.port, HOST, ADMIN)
  const attraction = await post(editor, '/api/v1/tourism/attractions', {
    name: { id: 'Taman Uji Balige', en: 'Balige Test Garden' },
    category: 'park',
    kecamatan: 'Balige',
    coordinates: { lat: 2.3333, lon: 99.0667 },
    contacts: { whatsapp: '0812-0000-0000' },
    facilities: ['parking', 'toilet'],
    fees: [{ visitorType: 'adult' }],
    description: { id: 'Taman untuk uji.', en: 'A garden for the test.' },
  })
  attractionSlug = attraction.slug as string
  await post(admin, '/api/v1/schedules/import', {
    owner: { module: 'tourism', type: 'attraction', id: attractionSlug },
    kind: 'hours',
    label: { id: 'Jam buka', en: 'Opening hours' },
    openingHours: '24/7',
  })
  const today = localDateOf(new Date(), 'Asia/Jakarta')
  const event = await post(editor, '/api/v1/tourism/events', {
    name: { id: 'Pentas Uji Gondang', en: 'Test Gondang Show' },
    category: 'music',
    startDate: today,
    venueAttraction: attractionSlug,
  })
  eventSlug = event.slug as string
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe.each([true, false])('tourism pages with JavaScript %s', (javaScriptEnabled) => {
  it('filters attractions open now in Balige in English, opens one, and adds this week’s event to a calendar', async () => {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 412, height: 900 } })
    await context.addCookies([{ name: 'lang', value: 'en', domain: HOST, path: '/' }])
    const page = await context.newPage()
    const list = await page.goto(`http://${HOST}:${server.port}/wisata?kecamatan=Balige&buka=true`)
    expect(list?.status()).toBe(200)
    await expect(page.locator('h1').textContent()).resolves.toBe('Attractions')
    const cards = page.locator('.place-card')
    await expect(cards.count()).resolves.toBe(1)
    await expect(cards.locator('h3').textContent()).resolves.toBe('Balige Test Garden')
    // The map needs the tenant's tiles and a script; the list's own map links stand without them.
    await expect(page.locator('.place-map').count()).resolves.toBe(1)
    await expect(cards.locator('a[href^="geo:"]').count()).resolves.toBe(1)
    expect(await jsonLdTypes(page)).toEqual(['ItemList'])
    expect((await socialTags(page))['og:title']).toBe('Attractions · Kabupaten Toba')
    expect(await javaScriptGzipBytes(page, server.port, HOST)).toBeLessThanOrEqual(60 * 1024)
    if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([])

    await cards.getByRole('link', { name: 'Balige Test Garden' }).click()
    await page.waitForURL(`**/wisata/${attractionSlug}`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Balige Test Garden')
    await expect(page.locator('#week-heading').textContent()).resolves.toBe('Opening hours')
    await expect(page.getByText('no data yet').count()).resolves.toBeGreaterThan(0)
    await expect(page.locator('a[href^="https://wa.me/62812"]').count()).resolves.toBe(1)
    await expect(page.locator('#events-heading').textContent()).resolves.toBe('Upcoming events here')
    expect(await jsonLdTypes(page)).toContain('TouristAttraction')
    const tags = await socialTags(page)
    expect(tags['og:title']).toContain('Balige Test Garden')
    expect(tags['og:image']).toMatch(/\/media\/share\/tourism\/attraction\//)
    expect(await javaScriptGzipBytes(page, server.port, HOST)).toBeLessThanOrEqual(60 * 1024)
    if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({
      path: join(artifacts, `tourism-attraction-${javaScriptEnabled ? 'js' : 'nojs'}.png`),
      fullPage: true,
    })

    await page.goto(`http://${HOST}:${server.port}/acara`)
    await expect(page.locator('#events-week').textContent()).resolves.toBe('This week')
    await page.getByRole('link', { name: 'Test Gondang Show' }).click()
    await page.waitForURL(`**/acara/${eventSlug}`)
    expect(await jsonLdTypes(page)).toContain('Event')
    expect((await socialTags(page))['og:title']).toContain('Test Gondang Show')
    const download = page.getByRole('link', { name: 'Add to calendar' })
    const href = await download.getAttribute('href')
    expect(href).toBe(`/api/v1/tourism/events/${eventSlug}/ics`)
    const ics = await httpRequest(server.port, HOST, href ?? '')
    expect(ics.status).toBe(200)
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/)
    expect(ics.text()).toMatch(/BEGIN:VEVENT\r\n/)
    expect(await javaScriptGzipBytes(page, server.port, HOST)).toBeLessThanOrEqual(60 * 1024)
    if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({
      path: join(artifacts, `tourism-event-${javaScriptEnabled ? 'js' : 'nojs'}.png`),
      fullPage: true,
    })
    await context.close()
  })
})
