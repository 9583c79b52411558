import { rmSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { localDateOf } from '@cerdas/schedules'
import type { Browser, BrowserContext } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../browser'
import { javaScriptGzipBytes, jsonLdTypes, seriousViolations, socialTags } from '../page-quality'
import { httpRequest, type RunningServer, sessionCookieFor, startServer } from '../server'
import { prepareTobaDataDir } from '../toba-fixture'

/**
 * The tourism pages in Chromium, with JavaScript on and off: a visitor switches to English, filters the
 * attractions open now in Balige, opens one and sees its hours and the map (or the list's map
 * links without it), then finds this week's event and downloads it for a calendar. The server
 * runs on the real clock, so the attraction is open around the clock and the event is today.
 * The attraction has a photo an editor uploaded through the API: the page shows it in the
 * visitor's language and shares a 1200x630 image.
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
const PHOTO_ALT = { id: 'Taman uji dengan pohon di tepi danau', en: 'The test garden with trees by the lake' }

async function send(cookie: string, method: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await httpRequest(server.port, HOST, path, {
    method,
    headers: { cookie, origin: `http://${HOST}:${server.port}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.status, res.text()).toBe(method === 'POST' ? 201 : 200)
  return res.json() as Record<string, unknown>
}

async function post(cookie: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  return send(cookie, 'POST', path, body)
}

/** Uploads a JPEG to POST /api/v1/photos as multipart (field `file`) and answers the photo's id. */
async function uploadPhoto(cookie: string): Promise<string> {
  const jpeg = await sharp(Buffer.alloc(960 * 640 * 3, 90), { raw: { width: 960, height: 640, channels: 3 } })
    .jpeg()
    .toBuffer()
  const boundary = 'cerdas-uji-foto'
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="taman.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    jpeg,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/api/v1/photos',
        method: 'POST',
        headers: {
          host: `${HOST}:${server.port}`,
          cookie,
          origin: `http://${HOST}:${server.port}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(body.byteLength),
        },
      },
      (res) => {
        let text = ''
        res.on('data', (d) => (text += d))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
  expect(answer.status, answer.text).toBe(201)
  return (JSON.parse(answer.text) as { id: string }).id
}

/** Tiles and anything else off this machine fail at once, as for a visitor without signal. */
async function offline(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\/(?!toba\.localhost)/, (route) => route.abort('internetdisconnected'))
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
  const photo = await uploadPhoto(editor)
  await send(editor, 'PATCH', `/api/v1/tourism/attractions/${attraction.id}`, {
    photos: [{ id: photo, alt: PHOTO_ALT }],
  })
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
    await offline(context)
    const page = await context.newPage()
    const list = await page.goto(`http://${HOST}:${server.port}/wisata?kecamatan=Balige&buka=true`)
    expect(list?.status()).toBe(200)
    // The visitor switches to English in the header and comes back to the same filtered list.
    await page.locator('a.lang[hreflang="en"]').click()
    await page.waitForURL('**/wisata?kecamatan=Balige&buka=true')
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en')
    await expect(page.locator('h1').textContent()).resolves.toBe('Attractions')
    const cards = page.locator('.place-card')
    await expect(cards.count()).resolves.toBe(1)
    await expect(cards.locator('h3').textContent()).resolves.toBe('Balige Test Garden')
    // The map needs the tenant's tiles and a script; the list's own map links stand without them.
    await expect(page.locator('.place-map').count()).resolves.toBe(1)
    await expect(cards.locator('a[href^="geo:"]').count()).resolves.toBe(1)
    await expect(cards.locator('a[href^="https://www.openstreetmap.org/"]').count()).resolves.toBe(1)
    if (javaScriptEnabled) {
      // Leaflet draws the map even though no tile arrives.
      await page.locator('.place-map-drawn').waitFor()
      expect(await page.evaluate(() => typeof (window as unknown as { L?: unknown }).L)).toBe('object')
    } else {
      await expect(page.locator('.place-map-drawn').count()).resolves.toBe(0)
      await expect(page.locator('.place-map noscript').count()).resolves.toBe(1)
    }
    expect(await jsonLdTypes(page)).toEqual(['ItemList'])
    expect((await socialTags(page))['og:title']).toContain('Attractions')
    expect(await javaScriptGzipBytes(page, server.port, HOST)).toBeLessThanOrEqual(60 * 1024)
    if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([])

    await cards.getByRole('link', { name: 'Balige Test Garden' }).click()
    await page.waitForURL(`**/wisata/${attractionSlug}`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Balige Test Garden')
    await expect(page.locator('#week-heading').textContent()).resolves.toBe('Opening hours')
    await expect(page.getByText('no data yet').count()).resolves.toBeGreaterThan(0)
    await expect(page.locator('a[href^="https://wa.me/62812"]').count()).resolves.toBe(1)
    await expect(page.locator('#events-heading').textContent()).resolves.toBe('Upcoming events here')
    const picture = page.locator('.photo-gallery picture')
    await expect(picture.count()).resolves.toBe(1)
    await expect(picture.locator('source[type="image/avif"]').getAttribute('srcset')).resolves.toMatch(/\.avif \d+w/)
    await expect(picture.locator('source[type="image/webp"]').getAttribute('srcset')).resolves.toMatch(/\.webp \d+w/)
    const img = picture.locator('img')
    await expect(img.getAttribute('alt')).resolves.toBe(PHOTO_ALT.en)
    const src = (await img.getAttribute('src')) ?? ''
    const image = await httpRequest(server.port, HOST, src)
    expect(image.status).toBe(200)
    expect(image.headers['content-type']).toMatch(/^image\/jpeg/)
    // The browser itself loaded a rendition (AVIF or WebP where it can).
    expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true)
    expect(await jsonLdTypes(page)).toContain('TouristAttraction')
    const tags = await socialTags(page)
    expect(tags['og:title']).toContain('Balige Test Garden')
    expect(tags['og:image']).toMatch(/\/media\/share\/tourism\/attraction\//)
    const share = await httpRequest(server.port, HOST, new URL(tags['og:image'] ?? '').pathname)
    expect(share.status).toBe(200)
    expect(share.headers['content-type']).toBe('image/png')
    expect(await sharp(share.body).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 })
    expect(await javaScriptGzipBytes(page, server.port, HOST)).toBeLessThanOrEqual(60 * 1024)
    if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({
      path: join(artifacts, `tourism-attraction-${javaScriptEnabled ? 'js' : 'nojs'}.png`),
      fullPage: true,
    })

    await page.goto(`http://${HOST}:${server.port}/acara`)
    await expect(page.locator('#events-week').textContent()).resolves.toBe('This week')
    expect(await jsonLdTypes(page)).toContain('ItemList')
    expect((await socialTags(page))['og:title']).toBeTruthy()
    expect(await javaScriptGzipBytes(page, server.port, HOST)).toBeLessThanOrEqual(60 * 1024)
    if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([])
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
