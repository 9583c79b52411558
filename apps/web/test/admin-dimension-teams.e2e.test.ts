import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from './browser'
import { httpRequest, type RunningServer, startServer } from './server'
import { prepareTobaDataDir } from './toba-fixture'

/**
 * Dimension teams through the console in a real browser: an admin adds an account to the economy
 * team, which then edits an eatery and neither a tourism attraction nor a governance record; the
 * admin removes the membership and the account can no longer edit the eatery. Without JavaScript,
 * as every console form works.
 */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const artifacts = join(repoRoot, 'test-results', 'e2e')
const HOST = 'toba.localhost'
const ADMIN = { email: 'admin.tim@toba.localhost', password: 'kata-sandi-admin-tim' }
const MEMBER = { email: 'anggota.ekonomi@toba.localhost', password: 'kata-sandi-anggota-tim', name: 'Anggota Ekonomi' }

let server: RunningServer
let browser: Browser
let dataDir: string
const ids = { eatery: '', attraction: '', seat: '' }

const url = (path: string) => `${server.origin(HOST)}${path}`
const apiId = async (path: string) => JSON.parse((await httpRequest(server.port, HOST, path)).text()).id as string

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('teams', [
    { ...ADMIN, name: 'Admin Diskominfo', grants: [{ role: 'admin', dimension: null }] },
    // A reader of another team only: what the economy team membership adds is all they may edit.
    { ...MEMBER, grants: [{ role: 'viewer', dimension: 'living' }] },
  ])
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
  browser = await launchBrowser()
  ids.eatery = await apiId('/api/v1/economy/eateries/rm-betesda-lumban-silintong')
  ids.attraction = await apiId('/api/v1/tourism/attractions/museum-batak-tb-silalahi-center')
  const seats = JSON.parse((await httpRequest(server.port, HOST, '/api/v1/governance/members?limit=1')).text())
  ids.seat = seats.items[0].id
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

async function logIn(account: { email: string; password: string }, path: string): Promise<Page> {
  const context: BrowserContext = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto(url(path))
  await page.waitForURL(/\/admin\/masuk/)
  await page.fill('#f-email', account.email)
  await page.fill('#f-password', account.password)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await page.waitForURL((u) => !u.pathname.startsWith('/admin/masuk'))
  return page
}

/** The member edits the eatery's address line through the console form; true when it was saved. */
async function memberEditsEatery(text: string): Promise<{ status: number | undefined; saved: boolean }> {
  const page = await logIn(MEMBER, '/admin')
  const res = await page.goto(url(`/admin/data/economy/eatery/${ids.eatery}`))
  let saved = false
  if (res?.status() === 200 && (await page.locator('[name="address"]').count()) > 0) {
    await page.fill('[name="address"]', text)
    await page.getByRole('button', { name: 'Simpan' }).click()
    saved = await page
      .locator('.flash', { hasText: 'Perubahan disimpan.' })
      .waitFor({ timeout: 10_000 })
      .then(
        () => true,
        () => false,
      )
  }
  await page.screenshot({
    path: join(artifacts, `admin-teams-eatery-${saved ? 'saved' : 'refused'}.png`),
    fullPage: true,
  })
  await page.context().close()
  return { status: res?.status(), saved }
}

const eateryAddress = async () =>
  JSON.parse((await httpRequest(server.port, HOST, `/api/v1/economy/eateries/${ids.eatery}`)).text()).address as string

describe('an economy team membership through the console', () => {
  let membershipPath = ''

  it('refuses the eatery to the account before it is on the team', async () => {
    const before = await eateryAddress()
    const { status, saved } = await memberEditsEatery('Jl. Sebelum Tim')
    expect(saved).toBe(false)
    expect(status).toBe(403)
    expect(await eateryAddress()).toBe(before)
  })

  it('an admin adds the account to the economy team and sees where its role comes from', async () => {
    const page = await logIn(ADMIN, '/admin/data/governance/team_member/baru')
    await page.selectOption('[name="userId"]', { label: `${MEMBER.name} (${MEMBER.email})` })
    await page.selectOption('[name="dimension"]', 'economy')
    await page.selectOption('[name="teamRole"]', 'member')
    await page.fill('[name="institution"]', 'Dinas Koperasi dan UMKM')
    await page.getByRole('button', { name: 'Simpan' }).click()
    await page.locator('.flash', { hasText: 'Data disimpan.' }).waitFor()
    const listed = JSON.parse(
      (await httpRequest(server.port, HOST, '/api/v1/governance/team-members?dimension=economy')).text(),
    ) as { items: { id: string; institution: string | null }[] }
    const made = listed.items.find((m) => m.institution === 'Dinas Koperasi dan UMKM')
    expect(made?.id).toMatch(/^gtm_/)
    membershipPath = `/admin/data/governance/team_member/${made?.id}`
    // The console navigation links the overview for admins.
    await page.goto(url('/admin'))
    const link = page.locator('nav a[href="/admin/siapa-boleh-mengubah"]')
    await expect(link.first().textContent()).resolves.toBe('Siapa boleh mengubah apa')
    await page.goto(url('/admin/siapa-boleh-mengubah'))
    const row = page.locator(`tr[data-email="${MEMBER.email}"]`)
    await expect(row.locator('td[data-dimension="economy"] li[data-origin="team"]').textContent()).resolves.toContain(
      'dari tim Smart Economy',
    )
    await expect(row.locator('td[data-dimension="living"] li[data-origin="hand"]').textContent()).resolves.toContain(
      'Peninjau',
    )
    await page.screenshot({ path: join(artifacts, 'admin-teams-who-may-edit.png'), fullPage: true })
    // The users screen tells the team's role apart from those given by hand, which its form edits.
    await page.goto(url('/admin/pengguna'))
    const card = page.locator(`li[data-email="${MEMBER.email}"]`)
    await expect(card.locator('[data-team-roles]').textContent()).resolves.toContain('Dari keanggotaan tim dimensi')
    await expect(card.locator('select[name="editor"]').inputValue()).resolves.not.toBe('economy')
    await page.context().close()
  })

  it('lets the account edit the eatery, and neither a tourism attraction nor a governance record', async () => {
    const { saved } = await memberEditsEatery('Jl. Lumban Silintong, diperbarui tim ekonomi')
    expect(saved).toBe(true)
    expect(await eateryAddress()).toBe('Jl. Lumban Silintong, diperbarui tim ekonomi')
    const page = await logIn(MEMBER, '/admin')
    expect((await page.goto(url(`/admin/data/tourism/attraction/${ids.attraction}`)))?.status()).toBe(403)
    // Governance records are the governance team's and the admins': not even a form to open.
    expect((await page.goto(url(`/admin/data/governance/member/${ids.seat}`)))?.status()).toBe(403)
    expect((await page.goto(url('/admin/data/governance/team_member/baru')))?.status()).toBe(403)
    expect((await page.goto(url('/admin/siapa-boleh-mengubah')))?.status()).toBe(403)
    await page.context().close()
  })

  it('an admin removes the membership; the account can no longer edit the eatery', async () => {
    const page = await logIn(ADMIN, membershipPath)
    await page.check('[name="_confirm"]')
    await page.getByRole('button', { name: 'Hapus data' }).click()
    await page.locator('.flash').first().waitFor()
    await page.goto(url('/admin/siapa-boleh-mengubah'))
    const row = page.locator(`tr[data-email="${MEMBER.email}"]`)
    await expect(row.locator('td[data-dimension="economy"] li').count()).resolves.toBe(0)
    await page.context().close()
    const before = await eateryAddress()
    const { status, saved } = await memberEditsEatery('Jl. Setelah Tim')
    expect(saved).toBe(false)
    expect(status).toBe(403)
    expect(await eateryAddress()).toBe(before)
  })
})
