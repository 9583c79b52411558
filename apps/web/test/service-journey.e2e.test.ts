import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from './browser'
import { httpRequest, type RunningServer, startServer } from './server'
import { prepareTobaDataDir } from './toba-fixture'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const artifacts = join(repoRoot, 'test-results', 'e2e')
const HOST = 'toba.localhost'
const EDITOR = { email: 'tata-kelola@toba.localhost', password: 'sandi editor tata kelola', name: 'Editor Tata Kelola' }
const KTP = '/layanan/ktp-el-baru'

let server: RunningServer
let browser: Browser
let dataDir: string

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('journey', [{ ...EDITOR, grants: [{ role: 'editor', dimension: 'governance' }] }])
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

const url = (path: string) => `${server.origin(HOST)}${path}`
const api = <T>(path: string) => httpRequest(server.port, HOST, path).then((r) => r.json() as T)
const hoursOn = (page: Page, date: string) =>
  page.locator(`.service-when .week-table tr:has(time[datetime="${date}"]) td`).first().textContent()

async function withContext<T>(javaScriptEnabled: boolean, run: (context: BrowserContext) => Promise<T>) {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 412, height: 900 } })
  try {
    return await run(context)
  } finally {
    await context.close()
  }
}

describe('service and office pages as sent', () => {
  it('are whole UTF-8 documents without NUL bytes (React 18 can leave some at a buffer edge)', async () => {
    const paths = ['/', '/layanan', '/direktori', '/direktori/buka-sekarang', '/cari?q=ktp']
    const services = await api<{ items: { slug: string }[] }>('/api/v1/services?limit=50')
    for (const s of services.items) paths.push(`/layanan/${s.slug}`, `/layanan/${s.slug}/cetak`)
    const offices = await api<{ items: { slug: string }[] }>('/api/v1/directory/offices?limit=50')
    for (const o of offices.items) paths.push(`/direktori/${o.slug}`)
    for (const path of paths) {
      const page = await httpRequest(server.port, HOST, path)
      expect({ path, status: page.status, nul: page.body.includes(0) }).toEqual({ path, status: 200, nul: false })
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    }
    expect(paths.length).toBeGreaterThan(25)
  })
})

const RAMADAN_2027 = { from: '2027-02-08', to: '2027-03-09', monday: '2027-02-15', friday: '2027-02-19' }

/**
 * Journey 1 of the regency: a resident asks "Mau urus apa?" and gets one screen that answers it;
 * the governance team sets the Ramadan hours and confirms the service; the public page follows.
 * Each run saves its own closing time, so it proves its own save whichever run came first.
 */
describe.each([
  { javaScriptEnabled: false, closes: '14:00' },
  { javaScriptEnabled: true, closes: '13:30' },
])('the "Mau urus apa?" journey (JavaScript $javaScriptEnabled)', ({ javaScriptEnabled, closes }) => {
  const ramadan = RAMADAN_2027
  const tag = javaScriptEnabled ? 'js' : 'nojs'
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(artifacts, `journey-${name}-${tag}.png`), fullPage: true })

  it('a resident searches "ktp" from the home page and the service page answers where, when and what to bring', async () => {
    await withContext(javaScriptEnabled, async (context) => {
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      await page.goto(url('/'))
      await expect(page.locator('label[for="q"]').textContent()).resolves.toBe('Mau urus apa?')
      await page.fill('#q', 'ktp')
      await page.press('#q', 'Enter')
      await page.waitForURL(url('/cari?q=ktp'))
      const first = page.locator('.results > li').first()
      await expect(first.locator('a').first().textContent()).resolves.toBe('KTP elektronik (KTP-el) baru')
      await expect(first.locator('.badge').textContent()).resolves.toBe('Layanan publik')
      await expect(first.locator('mark').first().textContent()).resolves.toMatch(/^ktp$/i)
      await shot(page, 'search')

      await first.locator('a').first().click()
      await page.waitForURL(url(KTP))
      await expect(page.locator('h1').textContent()).resolves.toBe('KTP elektronik (KTP-el) baru')
      await expect(page.locator('.service-office a').textContent()).resolves.toBe(
        'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Toba',
      )
      await expect(page.locator('.service-unit').textContent()).resolves.toContain(
        'Bidang Pelayanan Pendaftaran Penduduk',
      )
      await expect(page.locator('.service-requirements .checklist > li').first().textContent()).resolves.toContain(
        'Kartu Keluarga (KK)',
      )
      // Open now or not, as the API says at the same moment (the server's real clock).
      const detail = await api<{ openNow: boolean | null }>(`/api/v1/services/ktp-el-baru`)
      await expect(page.locator('.service-open-now .open-status').textContent()).resolves.toMatch(
        detail.openNow ? /^Buka/ : /^(Tutup|Istirahat)/,
      )
      await expect(page.locator('.service-presence li').first().textContent()).resolves.toMatch(
        /^Petugas perekaman KTP-el (hadir|tidak hadir)/,
      )
      await expect(page.locator('.service-fee strong').textContent()).resolves.toBe('Gratis')
      await expect(page.locator('.service-time strong').textContent()).resolves.toBe('1 hari kerja')
      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}')
      expect(jsonLd).toMatchObject({ '@type': 'GovernmentService', provider: { '@type': 'GovernmentOrganization' } })
      expect(jsonLd.availableChannel[0].serviceLocation.openingHoursSpecification.length).toBeGreaterThan(0)
      // Public pages ship no JavaScript, with the browser's JavaScript on or off.
      await expect(page.locator('script:not([type="application/ld+json"])').count()).resolves.toBe(0)
      await shot(page, 'service')

      // The printable checklist and the office page are one link away.
      await page.getByRole('link', { name: 'Daftar periksa siap cetak' }).click()
      await page.waitForURL(url(`${KTP}/cetak`))
      await expect(page.locator('.checklist > li').count()).resolves.toBeGreaterThan(0)
      await page.emulateMedia({ media: 'print' })
      await shot(page, 'checklist-print')
      await page.emulateMedia({ media: 'screen' })
      await page.goto(url('/direktori/disdukcapil'))
      await expect(page.locator('#section-services li').count()).resolves.toBe(11)
      await expect(page.locator('.unit-tree').first().textContent()).resolves.toContain(
        'Bidang Pelayanan Pencatatan Sipil',
      )
      await shot(page, 'office')
      expect(errors).toEqual([])
    })
  })

  it('the governance editor sets Ramadan hours and verifies KTP-el; the service page shows both', async () => {
    const hours = await api<{ items: { id: string }[] }>('/api/v1/schedules?ownerId=disdukcapil&kind=hours')
    const scheduleId = hours.items[0]?.id
    const service = await api<{ service: { id: string } }>('/api/v1/services/ktp-el-baru')
    expect(scheduleId).toMatch(/^sch_/)

    await withContext(javaScriptEnabled, async (context) => {
      const editor = await context.newPage()
      await editor.goto(url(`/admin/jadwal/${scheduleId}`))
      await editor.waitForURL(/\/admin\/masuk\?kembali=/)
      await editor.fill('#f-email', EDITOR.email)
      await editor.fill('#f-password', EDITOR.password)
      await editor.getByRole('button', { name: 'Masuk' }).click()
      await editor.waitForURL(url(`/admin/jadwal/${scheduleId}`))
      if (javaScriptEnabled)
        await editor.waitForFunction(() => '__reactRouterVersion' in window || '__remixContext' in window)

      // The Ramadan hours are the first special hours: added under "Tambah jam khusus", or edited
      // when the other run of this journey added them already (the empty row comes after them).
      if ((await editor.locator('[name^="o."][name$=".from"]').count()) === 1)
        await editor.locator('summary', { hasText: 'Tambah jam khusus' }).click()
      await editor.fill('[name="o.0.from"]', ramadan.from)
      await editor.fill('[name="o.0.to"]', ramadan.to)
      await editor.fill('[name="o.0.reason.id"]', 'Jam Ramadan')
      await editor.fill('[name="o.0.reason.en"]', 'Ramadan hours')
      for (const day of ['mo', 'tu', 'we', 'th']) {
        await editor.fill(`[name="o.0.w.${day}.0.start"]`, '08:00')
        await editor.fill(`[name="o.0.w.${day}.0.end"]`, closes)
      }
      await editor.fill('[name="o.0.w.fr.0.start"]', '08:00')
      await editor.fill('[name="o.0.w.fr.0.end"]', '11:00')
      await editor.getByRole('button', { name: 'Simpan jadwal' }).click()
      await editor.locator('.flash', { hasText: 'Perubahan disimpan.' }).waitFor()
      await shot(editor, 'ramadan-saved')

      await editor.goto(url(`/admin/data/services/service/${service.service.id}`))
      await editor.fill('#f-_source', 'https://tobakab.go.id/')
      await editor.getByRole('button', { name: 'Tandai terverifikasi' }).click()
      await editor.locator('.flash', { hasText: 'Data ditandai terverifikasi.' }).waitFor()

      const visitor = await context.newPage()
      await visitor.goto(url(`${KTP}?from=${ramadan.monday}`))
      await expect(hoursOn(visitor, ramadan.monday)).resolves.toBe(`08:00–${closes}`)
      await expect(hoursOn(visitor, ramadan.friday)).resolves.toBe('08:00–11:00')
      await expect(visitor.locator('.service-when .special-hours').textContent()).resolves.toContain('Jam Ramadan')
      await expect(visitor.locator('.badge-verified').first().textContent()).resolves.toMatch(
        /^Diverifikasi \d{1,2} \w+ \d{4} oleh Editor Tata Kelola/,
      )
      await expect(visitor.locator('.notice').count()).resolves.toBe(0)
      const jsonLd = JSON.parse((await visitor.locator('script[type="application/ld+json"]').textContent()) ?? '{}')
      const special = jsonLd.availableChannel[0].serviceLocation.specialOpeningHoursSpecification as {
        validFrom: string
        closes: string
      }[]
      expect(special.some((s) => s.validFrom === ramadan.from && s.closes === closes)).toBe(true)
      await shot(visitor, 'service-ramadan')
    })
  })
})
