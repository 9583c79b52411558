import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseCsv, parseXlsx, toCsv, toXlsx } from '@cerdas/platform'
import { xlsxBomb } from '@cerdas/testing'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from './browser'
import { httpRequest, type RunningServer, startServer } from './server'
import { prepareTobaDataDir } from './toba-fixture'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const artifacts = join(repoRoot, 'test-results', 'e2e')
const HOST = 'toba.localhost'
const LIST = '/admin/data/announcements/announcement'
const IMPORT = '/admin/impor/announcements/announcement'
const EXPORT = '/admin/ekspor/announcements/announcement'
const ADMIN = { email: 'admin@toba.localhost', password: 'kata-sandi-admin-uji' }
const VIEWER = { email: 'viewer@toba.localhost', password: 'kata-sandi-viewer-uji' }
const OTHER_TEAM = { email: 'editor-ekonomi@toba.localhost', password: 'kata-sandi-editor-uji' }

let server: RunningServer
let browser: Browser
let dataDir: string
let downloads: string
let csvText = ''

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('sheets', [
    { ...ADMIN, grants: [{ role: 'admin', dimension: null }] },
    { ...VIEWER, grants: [{ role: 'viewer', dimension: null }] },
    { ...OTHER_TEAM, grants: [{ role: 'editor', dimension: 'economy' }] },
  ])
  downloads = join(dataDir, 'downloads')
  mkdirSync(downloads)
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

const url = (path: string) => `${server.origin(HOST)}${path}`

/** A page without JavaScript, logged in; uploads and downloads work as plain HTML. */
async function withPage<T>(who: { email: string; password: string }, run: (page: Page) => Promise<T>) {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    acceptDownloads: true,
    viewport: { width: 1024, height: 900 },
  })
  try {
    const page = await context.newPage()
    await page.goto(url('/admin'))
    await page.waitForURL(/\/admin\/masuk\?kembali=/)
    await page.fill('#f-email', who.email)
    await page.fill('#f-password', who.password)
    await page.getByRole('button', { name: 'Masuk' }).click()
    await page.waitForURL(url('/admin'))
    return await run(page)
  } finally {
    await context.close()
  }
}

async function download(page: Page, linkName: string): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()])
  const path = join(downloads, file.suggestedFilename())
  await file.saveAs(path)
  return { name: file.suggestedFilename(), body: readFileSync(path) }
}

async function upload(page: Page, name: string, buffer: Buffer, mimeType: string) {
  await page.goto(url(IMPORT))
  await page.setInputFiles('#f-file', { name, mimeType, buffer })
  await page.getByRole('button', { name: 'Periksa berkas' }).click()
  await page.locator('.import-preview, .error-summary').first().waitFor()
}

const storedTitles = async () => (await httpRequest(server.port, HOST, '/api/v1/announcements?limit=100')).text()

describe('CSV and XLSX import and export (JavaScript disabled)', () => {
  it('exports announcements as CSV (UTF-8 with BOM) and XLSX with the same rows', async () => {
    await withPage(ADMIN, async (page) => {
      await page.goto(url(LIST))
      await expect(page.locator('.sheet-links').count()).resolves.toBe(1)
      await page.screenshot({ path: join(artifacts, 'sheets-list-links.png'), fullPage: true })

      const csv = await download(page, 'Ekspor CSV')
      expect(csv.name).toMatch(/^announcements-announcement-\d{4}-\d{2}-\d{2}\.csv$/)
      expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      csvText = csv.body.toString('utf8')
      const table = parseCsv(csvText)
      expect(table[0]).toEqual([
        'id',
        'title.id',
        'title.en',
        'body.id',
        'body.en',
        'category',
        'link',
        'publishAt',
        'expiresAt',
      ])
      expect(table).toHaveLength(4)

      const xlsx = await download(page, 'Ekspor XLSX')
      expect(xlsx.name).toMatch(/\.xlsx$/)
      expect(xlsx.body.subarray(0, 2).toString('latin1')).toBe('PK')
      expect(await parseXlsx(xlsx.body)).toEqual(table)
    })
  })

  it('re-importing the exported CSV previews every row as unchanged, with nothing to apply', async () => {
    expect(csvText).not.toBe('')
    await withPage(ADMIN, async (page) => {
      await page.goto(url(LIST))
      await page.getByRole('link', { name: 'Impor dari CSV/XLSX' }).click()
      await page.waitForURL(url(IMPORT))
      await upload(page, 'pengumuman.csv', Buffer.from(csvText, 'utf8'), 'text/csv')
      const actions = await page
        .locator('.import-rows tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')))
      expect(actions).toEqual(['unchanged', 'unchanged', 'unchanged'])
      await expect(page.locator('.preview-summary').textContent()).resolves.toBe(
        'pengumuman.csv: 0 baru, 0 diubah, 3 tidak berubah.',
      )
      await expect(page.locator('#confirm-import').count()).resolves.toBe(0)
      await page.screenshot({ path: join(artifacts, 'sheets-unchanged.png'), fullPage: true })
    })
  })

  it('a sheet with one bad row shows the row and field, offers no confirm button, stores nothing', async () => {
    const marker = `buruk-${Date.now()}`
    const sheet = toCsv([
      ['id', 'title.id', 'body.id', 'category'],
      ['', `Baik ${marker}`, 'Isi baris yang baik', 'general'],
      ['', `Buruk ${marker}`, 'Isi baris yang buruk', 'bukan-kategori'],
    ])
    await withPage(ADMIN, async (page) => {
      await upload(page, 'buruk.csv', Buffer.from(sheet, 'utf8'), 'text/csv')
      await expect(page.locator('.import-preview .error-summary').textContent()).resolves.toContain(
        '1 baris bermasalah',
      )
      const bad = page.locator('.import-rows tr[data-line="3"]')
      await expect(bad.getAttribute('class')).resolves.toBe('row-invalid')
      await expect(bad.locator('li[data-field="category"]').textContent()).resolves.toBe(
        'Kategori (category): harus salah satu dari general, service, emergency, event',
      )
      await expect(page.locator('.import-rows tr[data-line="2"] li').count()).resolves.toBe(0)
      await expect(page.locator('#confirm-import').count()).resolves.toBe(0)
      await page.screenshot({ path: join(artifacts, 'sheets-bad-row.png'), fullPage: true })
    })
    expect(await storedTitles()).not.toContain(marker)
  })

  it('a good XLSX sheet: preview, confirm without re-uploading, the new rows are in the list', async () => {
    const marker = `impor-${Date.now()}`
    const sheet = await toXlsx(
      [
        ['id', 'title.id', 'title.en', 'body.id', 'category', 'publishAt'],
        ['', `Pengumuman satu ${marker}`, 'Notice one', 'Isi pertama: jalan ditutup', 'general', '2026-01-10 08:00'],
        ['', `Pengumuman dua ${marker}`, '', 'Isi kedua, dengan koma', 'event', '2026-01-11 09:30'],
      ],
      'Pengumuman',
    )
    await withPage(ADMIN, async (page) => {
      await upload(page, 'baru.xlsx', sheet, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      await expect(page.locator('.preview-summary').textContent()).resolves.toBe(
        'baru.xlsx: 2 baru, 0 diubah, 0 tidak berubah.',
      )
      await page.screenshot({ path: join(artifacts, 'sheets-preview-good.png'), fullPage: true })
      expect(await storedTitles()).not.toContain(marker)

      await page.getByRole('button', { name: 'Terapkan impor (2 baris)' }).click()
      await page.waitForURL(url(LIST))
      await expect(page.locator('.flash').textContent()).resolves.toBe(
        'Impor selesai: 2 baru, 0 diubah, 0 tidak berubah.',
      )
      await expect(page.locator('.entity-list tbody th', { hasText: marker }).count()).resolves.toBe(2)
      await page.screenshot({ path: join(artifacts, 'sheets-imported.png'), fullPage: true })
    })
    const stored = await storedTitles()
    expect(stored).toContain(`Pengumuman satu ${marker}`)
    expect(stored).toContain(`Pengumuman dua ${marker}`)
  })

  it('refuses an .xlsx bomb with a clear message, and still previews a large sane sheet', async () => {
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    // About 400 KB that would unpack to about 110 MB of sheet XML.
    const bomb = await xlsxBomb({ rows: 1_000_000 })
    await withPage(ADMIN, async (page) => {
      await upload(page, 'bom.xlsx', bomb, XLSX)
      await expect(page.locator('.form-error').textContent()).resolves.toBe(
        'Berkas .xlsx ini terlalu besar setelah dibuka (maks. 32 MB isi). Simpan ulang atau bagi menjadi beberapa berkas.',
      )
      await expect(page.locator('.import-preview').count()).resolves.toBe(0)
      await page.screenshot({ path: join(artifacts, 'sheets-bomb-refused.png'), fullPage: true })

      const rows = Array.from({ length: 2000 }, (_, i) => ['', `Pengumuman besar ${i}`, `Isi ${i}`, 'general'])
      const large = await toXlsx([['id', 'title.id', 'body.id', 'category'], ...rows], 'Pengumuman')
      await upload(page, 'besar.xlsx', large, XLSX)
      await expect(page.locator('.preview-summary').textContent()).resolves.toBe(
        'besar.xlsx: 2000 baru, 0 diubah, 0 tidak berubah.',
      )
    })
    expect((await httpRequest(server.port, HOST, '/api/health')).status).toBe(200)
  })

  it('refuses a tampered confirm form', async () => {
    await withPage(ADMIN, async (page) => {
      const sheet = toCsv([
        ['id', 'title.id', 'body.id', 'category'],
        ['', 'Judul asli yang diperiksa', 'Isi', 'general'],
      ])
      await upload(page, 'asli.csv', Buffer.from(sheet, 'utf8'), 'text/csv')
      const forged = Buffer.from(
        toCsv([
          ['id', 'title.id', 'body.id', 'category'],
          ['', 'Diselundupkan', 'Isi', 'general'],
        ]),
      )
      await page
        .locator('#confirm-import input[name="payload"]')
        .evaluate((input, value) => input.setAttribute('value', value), forged.toString('base64url'))
      await page.getByRole('button', { name: 'Terapkan impor (1 baris)' }).click()
      await expect(page.locator('.form-error').textContent()).resolves.toBe(
        'Data pratinjau tidak sah atau sudah kedaluwarsa. Unggah berkas lagi.',
      )
    })
    const stored = await storedTitles()
    expect(stored).not.toContain('Diselundupkan')
    expect(stored).not.toContain('Judul asli yang diperiksa')
  })

  it('people who may not edit announcements cannot reach import or export (403)', async () => {
    for (const who of [VIEWER, OTHER_TEAM]) {
      await withPage(who, async (page) => {
        for (const path of [`${EXPORT}?format=csv`, IMPORT]) {
          const response = await page.goto(url(path))
          expect(response?.status(), `${who.email} ${path}`).toBe(403)
        }
        await expect(page.locator('h1').textContent()).resolves.toBe('Akses ditolak')
        if (who === VIEWER) {
          // The viewer sees the list, without the sheet links.
          await page.goto(url(LIST))
          await expect(page.locator('.sheet-links').count()).resolves.toBe(0)
        }
        await page.screenshot({ path: join(artifacts, `sheets-forbidden-${who === VIEWER ? 'viewer' : 'editor'}.png`) })
      })
    }
  })
})
