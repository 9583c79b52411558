import { rmSync } from 'node:fs'
import { createTenant, setModuleEnabled } from '@cerdas/platform'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from './browser'
import { httpRequest, type RunningServer, startServer } from './server'
import { prepareTobaDataDir } from './toba-fixture'

const TOBA = 'toba.localhost'
/** A second regency with the services module turned off. */
const SAMOSIR = 'samosir.localhost'

let server: RunningServer
let dataDir: string

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('module-styles', [], {
    setup: async (platform) => {
      await createTenant(platform, { slug: 'samosir', template: 'kabupaten' })
      await setModuleEnabled(platform, 'samosir', 'services', false)
    },
  })
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
})

afterAll(async () => {
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** The stylesheets a page links, in order, and the text of each. */
async function stylesheetsOf(host: string, path: string) {
  const page = await httpRequest(server.port, host, path)
  const hrefs = [...page.text().matchAll(/<link[^>]*rel="stylesheet"[^>]*>/g)].map(
    (tag) => /href="([^"]+)"/.exec(tag[0])?.[1] ?? '',
  )
  const texts = await Promise.all(hrefs.map(async (href) => (await httpRequest(server.port, host, href)).text()))
  return { status: page.status, hrefs, texts }
}

describe('module stylesheets', () => {
  it("the core stylesheet holds no module's rules; a page links only the stylesheets of the modules on it", async () => {
    const home = await stylesheetsOf(TOBA, '/')
    expect(home.hrefs).toHaveLength(1)
    const [core] = home.texts
    for (const rule of ['category-emergency', '.service-facts', '.checklist', '.unit-tree', '.holiday-table']) {
      expect(core, rule).not.toContain(rule)
    }
    const modulePages = [
      ['/pengumuman', 'category-emergency'],
      ['/layanan/akta-kelahiran', '.service-facts'],
      ['/direktori/disdukcapil', '.unit-tree'],
      ['/hari-libur', '.holiday-table'],
    ] as const
    for (const [path, rule] of modulePages) {
      const page = await stylesheetsOf(TOBA, path)
      expect(page.status, path).toBe(200)
      expect(page.hrefs, path).toHaveLength(2)
      expect(page.hrefs[0], path).toBe(home.hrefs[0])
      expect(page.texts[1], path).toContain(rule)
    }
  })

  it('the console stylesheet is linked by console pages only, the sign-in page included', async () => {
    const home = await stylesheetsOf(TOBA, '/')
    expect(home.texts[0]).not.toContain('.admin-nav')
    expect(home.texts[0]).not.toContain('.admin-form')
    const login = await stylesheetsOf(TOBA, '/admin/masuk')
    expect(login.status).toBe(200)
    expect(login.hrefs[0]).toBe(home.hrefs[0])
    expect(login.texts.some((css) => css.includes('.admin-form') && css.includes('.admin-nav'))).toBe(true)
  })

  it("a disabled module's stylesheet is not served with its page", async () => {
    const servicesCss = (await stylesheetsOf(TOBA, '/layanan/akta-kelahiran')).hrefs[1]
    const page = await stylesheetsOf(SAMOSIR, '/layanan/akta-kelahiran')
    expect(page.status).toBe(404)
    expect(page.hrefs).not.toContain(servicesCss)
    expect(page.hrefs).toHaveLength(1)
  })

  it("a disabled module's pages answer the site's 404, though its tables and records are still there", async () => {
    expect((await httpRequest(server.port, TOBA, '/layanan')).status).toBe(200)
    const list = await httpRequest(server.port, SAMOSIR, '/layanan')
    expect(list.status).toBe(404)
    expect(list.text()).not.toContain('akta-kelahiran')
    expect(list.text()).toContain('<html')
  })

  it('the module rules apply in the browser: an emergency stands out, a service opens with its card of facts', async () => {
    const browser: Browser = await launchBrowser()
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
      await page.goto(`${server.origin(TOBA)}/pengumuman?kategori=emergency`)
      await page.locator('.category-emergency h2 a').first().click()
      await expect(page.$eval('.announcement-detail h1', (h1) => getComputedStyle(h1).color)).resolves.toBe(
        'rgb(155, 28, 28)',
      )
      await page.goto(`${server.origin(TOBA)}/layanan/akta-kelahiran`)
      await expect(page.$eval('.service-facts', (card) => getComputedStyle(card).borderTopStyle)).resolves.toBe('solid')
    } finally {
      await browser.close()
    }
  })
})
