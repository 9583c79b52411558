import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createUser, hashPassword } from '@cerdas/identity'
import { createPlatform, createTenant, setModuleEnabled } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from './browser'
import { createUmkmItem, economyModule } from './fixtures/economy-module'
import { startFixtureServer } from './fixtures/start-fixture-server'
import { httpRequest, type RunningServer } from './server'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const artifacts = join(repoRoot, 'test-results', 'e2e')
const HOST = 'toba.localhost'
const ADMIN = { email: 'admin@toba.localhost', password: 'kata-sandi-admin-uji' }
const EDITOR = { email: 'editor.jadwal@toba.localhost', name: 'Editor Jadwal', password: 'sandi editor jadwal panjang' }
/** A Monday inside the Ramadan 2027 override (2027-02-08 … 2027-03-09). */
const IN_RAMADAN = '2027-02-15'

let server: RunningServer
let browser: Browser
let dataDir: string
let umkmItemId = ''

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'apps/web/build/server/index.js'))) {
    throw new Error('The web app is not built: run `pnpm --filter @cerdas/web build` (npm test does it).')
  }
  mkdirSync(artifacts, { recursive: true })
  dataDir = mkdtempSync(join(tmpdir(), 'cerdas-schedules-e2e-'))
  const platform = await createPlatform({
    dataDir,
    templatesDir: join(repoRoot, 'templates'),
    platformHost: 'localhost',
    modules: [...modules, economyModule],
  })
  await createTenant(platform, { slug: 'toba', template: 'toba' })
  // The economy module is not in the web build: the server learns it at start-up.
  await setModuleEnabled(platform, 'toba', 'umkm', true)
  const toba = await platform.tenantBySlug('toba')
  if (!toba) throw new Error('tenant toba was not created')
  const db = await platform.tenantDb(toba.record)
  await createUser(
    db,
    {
      email: ADMIN.email,
      name: 'Admin Toba',
      grants: [{ role: 'admin', dimension: null }],
      passwordHash: await hashPassword(ADMIN.password),
    },
    new Date(),
  )
  const ctx = platform.context(toba, db, { actor: { kind: 'system', id: 'e2e' } })
  umkmItemId = (await createUmkmItem(ctx, { name: 'Ulos Balige' })).id
  platform.close()
  server = await startFixtureServer('apps/web/test/fixtures/server-with-economy.ts', { CERDAS_DATA_DIR: dataDir })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

const url = (path: string) => `${server.origin(HOST)}${path}`
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(artifacts, `schedule-${name}.png`), fullPage: true })
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()

async function newContext(javaScriptEnabled: boolean): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled, viewport: { width: 412, height: 900 } })
}

async function logIn(page: Page, email: string, password: string) {
  await page.fill('#f-email', email)
  await page.fill('#f-password', password)
  await page.getByRole('button', { name: 'Masuk' }).click()
}

async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies(url('/'))).map((c) => `${c.name}=${c.value}`).join('; ')
}

async function disdukcapilScheduleId(): Promise<string> {
  const list = await httpRequest(server.port, HOST, '/api/v1/schedules?ownerId=disdukcapil&kind=hours')
  const id = (list.json() as { items: { id: string }[] }).items[0]?.id
  if (!id) throw new Error('no Disdukcapil schedule seeded')
  return id
}

/** The hours cell of a week-table row, by the row's date. */
const hoursOn = (page: Page, scope: string, date: string) =>
  page.locator(`${scope} .week-table tr:has(time[datetime="${date}"]) td`).first().textContent()

describe('schedule editor and its public page', () => {
  let scheduleId = ''

  it('without JavaScript: an invited governance editor sets Ramadan hours; the public page shows them; economy stays closed to them', async () => {
    scheduleId = await disdukcapilScheduleId()
    const adminContext = await newContext(false)
    const editorContext = await newContext(false)
    try {
      // The admin invites an editor of the governance team.
      const admin = await adminContext.newPage()
      await admin.goto(url('/admin/pengguna'))
      await admin.waitForURL(/\/admin\/masuk\?kembali=/)
      await logIn(admin, ADMIN.email, ADMIN.password)
      await admin.waitForURL(url('/admin/pengguna'))
      // The economy module reached the console at run time: the admin sees it.
      await expect(admin.locator('nav.admin-nav a[href^="/admin/data/umkm/"]').count()).resolves.toBe(1)
      await admin.fill('#f-email', EDITOR.email)
      await admin.fill('#f-name', EDITOR.name)
      await admin.selectOption('#f-editor', 'governance')
      await admin.getByRole('button', { name: 'Buat undangan' }).click()
      const link = await admin.inputValue('#one-time-secret')
      expect(link).toMatch(new RegExp(`^${url('/admin/tautan/')}`))

      // The editor sets a password through the link and logs in.
      const editor = await editorContext.newPage()
      await editor.goto(link)
      await editor.fill('#f-password', EDITOR.password)
      await editor.fill('#f-confirm', EDITOR.password)
      await editor.getByRole('button', { name: 'Simpan kata sandi' }).click()
      await editor.waitForURL(/\/admin\/masuk\?sandi=1$/)
      await logIn(editor, EDITOR.email, EDITOR.password)
      await editor.waitForURL(url('/admin'))
      const nav = editor.locator('nav.admin-nav')
      await expect(nav.getByRole('link', { name: 'Jadwal', exact: true }).count()).resolves.toBe(1)
      await expect(nav.getByRole('link', { name: 'Kalender libur' }).count()).resolves.toBe(1)
      await expect(nav.locator('a[href^="/admin/data/umkm/"]').count()).resolves.toBe(0)

      // The generic list sends the schedule to its editor.
      await nav.getByRole('link', { name: 'Jadwal', exact: true }).click()
      await editor.waitForURL(url('/admin/data/schedules/schedule'))
      await editor.getByRole('link', { name: 'Jam layanan Disdukcapil (contoh)' }).click()
      await editor.waitForURL(url(`/admin/jadwal/${scheduleId}`))
      await expect(editor.inputValue('[name="w.fr.0.end"]')).resolves.toBe('11:30')
      await expect(editor.isChecked('[name="w.sa.closed"]')).resolves.toBe(true)

      // Wrong entries: the engine's issues next to the inputs, in Indonesian; nothing stored.
      await editor.locator('summary', { hasText: 'Tambah jam khusus' }).click()
      await editor.fill('[name="o.0.from"]', '2027-02-08')
      await editor.fill('[name="o.0.to"]', '2027-02-01')
      await editor.fill('[name="o.0.reason.id"]', 'Jam Ramadan')
      await editor.fill('[name="o.0.reason.en"]', 'Ramadan hours')
      for (const day of ['mo', 'tu', 'we', 'th']) {
        await editor.fill(`[name="o.0.w.${day}.0.start"]`, '08:00')
        await editor.fill(`[name="o.0.w.${day}.0.end"]`, '14.00')
      }
      await editor.fill('[name="o.0.w.mo.0.end"]', '07:00')
      await editor.fill('[name="o.0.w.fr.0.start"]', '08:00')
      await editor.fill('[name="o.0.w.fr.0.end"]', '11:00')
      await editor.getByRole('button', { name: 'Simpan jadwal' }).click()
      await expect(editor.locator('#s-o-0-to-error').textContent()).resolves.toBe(
        'Tanggal akhir sebelum tanggal mulai.',
      )
      await expect(editor.locator('#s-o-0-w-mo-0-end-error').textContent()).resolves.toMatch(
        /^Jam selesai sebelum jam mulai/,
      )
      await expect(editor.locator('#s-o-0-w-mo-0-end').getAttribute('aria-invalid')).resolves.toBe('true')
      await expect(editor.locator('.error-summary a[href="#s-o-0-to"]').count()).resolves.toBe(1)
      // What was typed stays (Indonesian "14.00" included).
      await expect(editor.inputValue('[name="o.0.w.tu.0.end"]')).resolves.toBe('14.00')
      await shot(editor, 'errors-nojs')
      const stored = await httpRequest(server.port, HOST, `/api/v1/schedules/${scheduleId}`)
      expect(stored.text()).not.toContain('Jam Ramadan')

      // Corrected, previewed for a week inside the range, then saved.
      await editor.fill('[name="o.0.to"]', '2027-03-09')
      await editor.fill('[name="o.0.w.mo.0.end"]', '14:00')
      await editor.fill('#s-_from', IN_RAMADAN)
      await editor.getByRole('button', { name: 'Pratinjau', exact: true }).click()
      await expect(hoursOn(editor, '.schedule-preview', IN_RAMADAN)).resolves.toBe('08:00–14:00')
      await expect(hoursOn(editor, '.schedule-preview', '2027-02-19')).resolves.toBe('08:00–11:00')
      await shot(editor, 'preview-nojs')
      await editor.getByRole('button', { name: 'Simpan jadwal' }).click()
      await expect(editor.locator('.flash').textContent()).resolves.toContain('Perubahan disimpan.')
      await expect(editor.inputValue('[name="o.0.w.tu.0.end"]')).resolves.toBe('14:00')
      await shot(editor, 'editor-nojs')

      // A dimension-team editor verifies the records of their own dimension (announcements are governance).
      const announcements = await httpRequest(server.port, HOST, '/api/v1/announcements?limit=1')
      const announcementId = (announcements.json() as { items: { id: string }[] }).items[0]?.id ?? ''
      await editor.goto(url(`/admin/data/announcements/announcement/${announcementId}`))
      await editor.fill('#f-_source', 'https://tobakab.go.id/')
      await editor.getByRole('button', { name: 'Tandai terverifikasi' }).click()
      await expect(editor.locator('.flash').textContent()).resolves.toContain('Data ditandai terverifikasi.')

      // The public pages show the new hours, the reason, and the announcement's verification date.
      const visitor = await editorContext.newPage()
      await visitor.goto(url(`/jadwal/${scheduleId}?from=${IN_RAMADAN}`))
      await expect(hoursOn(visitor, 'article', IN_RAMADAN)).resolves.toBe('08:00–14:00')
      await expect(
        visitor.locator(`.week-table tr:has(time[datetime="${IN_RAMADAN}"]) td`).nth(1).textContent(),
      ).resolves.toBe('Jam Ramadan')
      await expect(hoursOn(visitor, 'article', '2027-02-19')).resolves.toBe('08:00–11:00')
      await expect(visitor.locator('.special-hours').textContent()).resolves.toContain('Jam Ramadan')
      await expect(visitor.locator('.badge-unverified').count()).resolves.toBe(1)
      const jsonLd = await visitor.locator('script[type="application/ld+json"]').textContent()
      expect(JSON.parse(jsonLd ?? '{}')).toMatchObject({ '@type': 'Place' })
      await shot(visitor, 'public-nojs')
      await visitor.goto(url(`/pengumuman/${announcementId}`))
      await expect(visitor.locator('.badge-verified').textContent()).resolves.toMatch(
        /^Diverifikasi \d{1,2} \w+ \d{4} oleh Editor Jadwal/,
      )

      // The year's holiday calendar links each holiday to its record.
      await admin.goto(url('/admin/jadwal/libur?tahun=2026'))
      await expect(admin.locator('h1').textContent()).resolves.toBe('Kalender hari libur 2026')
      await expect(admin.locator('.month-table').count()).resolves.toBe(12)
      const independence = admin.locator('.holiday-admin-list li[id="2026-08-17"] a')
      await expect(independence.getAttribute('href')).resolves.toMatch(/^\/admin\/data\/schedules\/holiday\/hol_/)
      await shot(admin, 'holidays-nojs')

      // A new schedule for an owner reference, created from its own page.
      await admin.goto(url('/admin/data/schedules/schedule'))
      await admin.getByRole('link', { name: 'Tambah baru' }).click()
      await admin.waitForURL(url('/admin/jadwal/baru'))
      await admin.fill('#s-label-id', 'Jam layanan DLH (uji)')
      await admin.fill('#s-owner-id', 'dlh')
      await admin.fill('[name="w.sa.0.start"]', '08:00')
      await admin.fill('[name="w.sa.0.end"]', '12:00')
      await admin.getByRole('button', { name: 'Buat jadwal' }).click()
      await admin.waitForURL(/\/admin\/jadwal\/sch_/)
      await expect(admin.locator('.flash').textContent()).resolves.toContain('Jadwal dibuat.')
      await expect(admin.locator('code.opening-hours').textContent()).resolves.toBe('Sa 08:00-12:00; PH off')

      // Every save is audited: the editor's change is in the trail.
      await admin.goto(url(`/admin/audit?entitas=schedules.schedule&id=${scheduleId}`))
      const entries = admin.locator('.audit-list > li')
      await expect(entries.count()).resolves.toBe(2)
      await expect(entries.first().locator('summary').textContent()).resolves.toContain(EDITOR.name)

      // The economy dimension stays closed to a governance editor: not listed, GET and POST refused.
      const editorCookie = await cookieHeader(editorContext)
      await editor.goto(url('/admin'))
      const editorCsrf = await editor.locator('input[name="_csrf"]').first().inputValue()
      const list = await httpRequest(server.port, HOST, '/admin/data/umkm/item', { headers: { cookie: editorCookie } })
      expect(list.status).toBe(403)
      const post = await httpRequest(server.port, HOST, `/admin/data/umkm/item/${umkmItemId}`, {
        method: 'POST',
        headers: { cookie: editorCookie, origin: url(''), 'content-type': 'application/x-www-form-urlencoded' },
        body: form({ _csrf: editorCsrf, _intent: 'update', name: 'Diubah editor tata kelola' }),
      })
      expect(post.status).toBe(403)
      await editor.goto(url('/admin/data/umkm/item'))
      await expect(editor.locator('h1').textContent()).resolves.toBe('Akses ditolak')
      await shot(editor, 'economy-forbidden-nojs')
      const adminCookie = await cookieHeader(adminContext)
      const asAdmin = await httpRequest(server.port, HOST, '/admin/data/umkm/item', {
        headers: { cookie: adminCookie },
      })
      expect(asAdmin.status).toBe(200)
      expect(asAdmin.text()).toContain('Ulos Balige')
    } finally {
      await adminContext.close()
      await editorContext.close()
    }
  })

  it('with JavaScript: the preview follows edits live and the save works the same', async () => {
    const context = await newContext(true)
    try {
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text())
      })
      await page.goto(url(`/admin/jadwal/${scheduleId}?from=${IN_RAMADAN}`))
      await logIn(page, EDITOR.email, EDITOR.password)
      await page.waitForURL(url(`/admin/jadwal/${scheduleId}?from=${IN_RAMADAN}`))
      await page.waitForFunction(() => '__reactRouterVersion' in window || '__remixContext' in window)
      await expect(hoursOn(page, '.schedule-preview', '2027-02-19')).resolves.toBe('08:00–11:00')
      // No button pressed: the preview follows the typing.
      await page.fill('[name="o.0.w.fr.0.end"]', '11:30')
      await page.locator('.schedule-preview', { hasText: 'belum disimpan' }).waitFor()
      await expect(hoursOn(page, '.schedule-preview', '2027-02-19')).resolves.toBe('08:00–11:30')
      await shot(page, 'preview-js')
      await page.getByRole('button', { name: 'Simpan jadwal' }).click()
      await page.locator('.flash', { hasText: 'Perubahan disimpan.' }).waitFor()
      const week = await httpRequest(server.port, HOST, `/api/v1/schedules/${scheduleId}/week?from=${IN_RAMADAN}`)
      const friday = (week.json() as { days: { date: string; intervals: { end: string }[] }[] }).days[4]
      expect(friday?.intervals.map((iv) => iv.end)).toEqual(['11:30'])
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })
})
