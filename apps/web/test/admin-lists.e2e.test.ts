import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from './browser'
import { httpRequest, type RunningServer, startServer } from './server'
import { prepareTobaDataDir } from './toba-fixture'

/**
 * The service form's list rows in a real browser: without JavaScript a bad row comes back with its
 * message next to the right input and what was typed; with JavaScript rows are added and moved
 * before saving. (Conversion and storage are covered in admin-lists.test.ts.)
 */

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const artifacts = join(repoRoot, 'test-results', 'e2e')
const HOST = 'toba.localhost'
const EDITOR = { email: 'tata-kelola@toba.localhost', password: 'sandi tim tata kelola' }

let server: RunningServer
let browser: Browser
let dataDir: string
let serviceId = ''

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('lists', [
    { ...EDITOR, name: 'Tim Tata Kelola', grants: [{ role: 'editor', dimension: 'governance' }] },
  ])
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
  browser = await launchBrowser()
  serviceId = JSON.parse((await httpRequest(server.port, HOST, '/api/v1/services/ktp-el-baru')).text()).service.id
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

const url = (path: string) => `${server.origin(HOST)}${path}`
const service = async () =>
  JSON.parse((await httpRequest(server.port, HOST, '/api/v1/services/ktp-el-baru')).text()).service as {
    requirements: { document: { id: string } }[]
    procedure: { id: string }[]
    fee: { free: boolean; amount: number | null }
  }

async function openForm(javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 412, height: 900 } })
  const page = await context.newPage()
  await page.goto(url(`/admin/data/services/service/${serviceId}`))
  await page.waitForURL(/\/admin\/masuk\?kembali=/)
  await page.fill('#f-email', EDITOR.email)
  await page.fill('#f-password', EDITOR.password)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await page.waitForURL(url(`/admin/data/services/service/${serviceId}`))
  if (javaScriptEnabled) {
    await page.waitForFunction(() => '__reactRouterVersion' in window || '__remixContext' in window)
    await page.getByRole('button', { name: /Tambah baris \(Persyaratan\)/ }).waitFor()
  }
  return page
}

describe('list rows in the service form', () => {
  it('without JavaScript: a bad row shows its message at that row, keeps what was typed, stores nothing', async () => {
    const before = await service()
    const page = await openForm(false)
    const rows = before.requirements.length
    // The stored rows and two empty ones; no row buttons without JavaScript.
    await expect(page.locator('[name$=".document.id"][name^="requirements."]').count()).resolves.toBe(rows + 2)
    await expect(page.getByRole('button', { name: /Tambah baris/ }).count()).resolves.toBe(0)
    await page.fill(`[name="requirements.${rows}.note.id"]`, 'tanpa dokumen')
    await page.uncheck('#f-fee-free')
    await page.getByRole('button', { name: 'Simpan' }).click()
    const rowError = `#f-requirements-${rows}-document-id-error`
    await expect(page.locator(rowError).textContent()).resolves.toBe('Wajib diisi.')
    await expect(page.locator('#f-fee-amount-error').textContent()).resolves.toBe('Wajib diisi.')
    await expect(
      page.locator(`.error-summary a[href="#f-requirements-${rows}-document-id"]`).textContent(),
    ).resolves.toBe(`Persyaratan ${rows + 1} · Dokumen (Indonesia): Wajib diisi.`)
    await expect(page.inputValue(`[name="requirements.${rows}.note.id"]`)).resolves.toBe('tanpa dokumen')
    await expect(page.isChecked('#f-fee-free')).resolves.toBe(false)
    await page.screenshot({ path: join(artifacts, 'admin-lists-error-nojs.png'), fullPage: true })
    await page.locator('.error-summary').screenshot({ path: join(artifacts, 'admin-lists-summary-nojs.png') })
    await page.locator(`li:has(${rowError})`).screenshot({ path: join(artifacts, 'admin-lists-row-error-nojs.png') })
    expect(await service()).toEqual(before)
    await page.context().close()
  })

  it('with JavaScript: adds and moves rows, then saves them in the order shown', async () => {
    const before = await service()
    const page = await openForm(true)
    const steps = before.procedure.length
    await page.getByRole('button', { name: /Tambah baris \(Langkah\)/ }).click()
    const added = steps + 2
    // The new row's first input has focus; it is filled, then moved to the top.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe(
      `procedure.${added}.id`,
    )
    await page.keyboard.type('Cek data di aplikasi antrean daring')
    for (let i = 0; i < added; i++)
      await page.getByRole('button', { name: `Pindahkan Langkah ${added + 1 - i} ke atas` }).click()
    await expect(page.inputValue('[name="procedure.0.id"]')).resolves.toBe('Cek data di aplikasi antrean daring')
    await page
      .locator('.field-list', { hasText: 'Prosedur' })
      .screenshot({ path: join(artifacts, 'admin-lists-rows-js.png') })
    await page.getByRole('button', { name: 'Hapus Langkah 2' }).click()
    await page.uncheck('#f-fee-free')
    await page.fill('#f-fee-amount', '25.000')
    await page.getByRole('button', { name: 'Simpan' }).click()
    await page.locator('.flash', { hasText: 'Perubahan disimpan.' }).waitFor()
    await page.screenshot({ path: join(artifacts, 'admin-lists-saved-js.png'), fullPage: true })
    const after = await service()
    expect(after.procedure.map((p) => p.id)).toEqual([
      'Cek data di aplikasi antrean daring',
      ...before.procedure.slice(1).map((p) => p.id),
    ])
    expect(after.fee).toMatchObject({ free: false, amount: 25_000 })
    await page.context().close()
  })
})
