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

let server: RunningServer
let browser: Browser
let dataDir: string

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('admin', [
    { ...ADMIN, name: 'Admin Toba', grants: [{ role: 'admin', dimension: null }] },
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

async function withContext<T>(javaScriptEnabled: boolean, run: (context: BrowserContext) => Promise<T>) {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 412, height: 900 } })
  try {
    return await run(context)
  } finally {
    await context.close()
  }
}

async function logIn(page: Page, email: string, password: string) {
  await page.fill('#f-email', email)
  await page.fill('#f-password', password)
  await page.getByRole('button', { name: 'Masuk' }).click()
}

/** The cookie header of a browser context, for requests made outside the browser. */
async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies(url('/'))).map((c) => `${c.name}=${c.value}`).join('; ')
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()

describe.each([{ javaScriptEnabled: false }, { javaScriptEnabled: true }])(
  'admin console (JavaScript %o)',
  ({ javaScriptEnabled }) => {
    const tag = javaScriptEnabled ? 'js' : 'nojs'
    const marker = `uji-${tag}-${Date.now()}`
    const editorEmail = `editor-${tag}@toba.localhost`
    const editorPassword = `sandi editor ${tag} panjang`
    let announcementId = ''

    it('logs in, creates and verifies an announcement, invites an editor who edits it', async () => {
      await withContext(javaScriptEnabled, async (context) => {
        const page = await context.newPage()
        const consoleErrors: string[] = []
        page.on('console', (m) => {
          // Answers such as 401 (wrong password) and 422 (invalid form) are meant; script errors are not.
          if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) consoleErrors.push(m.text())
        })
        page.on('pageerror', (e) => consoleErrors.push(e.message))

        // Login: the console sends an anonymous visitor to the login page and back.
        await page.goto(url('/admin/data/announcements/announcement'))
        await page.waitForURL(/\/admin\/masuk\?kembali=/)
        await logIn(page, ADMIN.email, 'bukan kata sandinya')
        await expect(page.locator('.form-error').textContent()).resolves.toBe('Email atau kata sandi salah.')
        await page.screenshot({ path: join(artifacts, `admin-login-${tag}.png`), fullPage: true })
        await logIn(page, ADMIN.email, ADMIN.password)
        await page.waitForURL(url('/admin/data/announcements/announcement'))
        if (javaScriptEnabled) {
          // The console hydrates: Remix's client runtime is running on the page.
          await page.waitForFunction(() => '__reactRouterVersion' in window || '__remixContext' in window)
        }
        await page.getByRole('link', { name: 'Dasbor' }).click()
        await page.waitForURL(url('/admin'))
        // With JavaScript the address changes a moment before the new page renders.
        await page.locator('h1', { hasText: 'Dasbor' }).waitFor()
        await expect(page.locator('h1').textContent()).resolves.toBe('Dasbor')
        await expect(page.locator('.admin-user').textContent()).resolves.toContain('Admin Toba')
        await expect(
          page.locator('tr[data-entity="announcements.announcement"] td').first().textContent(),
        ).resolves.toMatch(/^\d+$/)
        await page.screenshot({ path: join(artifacts, `admin-dashboard-${tag}.png`), fullPage: true })

        // A missing required field: a message next to it, a summary on top, nothing stored.
        await page.goto(url('/admin/data/announcements/announcement/baru'))
        await page.fill('#f-body-id', `Isi ${marker}`)
        await page.selectOption('#f-category', 'service')
        await page.fill('#f-publishAt', '2026-01-05T08:30')
        await page.getByRole('button', { name: 'Simpan' }).click()
        await expect(page.locator('#f-title-id-error').textContent()).resolves.toBe('Wajib diisi.')
        await expect(page.locator('#f-title-id').getAttribute('aria-invalid')).resolves.toBe('true')
        await expect(page.locator('#f-title-id').getAttribute('aria-describedby')).resolves.toContain(
          'f-title-id-error',
        )
        await expect(page.locator('.error-summary a[href="#f-title-id"]').count()).resolves.toBe(1)
        await expect(page.inputValue('#f-body-id')).resolves.toBe(`Isi ${marker}`)
        await expect(page.inputValue('#f-publishAt')).resolves.toBe('2026-01-05T08:30')
        await page.screenshot({ path: join(artifacts, `admin-form-error-${tag}.png`), fullPage: true })
        const list = await httpRequest(server.port, HOST, '/api/v1/announcements?limit=100')
        expect(list.text()).not.toContain(marker)

        // Valid: stored and listed.
        await page.fill('#f-title-id', `Judul ${marker}`)
        await page.getByRole('button', { name: 'Simpan' }).click()
        await page.waitForURL(url('/admin/data/announcements/announcement'))
        await expect(page.locator('.flash').textContent()).resolves.toContain('Data disimpan.')
        const row = page.locator('tr', { hasText: `Judul ${marker}` })
        await expect(row.locator('.badge-unverified').count()).resolves.toBe(1)
        announcementId = (await row.getAttribute('data-id')) ?? ''
        expect(announcementId).toMatch(/^ann_/)
        await page.screenshot({ path: join(artifacts, `admin-list-${tag}.png`), fullPage: true })

        // The datetime was read as Toba's wall clock (WIB, +07:00).
        await row.getByRole('link').click()
        await page.waitForURL(url(`/admin/data/announcements/announcement/${announcementId}`))
        await expect(page.inputValue('#f-publishAt')).resolves.toBe('2026-01-05T08:30')

        // Verify with a source; the public page says so.
        await page.fill('#f-_source', 'https://tobakab.go.id/')
        await page.getByRole('button', { name: 'Tandai terverifikasi' }).click()
        await expect(page.locator('.flash').textContent()).resolves.toContain('Data ditandai terverifikasi.')
        await page.goto(url(`/pengumuman/${announcementId}`))
        await expect(page.locator('.badge-verified').textContent()).resolves.toMatch(/^Diverifikasi .* oleh Admin Toba/)

        // Invite an editor of the governance team; the one-time link shows on the next page.
        await page.goto(url('/admin/pengguna'))
        await page.fill('#f-email', editorEmail)
        await page.fill('#f-name', `Editor ${tag}`)
        await page.selectOption('#f-editor', 'governance')
        await page.getByRole('button', { name: 'Buat undangan' }).click()
        await expect(page.locator('.flash .secret h2').textContent()).resolves.toBe(
          `Tautan undangan untuk Editor ${tag}`,
        )
        const link = await page.inputValue('#one-time-secret')
        expect(link).toMatch(new RegExp(`^${url('/admin/tautan/')}[\\w-]{20,}$`))
        await page.screenshot({ path: join(artifacts, `admin-users-invite-${tag}.png`), fullPage: true })
        // Shown once: a reload does not show it again.
        await page.reload()
        expect(await page.locator('#one-time-secret').count()).toBe(0)
        await expect(page.locator(`li[data-email="${editorEmail}"] .status`).textContent()).resolves.toBe(
          'Menunggu kata sandi',
        )

        // The audit trail holds every change, with an intact chain and a diff.
        await page.goto(url(`/admin/audit?entitas=announcements.announcement&id=${announcementId}`))
        await expect(page.locator('.chain-ok').count()).resolves.toBe(1)
        const entries = page.locator('.audit-list > li')
        expect(await entries.count()).toBe(2)
        await entries.first().locator('summary').click()
        await expect(entries.first().locator('tr.changed th').first().isVisible()).resolves.toBe(true)
        await expect(
          entries.first().locator('tr.changed', { hasText: 'verification.verifiedBy' }).count(),
        ).resolves.toBe(1)
        await page.screenshot({ path: join(artifacts, `admin-audit-${tag}.png`), fullPage: true })

        // The editor, in a browser of their own, chooses a password and logs in.
        await withContext(javaScriptEnabled, async (editorContext) => {
          const editor = await editorContext.newPage()
          await editor.goto(link)
          await expect(editor.locator('h1').textContent()).resolves.toBe(`Selamat datang, Editor ${tag}`)
          await editor.fill('#f-password', 'pendek')
          await editor.fill('#f-confirm', 'pendek')
          await editor.getByRole('button', { name: 'Simpan kata sandi' }).click()
          await expect(editor.locator('#f-password-error').textContent()).resolves.toBe('Minimal 10 karakter.')
          await editor.fill('#f-password', editorPassword)
          await editor.fill('#f-confirm', editorPassword)
          await editor.getByRole('button', { name: 'Simpan kata sandi' }).click()
          await editor.waitForURL(/\/admin\/masuk\?sandi=1$/)
          await logIn(editor, editorEmail, editorPassword)
          await editor.waitForURL(url('/admin'))
          const nav = editor.locator('nav.admin-nav')
          await expect(nav.getByRole('link', { name: 'Pengumuman' }).count()).resolves.toBe(1)
          for (const name of ['Pengguna', 'Token API', 'Jejak audit']) {
            expect(await nav.getByRole('link', { name }).count()).toBe(0)
          }
          await editor.screenshot({ path: join(artifacts, `admin-editor-${tag}.png`), fullPage: true })

          // Editors of governance edit announcements.
          await editor.goto(url(`/admin/data/announcements/announcement/${announcementId}`))
          await editor.fill('#f-title-id', `Judul ${marker} (diubah)`)
          await editor.getByRole('button', { name: 'Simpan', exact: true }).click()
          await expect(editor.locator('.flash').textContent()).resolves.toContain('Perubahan disimpan.')
          await expect(editor.locator('h1').textContent()).resolves.toBe(`Judul ${marker} (diubah)`)

          // A forged request to the users screen, with the editor's session and form token: refused.
          const csrf = await editor.locator('input[name="_csrf"]').first().inputValue()
          const cookie = await cookieHeader(editorContext)
          const forged = await httpRequest(server.port, HOST, '/admin/pengguna', {
            method: 'POST',
            headers: {
              cookie,
              origin: url(''),
              'content-type': 'application/x-www-form-urlencoded',
            },
            body: form({ _csrf: csrf, _intent: 'invite', email: 'x@toba.localhost', name: 'X', roles: 'admin' }),
          })
          expect(forged.status).toBe(403)
          expect(forged.text()).toContain('Akses ditolak')
          const users = await httpRequest(server.port, HOST, '/admin/pengguna', { headers: { cookie } })
          expect(users.status).toBe(403)

          // Logout ends the session: back and reload show the login page, the old cookie is dead.
          await editor.getByRole('button', { name: 'Keluar' }).click()
          await editor.waitForURL(/\/admin\/masuk\?keluar=1$/)
          await expect(editor.locator('.flash').textContent()).resolves.toBe('Anda sudah keluar.')
          await editor.goBack()
          await editor.waitForURL(/\/admin\/masuk/)
          await expect(editor.locator('h1').textContent()).resolves.toBe('Masuk ke konsol admin')
          await editor.reload()
          await expect(editor.locator('h1').textContent()).resolves.toBe('Masuk ke konsol admin')
          const stale = await httpRequest(server.port, HOST, '/admin', { headers: { cookie } })
          expect(stale.status).toBe(302)
          expect(stale.headers.location).toMatch(/^\/admin\/masuk\?kembali=/)
        })
        // No script errors and no hydration mismatches on any console page.
        expect(consoleErrors).toEqual([])
      })
    })
  },
)

describe('admin forms and sessions', () => {
  async function adminSession(): Promise<{ cookie: string; csrf: string }> {
    const login = await httpRequest(server.port, HOST, '/admin/masuk', {
      method: 'POST',
      headers: { origin: url(''), 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ email: ADMIN.email, password: ADMIN.password, kembali: '/admin' }),
    })
    expect(login.status).toBe(302)
    const setCookie = [login.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('cerdas_session='))
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Lax/)
    expect(setCookie).toMatch(/Path=\//)
    const cookie = (setCookie as string).split(';')[0] as string
    const page = await httpRequest(server.port, HOST, '/admin/token', { headers: { cookie } })
    expect(page.status).toBe(200)
    expect(page.headers['cache-control']).toBe('no-store')
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text())?.[1] ?? ''
    expect(csrf.length).toBeGreaterThan(20)
    return { cookie, csrf }
  }

  it('refuses a cross-site form POST and a wrong form token, and stores nothing', async () => {
    const { cookie, csrf } = await adminSession()
    const post = (origin: string, token: string, name: string) =>
      httpRequest(server.port, HOST, '/admin/token', {
        method: 'POST',
        headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: form({ _csrf: token, _intent: 'create', name, roles: 'admin' }),
      })
    const crossSite = await post('http://evil.example', csrf, 'token-dari-situs-lain')
    expect(crossSite.status).toBe(403)
    const wrongToken = await post(url(''), `${csrf.slice(0, -2)}xx`, 'token-tanpa-csrf')
    expect(wrongToken.status).toBe(403)
    expect(wrongToken.text()).toContain('Formulir tidak dapat diterima')
    const missingToken = await post(url(''), '', 'token-tanpa-csrf')
    expect(missingToken.status).toBe(403)
    // The right token from the same site works, and the secret is shown once on the next page.
    const ok = await post(url(''), csrf, 'token-sah')
    expect(ok.status).toBe(302)
    const flash = [ok.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('cerdas_flash='))
    const next = await httpRequest(server.port, HOST, '/admin/token', {
      headers: { cookie: `${cookie}; ${(flash as string).split(';')[0]}` },
    })
    expect(next.text()).toMatch(/cerdas_[\w-]{30,}/)
    const tokens = await httpRequest(server.port, HOST, '/admin/token', { headers: { cookie } })
    expect(tokens.text()).toContain('token-sah')
    expect(tokens.text()).not.toContain('token-dari-situs-lain')
    expect(tokens.text()).not.toContain('token-tanpa-csrf')
    expect(tokens.text()).not.toMatch(/cerdas_[\w-]{30,}/)
  })

  it('rotates the session at login and ends the old one', async () => {
    const first = await adminSession()
    const login = await httpRequest(server.port, HOST, '/admin/masuk', {
      method: 'POST',
      headers: { cookie: first.cookie, origin: url(''), 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ email: ADMIN.email, password: ADMIN.password }),
    })
    // Already signed in: the login page sends the person on; a new login still gets a new id.
    expect(login.status).toBe(302)
    const second = [login.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('cerdas_session='))
    expect(second?.split(';')[0]).not.toBe(first.cookie)
    const old = await httpRequest(server.port, HOST, '/admin', { headers: { cookie: first.cookie } })
    expect(old.status).toBe(302)
  })

  it('says "terlalu banyak percobaan" after repeated wrong passwords', async () => {
    let last = ''
    let status = 0
    for (let attempt = 0; attempt < 8 && status !== 429; attempt++) {
      const response = await httpRequest(server.port, HOST, '/admin/masuk', {
        method: 'POST',
        headers: { origin: url(''), 'content-type': 'application/x-www-form-urlencoded' },
        body: form({ email: 'tidak-ada@toba.localhost', password: 'salah-salah-salah' }),
      })
      status = response.status
      last = response.text()
      if (status !== 429) expect(status).toBe(401)
    }
    expect(status).toBe(429)
    expect(last).toContain('Terlalu banyak percobaan masuk')
  })
})
