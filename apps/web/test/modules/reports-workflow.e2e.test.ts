import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Client, createClient } from '@libsql/client'
import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../browser'
import { seriousViolations } from '../page-quality'
import { httpRequest, type RunningServer, startServer } from '../server'
import { prepareTobaDataDir } from '../toba-fixture'

/**
 * A report's whole way in Chromium: a resident on a phone files it with a photo and a landmark and
 * gets the tracking code; an editor of the environment team verifies it (showing its photos),
 * forwards it, works on it and resolves it with a public reply, through the console's forms,
 * while the economy team cannot open it; the resident follows the code, sees the timeline and
 * confirms the fix, which closes the report; the public page shows the timeline and nothing
 * private. Every page passes axe.
 */
const HOST = 'toba.localhost'
const artifacts = join(fileURLToPath(new URL('../../../../', import.meta.url)), 'test-results', 'e2e')
const ENVIRONMENT = { email: 'lingkungan@toba.localhost', password: 'kata-sandi-tim-lingkungan' }
const ECONOMY = { email: 'ekonomi@toba.localhost', password: 'kata-sandi-tim-ekonomi' }
const CODE = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/
const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 900 }

const DESCRIPTION = 'Sampah di depan SD Negeri tidak diangkut sejak Senin, baunya sampai ke kelas.'
const LANDMARK = 'Samping warung kopi Ompung Boru'
const CONTACT = { name: 'Tiurma Hutapea', phone: '081298765432' }
const REPLY = 'Truk sudah mengangkut sampahnya pagi ini. Terima kasih atas laporannya.'

let server: RunningServer
let dataDir: string
let browser: Browser
let db: Client
let jpeg: Buffer
// Carried from step to step: each test continues the report the previous one left.
let code = ''
let number = ''
let reportId = ''

const url = (path: string) => `${server.origin(HOST)}${path}`

async function row(): Promise<{ id: string; number: string; status: string; photos_public: number }> {
  const result = await db.execute({
    sql: 'SELECT id, number, status, photos_public FROM reports_reports WHERE description = ?',
    args: [DESCRIPTION],
  })
  expect(result.rows).toHaveLength(1)
  return result.rows[0] as unknown as { id: string; number: string; status: string; photos_public: number }
}

async function logIn(page: Page, account: { email: string; password: string }) {
  await page.goto(url('/admin/masuk'))
  await page.fill('#f-email', account.email)
  await page.fill('#f-password', account.password)
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/admin/masuk')),
    page.getByRole('button', { name: 'Masuk' }).click(),
  ])
}

/** Posts the console's status form and waits for the report to show its new status. */
async function moveTo(page: Page, status: string, fields: { reply?: string; photosPublic?: boolean } = {}) {
  await page.selectOption('#status-status', status)
  if (fields.reply) await page.fill('#status-reply', fields.reply)
  if (fields.photosPublic) await page.check('#status-photosPublic')
  await page.locator('section[aria-labelledby="status-heading"] button[type=submit]').click()
  await page.locator(`strong[data-status="${status}"]`).waitFor()
}

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('reports-workflow', [
    { ...ENVIRONMENT, name: 'Tim Lingkungan', grants: [{ role: 'editor', dimension: 'environment' }] },
    { ...ECONOMY, name: 'Tim Ekonomi', grants: [{ role: 'editor', dimension: 'economy' }] },
  ])
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
  db = createClient({ url: `file:${join(dataDir, 'tenants', 'toba.db')}` })
  jpeg = await sharp(Buffer.alloc(320 * 240 * 3, 60), { raw: { width: 320, height: 240, channels: 3 } })
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

describe('a citizen report from the phone to the fix', () => {
  it('is filed on a phone with a photo and a landmark, and the receipt shows the code, never the address', async () => {
    const context = await browser.newContext({ viewport: PHONE })
    const page = await context.newPage()
    expect((await page.goto(url('/lapor')))?.status()).toBe(200)
    expect(await seriousViolations(page)).toEqual([])
    // The template's category, routed to the Dinas Lingkungan Hidup (environment team).
    await page.selectOption('#report-category', { label: 'Sampah tidak diangkut' })
    await page.fill('#report-description', DESCRIPTION)
    await page.setInputFiles('#report-photos', { name: 'sampah-sd.jpg', mimeType: 'image/jpeg', buffer: jpeg })
    await page.fill('#report-kecamatan', 'Balige')
    await page.fill('#report-desa', 'Napitupulu Bagasan')
    await page.fill('#report-landmark', LANDMARK)
    await page.fill('#report-name', CONTACT.name)
    await page.fill('#report-phone', CONTACT.phone)
    // The delay token asks a few seconds between opening the form and sending it.
    await page.waitForTimeout(3500)
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.status() === 200),
      page.click('#report-form button[type=submit]'),
    ])
    const shown = page.locator('#tracking-code')
    await shown.waitFor()
    code = (await shown.textContent())?.trim() ?? ''
    expect(code).toMatch(CODE)
    expect(page.url()).toBe(url('/lapor'))
    expect(page.url()).not.toContain(code)
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: join(artifacts, 'reports-workflow-receipt.png'), fullPage: true })
    await context.close()

    const filed = await row()
    expect(filed.status).toBe('received')
    expect(filed.photos_public).toBe(0)
    number = filed.number
    reportId = filed.id
  }, 30_000)

  it('is verified, forwarded, worked and resolved by the environment team; another team sees none of it', async () => {
    expect(reportId).not.toBe('')
    const context = await browser.newContext({ viewport: DESKTOP })
    const page = await context.newPage()
    await logIn(page, ENVIRONMENT)
    expect((await page.goto(url('/admin/laporan')))?.status()).toBe(200)
    const line = page.locator('tbody tr', { has: page.getByRole('link', { name: number }) })
    await expect(line.count()).resolves.toBe(1)
    await expect(line.textContent()).resolves.toMatch(/sisa \d+ hari kerja|batas hari ini/)
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: join(artifacts, 'reports-workflow-queue.png'), fullPage: true })

    await Promise.all([
      page.waitForURL(`**/admin/laporan/${reportId}`),
      page.getByRole('link', { name: number }).click(),
    ])
    await expect(
      page.getByText(/Batas verifikasi dan penerusan|sisa \d+ hari kerja|batas hari ini/).count(),
    ).resolves.toBeGreaterThan(0)
    expect(await seriousViolations(page)).toEqual([])
    // The contact and the landmark stay behind the audited reveal, which an editor does not have.
    const content = (await page.content()) ?? ''
    expect(content).not.toContain(CONTACT.phone)
    expect(content).not.toContain(LANDMARK)

    await moveTo(page, 'verified', { photosPublic: true })
    expect((await row()).photos_public).toBe(1)
    await expect(page.getByText('Foto ditampilkan di halaman publik.').count()).resolves.toBe(1)
    await moveTo(page, 'forwarded')
    await moveTo(page, 'in_progress')
    await moveTo(page, 'resolved', { reply: REPLY })
    await expect(page.locator('.report-timeline').textContent()).resolves.toContain(REPLY)
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: join(artifacts, 'reports-workflow-resolved.png'), fullPage: true })
    expect((await row()).status).toBe('resolved')
    await context.close()

    // Another team's editor opens the report console (every team works its own reports) but sees
    // none of the environment team's: not in its queue, and the report itself is not found.
    const other = await browser.newContext({ viewport: DESKTOP })
    const otherPage = await other.newPage()
    await logIn(otherPage, ECONOMY)
    for (const [path, status] of [
      [`/admin/laporan/${reportId}`, 404],
      ['/admin/laporan', 200],
    ] as const) {
      expect((await otherPage.goto(url(path)))?.status(), path).toBe(status)
      const html = await otherPage.content()
      expect(html).not.toContain(DESCRIPTION)
      expect(html).not.toContain(number)
    }
    await other.close()
  }, 30_000)

  it('is followed by its code, confirmed by the reporter and closed; the public page shows nothing private', async () => {
    expect(code).toMatch(CODE)
    const context = await browser.newContext({ viewport: PHONE })
    const page = await context.newPage()
    await page.goto(url('/lapor/lacak'))
    expect(await seriousViolations(page)).toEqual([])
    await page.fill('#track-code', code)
    await page.click('.report-track-form button[type=submit]')
    await page.locator('.report-timeline').waitFor()
    expect(page.url()).not.toContain(code)
    const timeline = (await page.locator('.report-timeline').textContent()) ?? ''
    const order = ['Diterima', 'Diverifikasi', 'Diteruskan ke unit', 'Sedang ditangani', 'Selesai ditangani', REPLY]
    const positions = order.map((text) => timeline.indexOf(text))
    expect(
      positions.every((p) => p >= 0),
      timeline,
    ).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    expect(await seriousViolations(page)).toEqual([])

    await page.getByRole('button', { name: 'Ya, masalah sudah beres' }).click()
    await page.locator('.notice[role=status]').waitFor()
    await expect(page.locator('.report-status').textContent()).resolves.toContain('Ditutup')
    expect(page.url()).not.toContain(code)
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: join(artifacts, 'reports-workflow-confirmed.png'), fullPage: true })
    expect((await row()).status).toBe('closed')

    // The public page: the timeline and the photo the team made public, no landmark, contact or code.
    expect((await page.goto(url(`/laporan/${number}`)))?.status()).toBe(200)
    const publicTimeline = (await page.locator('.report-timeline').textContent()) ?? ''
    for (const text of order) expect(publicTimeline).toContain(text)
    await expect(page.locator('.report-photos img').count()).resolves.toBe(1)
    const html = await page.content()
    for (const secret of [LANDMARK, CONTACT.name, CONTACT.phone, code]) expect(html).not.toContain(secret)
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: join(artifacts, 'reports-workflow-public.png'), fullPage: true })
    await context.close()
  }, 30_000)

  it('reveals no contact, landmark, exact point or code anywhere else a visitor can look', async () => {
    const { exact_lat, exact_lon } = (
      await db.execute({ sql: 'SELECT exact_lat, exact_lon FROM reports_reports WHERE id = ?', args: [reportId] })
    ).rows[0] as unknown as { exact_lat: number | null; exact_lon: number | null }
    const secrets = [
      LANDMARK,
      CONTACT.name,
      CONTACT.phone,
      code,
      ...(exact_lat === null ? [] : [String(exact_lat), String(exact_lon)]),
    ]
    const surnameWord = CONTACT.name.split(' ')[1] as string
    const landmarkWord = 'Ompung'
    const paths = [
      '/sitemap.xml',
      '/laporan',
      `/laporan?kecamatan=${encodeURIComponent('Balige')}`,
      `/api/v1/reports`,
      `/api/v1/reports/${number}`,
      '/api/v1/reports/duplicates?category=sampah-tidak-diangkut&kecamatan=Balige&desa=Napitupulu%20Bagasan',
      `/api/v1/search?q=${encodeURIComponent(surnameWord)}`,
      `/api/v1/search?q=${encodeURIComponent(landmarkWord)}`,
      `/cari?q=${encodeURIComponent(landmarkWord)}`,
      `/open311/v2/requests.json?extensions=true`,
      `/open311/v2/requests/${number}.xml`,
      '/',
    ]
    for (const path of paths) {
      const res = await httpRequest(server.port, HOST, path)
      expect(res.status, path).toBeLessThan(500)
      const text = res.text()
      for (const secret of secrets) expect(text, `${path} holds ${secret}`).not.toContain(secret)
    }
    // Reports are not in the sitemap at all: their pages are for following, not for search engines.
    expect((await httpRequest(server.port, HOST, '/sitemap.xml')).text()).not.toContain('/laporan/')
  }, 30_000)
})
