import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setModuleEnabled } from '@cerdas/platform'
import { modules } from '@cerdas/registry'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from './browser'
import { economyModule } from './fixtures/economy-module'
import { manyEntitiesModules } from './fixtures/many-entities-modules'
import { startFixtureServer } from './fixtures/start-fixture-server'
import { type RunningServer, sessionCookieFor } from './server'
import { prepareTobaDataDir } from './toba-fixture'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const artifacts = join(repoRoot, 'test-results', 'e2e')
const HOST = 'toba.localhost'
const ADMIN = { email: 'admin@toba.localhost', password: 'kata sandi admin navigasi' }
const ECONOMY_EDITOR = { email: 'editor.ekonomi@toba.localhost', password: 'kata sandi editor ekonomi' }

let server: RunningServer
let browser: Browser
let dataDir: string

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true })
  const extra = [economyModule, ...manyEntitiesModules]
  dataDir = await prepareTobaDataDir(
    'admin-nav',
    [
      { ...ADMIN, grants: [{ role: 'admin', dimension: null }] },
      { ...ECONOMY_EDITOR, grants: [{ role: 'editor', dimension: 'economy' }] },
    ],
    {
      modules: [...modules, ...extra],
      setup: async (platform) => {
        for (const mod of extra) await setModuleEnabled(platform, 'toba', mod.id, true)
      },
    },
  )
  server = await startFixtureServer('apps/web/test/fixtures/server-with-many-entities.ts', { CERDAS_DATA_DIR: dataDir })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

const url = (path: string) => `${server.origin(HOST)}${path}`

/** A phone-sized page without JavaScript, signed in as `account`. */
async function signedInPage(account: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
  const [name, value] = (await sessionCookieFor(server.port, HOST, account)).split('=') as [string, string]
  await context.addCookies([{ name, value, url: url('/') }])
  return context.newPage()
}

/** The navigation's groups in order: dimension, open or not, and the module ids inside. */
function groupsOf(page: Page) {
  return page.$$eval('nav.admin-nav details.admin-nav-group', (groups) =>
    groups.map((g) => ({
      dimension: g.getAttribute('data-dimension'),
      open: g.hasAttribute('open'),
      modules: [...g.querySelectorAll('[data-module]')].map((m) => m.getAttribute('data-module')),
    })),
  )
}

const linksOf = (page: Page, moduleId: string) =>
  page.$$eval(`nav.admin-nav [data-module="${moduleId}"] a`, (links) => links.map((a) => a.getAttribute('href')))

describe('console navigation grouped by dimension and module', () => {
  it('with 30+ entities the groups stay collapsed, the current page marked and its group open, without JavaScript', async () => {
    const page = await signedInPage(ADMIN)
    try {
      await page.goto(url('/admin'))
      const groups = await groupsOf(page)
      expect(groups.map((g) => g.dimension)).toEqual(['governance', 'branding', 'economy', 'living', 'environment'])
      expect(groups.find((g) => g.dimension === 'economy')?.modules).toEqual(['economy', 'umkm', 'pasar'])
      // Nothing of the dashboard is in a group: every group is closed.
      expect(groups.filter((g) => g.open)).toEqual([])
      expect(await linksOf(page, 'wisata')).toHaveLength(12)
      expect(await linksOf(page, 'pasar')).toHaveLength(10)
      expect(await linksOf(page, 'lingkungan')).toHaveLength(10)

      // A closed group hides its links; its summary opens it (the browser's own <details>).
      const nav = page.locator('nav.admin-nav')
      await expect(nav.getByRole('link', { name: 'Objek wisata' }).isVisible()).resolves.toBe(false)
      await nav.locator('summary', { hasText: 'Smart Branding' }).click()
      await expect(nav.getByRole('link', { name: 'Objek wisata' }).isVisible()).resolves.toBe(true)

      // On an entity's page its group is open and its link current; the others stay closed.
      await page.goto(url('/admin/data/pasar/price'))
      expect((await groupsOf(page)).filter((g) => g.open).map((g) => g.dimension)).toEqual(['economy'])
      const current = nav.getByRole('link', { name: 'Harga pangan' })
      await expect(current.getAttribute('aria-current')).resolves.toBe('page')
      await page.screenshot({ path: join(artifacts, 'admin-nav-many-entities.png'), fullPage: true })

      // A module's own screen (the holiday calendar) opens its module's group too.
      await page.goto(url('/admin/jadwal/libur'))
      expect((await groupsOf(page)).filter((g) => g.open).map((g) => g.dimension)).toEqual(['governance'])
      await expect(nav.getByRole('link', { name: 'Kalender libur' }).getAttribute('aria-current')).resolves.toBe('page')
    } finally {
      await page.context().close()
    }
  })

  it("an economy editor sees the economy group, its modules' entities and the schedules of its places", async () => {
    const page = await signedInPage(ECONOMY_EDITOR)
    try {
      await page.goto(url('/admin'))
      const groups = await groupsOf(page)
      // Schedules stay in governance's group; the editor sees there only the schedules of economy's places.
      // The report queue stays in environment's: every team works the reports of its own categories there.
      // Programmes and KPIs name their team (ADR 0117): governance's module shows the editor economy's own.
      expect(groups).toEqual([
        { dimension: 'governance', open: false, modules: ['schedules', 'governance'] },
        { dimension: 'economy', open: false, modules: ['economy', 'umkm', 'pasar'] },
        { dimension: 'environment', open: false, modules: ['reports'] },
      ])
      const hrefs = await page.$$eval('nav.admin-nav details a', (links) => links.map((a) => a.getAttribute('href')))
      expect(
        hrefs.every((href) =>
          /^\/admin\/(data\/(economy|umkm|pasar)\/|jadwal$|data\/schedules\/|laporan$|data\/governance\/(programme|kpi)$)/.test(
            href ?? '',
          ),
        ),
      ).toBe(true)
      expect(hrefs.filter((href) => href?.startsWith('/admin/data/economy/'))).toHaveLength(3)
      // No platform pages either: an editor manages no users, tokens or settings.
      await expect(page.locator('nav.admin-nav a[href="/admin/pengguna"]').count()).resolves.toBe(0)
      await page.screenshot({ path: join(artifacts, 'admin-nav-economy-editor.png'), fullPage: true })
      // What the navigation leaves out stays closed when typed in.
      const other = await page.goto(url('/admin/data/wisata/attraction'))
      expect(other?.status()).toBe(403)
    } finally {
      await page.context().close()
    }
  })
})
