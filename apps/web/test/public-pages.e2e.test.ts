import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createOperatorToken, createPlatform, createTenant } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from './browser'
import { httpRequest, type RunningServer, startServer } from './server'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const artifacts = join(repoRoot, 'test-results', 'e2e')

let server: RunningServer
let browser: Browser
let dataDir: string
let operatorToken: string

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'apps/web/build/server/index.js'))) {
    throw new Error('The web app is not built: run `pnpm --filter @cerdas/web build` (npm test does it).')
  }
  mkdirSync(artifacts, { recursive: true })
  dataDir = mkdtempSync(join(tmpdir(), 'cerdas-e2e-'))
  const platform = await createPlatform({
    dataDir,
    templatesDir: join(repoRoot, 'templates'),
    platformHost: 'localhost',
    modules,
  })
  await createTenant(platform, { slug: 'toba', template: 'toba' })
  operatorToken = (await createOperatorToken(platform.controlPlane, { name: 'e2e' })).secret
  platform.close()
  // The second regency is onboarded the way an operator does it: with the CLI.
  const cli = spawnSync(
    join(repoRoot, 'node_modules/.bin/tsx'),
    ['apps/cli/src/main.ts', 'tenant', 'create', 'samosir', '--template', 'kabupaten', '--name', 'Kabupaten Samosir'],
    { cwd: repoRoot, env: { ...process.env, CERDAS_DATA_DIR: dataDir }, encoding: 'utf8' },
  )
  expect(cli.status, cli.stderr).toBe(0)
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

async function withPage<T>(options: { javaScriptEnabled: boolean }, run: (ctx: BrowserContext) => Promise<T>) {
  const context = await browser.newContext({ ...options, viewport: { width: 412, height: 900 } })
  try {
    return await run(context)
  } finally {
    await context.close()
  }
}

describe.each([{ javaScriptEnabled: true }, { javaScriptEnabled: false }])(
  'public pages (JavaScript %o)',
  (options) => {
    const tag = options.javaScriptEnabled ? 'js' : 'nojs'

    it('shows Toba home with its dimensions, announcements and unverified districts', async () => {
      await withPage(options, async (context) => {
        const page = await context.newPage()
        const response = await page.goto(server.origin('toba.localhost'))
        expect(response?.status()).toBe(200)
        await expect(page.locator('h1').first().textContent()).resolves.toBe('Kabupaten Toba')
        // Dimensions with modules in the Toba template each have a block (governance first); the others are named in one line.
        await expect(page.locator('.dimension h3').allTextContents()).resolves.toEqual(
          expect.arrayContaining(['Smart Governance', 'Smart Living']),
        )
        await expect(page.locator('.dimension h3').first().textContent()).resolves.toBe('Smart Governance')
        await expect(page.getByText(/^Segera menyusul: /).count()).resolves.toBe(1)
        expect(await page.locator('#home-announcements li').count()).toBe(3)
        await expect(page.getByRole('link', { name: 'Balige', exact: true }).getAttribute('href')).resolves.toBe(
          '/direktori?kecamatan=Balige',
        )
        expect(await page.locator('.badge-unverified').count()).toBeGreaterThan(0)
        // Public pages ship no JavaScript at all.
        expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0)
        await page.screenshot({ path: join(artifacts, `toba-home-${tag}.png`), fullPage: true })
      })
    })

    it('switches to English and keeps the choice across pages', async () => {
      await withPage(options, async (context) => {
        const page = await context.newPage()
        await page.goto(`${server.origin('toba.localhost')}/pengumuman`)
        await page.getByRole('link', { name: 'English' }).click()
        await page.waitForURL(/\/pengumuman$/)
        await expect(page.locator('h1').textContent()).resolves.toBe('Announcements')
        await page.goto(server.origin('toba.localhost'))
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en')
        await expect(page.getByText('Six smart-city dimensions').count()).resolves.toBe(1)
      })
    })

    it('searches from the home page and opens the announcement', async () => {
      await withPage(options, async (context) => {
        const page = await context.newPage()
        await page.goto(server.origin('toba.localhost'))
        await page.fill('#q', 'kesiapsiagaan')
        await page.getByRole('button', { name: 'Cari' }).click()
        await page.waitForURL(/\/cari\?q=kesiapsiagaan/)
        const hit = page.locator('ol.results a').first()
        await expect(hit.textContent()).resolves.toContain('kesiapsiagaan')
        await hit.click()
        await page.waitForURL(/\/pengumuman\/ann_/)
        await expect(page.locator('h1').textContent()).resolves.toContain('kesiapsiagaan')
        await expect(page.locator('.badge-unverified').count()).resolves.toBe(1)
        await page.screenshot({ path: join(artifacts, `toba-announcement-${tag}.png`), fullPage: true })
      })
    })
  },
)

describe('tenants and the platform page', () => {
  it('lists every tenant on the platform host with links to their own hosts', async () => {
    await withPage({ javaScriptEnabled: false }, async (context) => {
      const page = await context.newPage()
      await page.goto(server.origin('localhost'))
      const links = await page.locator('.cards a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
      expect(links).toEqual([`${server.origin('samosir.localhost')}/`, `${server.origin('toba.localhost')}/`])
      await page.screenshot({ path: join(artifacts, 'platform.png'), fullPage: true })
      await page.locator('.cards a', { hasText: 'Kabupaten Samosir' }).click()
      await expect(page.locator('h1').first().textContent()).resolves.toBe('Kabupaten Samosir')
      // Samosir sees none of Toba's announcements.
      await page.goto(`${server.origin('samosir.localhost')}/pengumuman`)
      expect(await page.locator('.announcements li').count()).toBe(0)
    })
  })

  it('answers 404 for a host no tenant owns', async () => {
    await withPage({ javaScriptEnabled: false }, async (context) => {
      const page = await context.newPage()
      const response = await page.goto(server.origin('bukan-daerah.localhost'))
      expect(response?.status()).toBe(404)
      await expect(page.locator('h1').textContent()).resolves.toBe('Daerah tidak ditemukan')
    })
  })

  it('shows the verification date once an editor verifies an announcement through the API', async () => {
    const list = (await httpRequest(server.port, 'toba.localhost', '/api/v1/announcements?limit=1')).json()
    const id = (list as { items: { id: string }[] }).items[0]?.id
    expect(id).toMatch(/^ann_/)
    const verify = await httpRequest(server.port, 'toba.localhost', `/api/v1/announcements/${id}/verify`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'https://tobakab.go.id/' }),
    })
    expect(verify.status).toBe(200)
    await withPage({ javaScriptEnabled: false }, async (context) => {
      const page = await context.newPage()
      await page.goto(`${server.origin('toba.localhost')}/pengumuman/${id}`)
      await expect(page.locator('.badge-verified').textContent()).resolves.toMatch(
        /^Diverifikasi \d{1,2} \w+ 2026 oleh e2e/,
      )
    })
  })

  it('keeps public pages light', async () => {
    const plain = await httpRequest(server.port, 'toba.localhost', '/')
    const css = /href="(\/assets\/styles-[^"]+\.css)"/.exec(plain.text())?.[1]
    expect(css).toBeDefined()
    const cssBytes = (await httpRequest(server.port, 'toba.localhost', css as string)).body.byteLength
    // Uncompressed HTML + CSS of the home page.
    expect(plain.body.byteLength + cssBytes).toBeLessThan(40_000)
    const gzipped = await httpRequest(server.port, 'toba.localhost', '/', { headers: { 'accept-encoding': 'gzip' } })
    expect(gzipped.headers['content-encoding']).toBe('gzip')
    expect(gzipped.body.byteLength).toBeLessThan(plain.body.byteLength / 2)
  })
})
