import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseCsv, parseXlsx, toCsv, toXlsx } from '@cerdas/platform'
import { sharedStringBomb, xlsxBomb } from '@cerdas/testing'
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

/** {@link upload}, with the status and size of the answer to the upload. */
async function uploadMeasured(page: Page, name: string, buffer: Buffer, mimeType: string) {
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().startsWith(url(IMPORT)))
  await upload(page, name, buffer, mimeType)
  const response = await answer
  return { status: response.status(), bytes: (await response.body()).length }
}

const readOr = (path: string, otherwise = '') => {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return otherwise // the process ended meanwhile
  }
}

/** Peak resident memory so far of the server's processes (the launcher and what it started), in bytes. */
function serverPeakMemory(): number {
  const children = new Map<number, number[]>()
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    const stat = readOr(`/proc/${name}/stat`)
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    children.set(parent, [...(children.get(parent) ?? []), Number(name)])
  }
  const peak = (pid: number): number => {
    const own = Number(/VmHWM:\s+(\d+) kB/.exec(readOr(`/proc/${pid}/status`))?.[1] ?? 0) * 1024
    return Math.max(own, ...(children.get(pid) ?? []).map(peak))
  }
  return peak(server.pid)
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
        'officeRef',
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

      // The most rows allowed: the preview shows a hundred of them, its page stays small.
      const rows = Array.from({ length: 5000 }, (_, i) => ['', `Pengumuman besar ${i}`, `Isi ${i}`, 'general'])
      const large = await toXlsx([['id', 'title.id', 'body.id', 'category'], ...rows], 'Pengumuman')
      const answer = await uploadMeasured(page, 'besar.xlsx', large, XLSX)
      expect(answer.status).toBe(200)
      expect(answer.bytes).toBeLessThan(2 * 1024 * 1024)
      await expect(page.locator('.preview-summary').textContent()).resolves.toBe(
        'besar.xlsx: 5000 baru, 0 diubah, 0 tidak berubah.',
      )
      await expect(page.locator('.import-rows tbody tr').count()).resolves.toBe(100)
      await expect(page.locator('.import-preview p.help').first().textContent()).resolves.toBe(
        'Menampilkan 100 dari 5000 baris, yang bermasalah lebih dulu.',
      )
      await expect(page.locator('#confirm-import').count()).resolves.toBe(1)
    })
    expect((await httpRequest(server.port, HOST, '/api/health')).status).toBe(200)
  })

  it('refuses tiny .xlsx files whose one shared string fills every cell, in little memory and a small page', async () => {
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    const tooMuchText = 'Lembar ini berisi terlalu banyak teks (maks. 16 MB). Bagi menjadi beberapa berkas.'
    const bombs = [
      // 100 rows × 150 columns of 32,000 characters: 480 million characters read.
      {
        name: 'lebar.xlsx',
        sheet: {
          rows: 100,
          columns: 150,
          length: 32_000,
          header: ['title.id', ...Array.from({ length: 149 }, (_, i) => `x${i}`)],
        },
        message: tooMuchText,
      },
      // 5,000 titles of 32,000 characters: 160 million.
      {
        name: 'judul.xlsx',
        sheet: { rows: 5000, columns: 1, length: 32_000, header: ['title.id'] },
        message: tooMuchText,
      },
      // 300 titles of 32,000 characters: under the reader's limit, over what a preview may carry.
      {
        name: 'sedang.xlsx',
        sheet: { rows: 300, columns: 1, length: 32_000, header: ['title.id'] },
        message: 'Lembar ini berisi terlalu banyak teks (maks. 4 MB). Bagi menjadi beberapa berkas.',
      },
    ]
    await withPage(ADMIN, async (page) => {
      for (const bomb of bombs) {
        const file = await sharedStringBomb(bomb.sheet)
        expect(file.length, bomb.name).toBeLessThan(150_000)
        const answer = await uploadMeasured(page, bomb.name, file, XLSX)
        expect(answer.status, bomb.name).toBe(413)
        expect(answer.bytes, bomb.name).toBeLessThan(200_000)
        await expect(page.locator('.form-error').textContent()).resolves.toBe(bomb.message)
        await expect(page.locator('.import-preview').count()).resolves.toBe(0)
      }
      await page.screenshot({ path: join(artifacts, 'sheets-shared-string-bomb-refused.png'), fullPage: true })
    })
    // The sheets would read as gigabytes of text; the server never came near.
    expect(serverPeakMemory()).toBeGreaterThan(0)
    expect(serverPeakMemory()).toBeLessThan(1024 * 1024 * 1024)
    expect((await httpRequest(server.port, HOST, '/api/health')).status).toBe(200)
  })

  it('previews a CSV of long cells with each cell shortened, in a small page', async () => {
    // Under the upload limit: 60 rows whose titles are too long, the page shows each title shortened.
    const long = 'Judul yang terlalu panjang '.repeat(1200)
    const rows = Array.from({ length: 60 }, (_, i) => ['', `${i} ${long}`, 'Isi', 'general'])
    const sheet = toCsv([['id', 'title.id', 'body.id', 'category'], ...rows])
    await withPage(ADMIN, async (page) => {
      const answer = await uploadMeasured(page, 'panjang.csv', Buffer.from(sheet, 'utf8'), 'text/csv')
      expect(sheet.length).toBeGreaterThan(1_900_000)
      expect(answer.status).toBe(422)
      expect(answer.bytes).toBeLessThan(300_000)
      const label = await page.locator('.import-rows tr[data-line="2"] td').nth(1).textContent()
      const shown = `0 ${long}`.slice(0, 199)
      expect(label).toBe(`${shown}…`)
    })
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
