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
const ADMIN = { email: 'admin@toba.localhost', password: 'kata-sandi-admin-uji' }
const EDITOR = { email: 'editor@toba.localhost', password: 'kata-sandi-editor-uji' }

let server: RunningServer
let browser: Browser
let dataDir: string

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('settings', [
    { ...ADMIN, grants: [{ role: 'admin', dimension: null }] },
    { ...EDITOR, grants: [{ role: 'editor', dimension: null }] },
  ])
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

const url = (path: string) => `${server.origin(HOST)}${path}`

async function withPage<T>(run: (page: Page, context: BrowserContext) => Promise<T>) {
  // Without JavaScript: every settings form must work as plain HTML.
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 412, height: 900 } })
  try {
    return await run(await context.newPage(), context)
  } finally {
    await context.close()
  }
}

async function logIn(page: Page, who: { email: string; password: string }, path: string) {
  await page.goto(url(path))
  await page.waitForURL(/\/admin\/masuk\?kembali=/)
  await page.fill('#f-email', who.email)
  await page.fill('#f-password', who.password)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await page.waitForURL(url(path))
}

async function tenantProfile() {
  return (await httpRequest(server.port, HOST, '/api/v1/tenant')).json() as {
    name: string
    branding: { primaryColor: string }
  }
}

/**
 * The home page until it shows what `ready` waits for. The console writes through
 * the control plane; the serving process reads tenants through a host cache of
 * at most 5 s (as every app node behind a load balancer does), unless its
 * platform is in the load context, in which case the first load already shows it.
 */
async function homeUntil(page: Page, ready: () => Promise<boolean>) {
  const deadline = Date.now() + 10_000
  for (;;) {
    await page.goto(url('/'))
    if (await ready()) return
    if (Date.now() > deadline) throw new Error('the home page never showed the change')
    await page.waitForTimeout(500)
  }
}

describe('tenant settings (JavaScript disabled)', () => {
  it('refuses an invalid colour with a field error and saves nothing', async () => {
    await withPage(async (page) => {
      await logIn(page, ADMIN, '/admin/pengaturan')
      await expect(page.locator('h1').textContent()).resolves.toBe('Pengaturan')
      await expect(page.inputValue('#f-name')).resolves.toBe('Kabupaten Toba')
      await page.screenshot({ path: join(artifacts, 'settings-page.png'), fullPage: true })

      await page.fill('#f-name', 'Nama Tidak Tersimpan')
      await page.fill('#f-primaryColor', 'merah')
      await page.getByRole('button', { name: 'Simpan profil dan bahasa' }).click()
      await expect(page.locator('#f-primaryColor-error').textContent()).resolves.toBe('Masukkan warna seperti #0b5d7a.')
      await expect(page.locator('#f-primaryColor').getAttribute('aria-invalid')).resolves.toBe('true')
      await expect(page.locator('.error-summary a[href="#f-primaryColor"]').count()).resolves.toBe(1)
      // What was typed stays in the form.
      await expect(page.inputValue('#f-name')).resolves.toBe('Nama Tidak Tersimpan')
      await page.screenshot({ path: join(artifacts, 'settings-invalid-colour.png'), fullPage: true })
    })
    const profile = await tenantProfile()
    expect(profile.name).toBe('Kabupaten Toba')
    expect(profile.branding.primaryColor).toBe('#0b5d7a')
  })

  it("refuses another tenant's SMTP password variable and an internal host with field errors, saving nothing", async () => {
    const field = (name: string) => `#f-mail-${name}`
    await withPage(async (page) => {
      await logIn(page, ADMIN, '/admin/pengaturan')
      await page.check(field('enabled'))
      await page.fill(field('host'), '169.254.169.254')
      await page.fill(field('port'), '587')
      await page.fill(field('user'), 'no-reply@tobakab.go.id')
      await page.fill(field('passwordEnv'), 'CERDAS_SMTP_SAMOSIR_PASSWORD')
      await page.fill(field('from'), 'Diskominfo Toba <no-reply@tobakab.go.id>')
      await page.getByRole('button', { name: 'Simpan pengaturan email' }).click()
      await expect(page.locator('#f-mail-passwordEnv-error').textContent()).resolves.toBe(
        'Kata sandi SMTP hanya dapat diambil dari variabel situs ini sendiri: CERDAS_SMTP_TOBA_PASSWORD.',
      )
      await expect(page.locator('#f-mail-host-error').textContent()).resolves.toContain(
        'Alamat ini berada di jaringan internal dan tidak diizinkan.',
      )
      await page.goto(url('/admin/pengaturan'))
      await expect(page.inputValue(field('host'))).resolves.toBe('')
      await expect(page.inputValue(field('passwordEnv'))).resolves.toBe('')
    })
  })

  it('changes the name and primary colour; the public home page shows them', async () => {
    await withPage(async (page) => {
      await logIn(page, ADMIN, '/admin/pengaturan')
      await page.fill('#f-name', 'Kabupaten Toba Uji')
      await page.fill('#f-primaryColor', '#7a1f0b')
      await page.getByRole('button', { name: 'Simpan profil dan bahasa' }).click()
      await page.waitForURL(url('/admin/pengaturan'))
      await expect(page.locator('.flash').textContent()).resolves.toContain('Profil dan bahasa disimpan.')
      // The form reads the control plane, not a cache: the saved values at once.
      await expect(page.inputValue('#f-name')).resolves.toBe('Kabupaten Toba Uji')
      await expect(page.inputValue('#f-primaryColor')).resolves.toBe('#7a1f0b')
      await page.screenshot({ path: join(artifacts, 'settings-saved.png'), fullPage: true })

      await homeUntil(page, async () => (await page.locator('h1').textContent()) === 'Kabupaten Toba Uji')
      await expect(page.locator('html').getAttribute('style')).resolves.toMatch(/--brand:\s*#7a1f0b/)
      await page.screenshot({ path: join(artifacts, 'settings-home-branding.png'), fullPage: true })
    })
    expect((await tenantProfile()).branding.primaryColor).toBe('#7a1f0b')
  })

  it('a module setting from its schema: announcements homeCount = 1 shows one on the home page', async () => {
    await withPage(async (page) => {
      await page.goto(url('/'))
      await expect(page.locator('#home-announcements li').count()).resolves.toBe(3)

      await logIn(page, ADMIN, '/admin/pengaturan')
      const input = page.locator('#f-announcements-homeCount')
      await expect(input.getAttribute('type')).resolves.toBe('number')
      await expect(input.getAttribute('min')).resolves.toBe('0')
      await expect(input.getAttribute('max')).resolves.toBe('10')
      await expect(page.inputValue('#f-announcements-homeCount')).resolves.toBe('3')

      // Out of the schema's range: a field error, nothing saved.
      await input.fill('11')
      await page.getByRole('button', { name: 'Simpan pengaturan Pengumuman' }).click()
      await expect(page.locator('#f-announcements-homeCount-error').textContent()).resolves.toBe('Maksimal 10.')
      await page.screenshot({ path: join(artifacts, 'settings-module-invalid.png'), fullPage: true })

      await page.fill('#f-announcements-homeCount', '1')
      await page.getByRole('button', { name: 'Simpan pengaturan Pengumuman' }).click()
      await page.waitForURL(url('/admin/pengaturan'))
      await expect(page.locator('.flash').textContent()).resolves.toContain('Pengaturan Pengumuman disimpan.')
      await expect(page.inputValue('#f-announcements-homeCount')).resolves.toBe('1')

      await homeUntil(page, async () => (await page.locator('#home-announcements li').count()) === 1)
      await expect(page.locator('#home-announcements li').count()).resolves.toBe(1)
      await page.screenshot({ path: join(artifacts, 'settings-home-one-announcement.png'), fullPage: true })
    })
  })

  it('an editor may not open the settings', async () => {
    await withPage(async (page) => {
      await logIn(page, EDITOR, '/admin')
      await expect(page.locator('.admin-nav a[href="/admin/pengaturan"]').count()).resolves.toBe(0)
      const response = await page.goto(url('/admin/pengaturan'))
      expect(response?.status()).toBe(403)
      await expect(page.locator('h1').textContent()).resolves.toBe('Akses ditolak')
    })
  })
})
