import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from './browser'
import { httpRequest, type RunningServer, startServer } from './server'

/**
 * `npm start` on a fresh machine: the preparation step (apps/web/server/prepare.ts) creates the data
 * directory, Toba and the demo admin; the server then runs on it. Checked: nothing secret in the
 * output, nothing readable by other users, and the demo admin's password replaced at first login.
 */

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const HOST = 'toba.localhost'
const NEW_PASSWORD = 'kata sandi pilihan admin sendiri'

let base: string
let dataDir: string
let prepareOutput = ''
let demo: { email: string; password: string }
let server: RunningServer
let browser: Browser

function run(script: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(repoRoot, 'node_modules/.bin/tsx'), [script, ...args], {
      cwd: repoRoot,
      env: { ...process.env, CERDAS_DATA_DIR: dataDir, CERDAS_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, output }))
  })
}

/** Every file and directory below `dir` whose mode lets group or others in, with its mode. */
function openToOthers(dir: string): string[] {
  const found: string[] = []
  const visit = (path: string) => {
    const stat = statSync(path)
    if (stat.mode & 0o077) found.push(`${path} ${(stat.mode & 0o777).toString(8)}`)
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name))
  }
  visit(dir)
  return found
}

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8)

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'cerdas-first-start-'))
  dataDir = join(base, 'data')
  const prepared = await run('apps/web/server/prepare.ts', [])
  prepareOutput = prepared.output
  if (prepared.code !== 0) throw new Error(`prepare failed:\n${prepared.output}`)
  const line = /^Demo admin: (\S+) \/ (\S+)$/m.exec(readFileSync(join(dataDir, 'demo-admin.txt'), 'utf8'))
  if (!line) throw new Error('no demo login in demo-admin.txt')
  demo = { email: line[1] as string, password: line[2] as string }
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (base) rmSync(base, { recursive: true, force: true })
})

describe('the first start', () => {
  it('says where the demo password is, never the password itself', () => {
    expect(prepareOutput).not.toContain(demo.password)
    expect(prepareOutput).toContain(join(dataDir, 'demo-admin.txt'))
    expect(prepareOutput).toContain(demo.email)
  })

  it('creates the data directory 0700 and its files 0600', () => {
    expect(mode(dataDir)).toBe('700')
    expect(mode(join(dataDir, 'tenants'))).toBe('700')
    expect(mode(join(dataDir, 'control.db'))).toBe('600')
    expect(mode(join(dataDir, 'tenants', 'toba.db'))).toBe('600')
    expect(mode(join(dataDir, 'demo-admin.txt'))).toBe('600')
    expect(openToOthers(dataDir)).toEqual([])
  })
})

describe('the demo admin at first login (without JavaScript)', () => {
  it('must choose a new password before the console opens, then works with it', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    try {
      const page = await context.newPage()
      const url = (path: string) => `${server.origin(HOST)}${path}`
      await page.goto(url('/admin/pengguna'))
      await page.waitForURL(/\/admin\/masuk\?kembali=/)
      await page.fill('#f-email', demo.email)
      await page.fill('#f-password', demo.password)
      await page.getByRole('button', { name: 'Masuk' }).click()

      // Sent to the change-password form, which says why.
      await page.waitForURL(/\/admin\/sandi\?kembali=%2Fadmin%2Fpengguna$/)
      await expect(page.locator('h1').textContent()).resolves.toBe('Ganti kata sandi')
      await expect(page.locator('.flash').textContent()).resolves.toContain('kata sandi sementara')

      // No console page, no console form and no API call opens meanwhile.
      const cookie = (await context.cookies(url('/')))
        .filter((c) => c.name === 'cerdas_session')
        .map((c) => `${c.name}=${c.value}`)
        .join('; ')
      for (const path of ['/admin', '/admin/token', '/admin/pengaturan']) {
        const answer = await httpRequest(server.port, HOST, path, { headers: { cookie } })
        expect(answer.status, path).toBe(302)
        expect(answer.headers.location, path).toMatch(/^\/admin\/sandi\?kembali=/)
      }
      const post = await httpRequest(server.port, HOST, '/admin/token', {
        method: 'POST',
        headers: { cookie, origin: url(''), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _intent: 'create', name: 'x', roles: 'admin' }).toString(),
      })
      expect(post.status).toBe(302)
      expect(post.headers.location).toMatch(/^\/admin\/sandi/)
      const api = await httpRequest(server.port, HOST, '/api/v1/users', { headers: { cookie } })
      expect(api.status).toBe(403)
      expect(String(api.headers['content-type'])).toMatch(/^application\/problem\+json/)

      // A wrong current password and a repeated one are refused next to their fields.
      await page.fill('#f-current', 'bukan kata sandi sekarang')
      await page.fill('#f-password', NEW_PASSWORD)
      await page.fill('#f-confirm', NEW_PASSWORD)
      await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click()
      await expect(page.locator('#f-current-error').textContent()).resolves.toBe('Kata sandi sekarang salah.')
      await page.fill('#f-current', demo.password)
      await page.fill('#f-password', demo.password)
      await page.fill('#f-confirm', demo.password)
      await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click()
      await expect(page.locator('#f-password-error').textContent()).resolves.toBe(
        'Kata sandi baru harus berbeda dari yang sekarang.',
      )

      await page.fill('#f-current', demo.password)
      await page.fill('#f-password', NEW_PASSWORD)
      await page.fill('#f-confirm', NEW_PASSWORD)
      await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click()
      await page.waitForURL(/\/admin\/pengguna$/)
      await expect(page.locator('h1').textContent()).resolves.toBe('Pengguna')

      // The session from before the change ended; the temporary password no longer logs in.
      expect((await httpRequest(server.port, HOST, '/admin', { headers: { cookie } })).headers.location).toMatch(
        /^\/admin\/masuk/,
      )
      const login = (password: string) =>
        httpRequest(server.port, HOST, '/api/v1/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: demo.email, password }),
        })
      expect((await login(demo.password)).status).toBe(401)
      const fresh = await login(NEW_PASSWORD)
      expect(fresh.status).toBe(200)
      expect((fresh.json() as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(false)
    } finally {
      await context.close()
    }
  })
})

describe('files written later', () => {
  it('the running server, a backup and an export are private too', async () => {
    const backup = await run('apps/cli/src/main.ts', ['tenant', 'backup', 'toba'])
    expect(backup.code, backup.output).toBe(0)
    const exportFile = join(base, 'toba-export.json')
    const exported = await run('apps/cli/src/main.ts', ['tenant', 'export', 'toba', '--out', exportFile])
    expect(exported.code, exported.output).toBe(0)
    expect(mode(exportFile)).toBe('600')
    expect(readdirSync(join(dataDir, 'backups')).length).toBe(1)
    expect(openToOthers(dataDir)).toEqual([])
  })
})
