import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from './browser'
import { httpRequest, type RunningServer, sessionCookieFor, startServer } from './server'
import { prepareTobaDataDir } from './toba-fixture'

/**
 * The console's photo upload in Chromium, with JavaScript on and off: a branding editor opens an
 * attraction's edit form, adds a JPEG with its alt text and saves; the photo is then listed in
 * the form and on the record. A file that is not an image is refused next to the file input, and
 * everything typed stays in the form.
 */
const HOST = 'toba.localhost'
const artifacts = join(fileURLToPath(new URL('../../../', import.meta.url)), 'test-results', 'e2e')
const EDITOR = { email: 'editor.foto@toba.localhost', password: 'kata-sandi-editor-foto' }

let server: RunningServer
let dataDir: string
let browser: Browser
let editorCookie = ''
let jpeg: Buffer

async function createAttraction(name: string): Promise<string> {
  const res = await httpRequest(server.port, HOST, '/api/v1/tourism/attractions', {
    method: 'POST',
    headers: { cookie: editorCookie, origin: `http://${HOST}:${server.port}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: { id: name }, category: 'park', kecamatan: 'Balige' }),
  })
  expect(res.status, res.text()).toBe(201)
  return (res.json() as { id: string }).id
}

async function attraction(id: string): Promise<{ name: { id: string }; photos: { alt: { id: string } }[] }> {
  const res = await httpRequest(server.port, HOST, `/api/v1/tourism/attractions/${id}`, {
    headers: { cookie: editorCookie },
  })
  expect(res.status, res.text()).toBe(200)
  return res.json() as { name: { id: string }; photos: { alt: { id: string } }[] }
}

beforeAll(async () => {
  dataDir = await prepareTobaDataDir('admin-photos', [
    { ...EDITOR, grants: [{ role: 'editor', dimension: 'branding' }] },
  ])
  server = await startServer({ CERDAS_DATA_DIR: dataDir })
  editorCookie = await sessionCookieFor(server.port, HOST, EDITOR)
  jpeg = await sharp(Buffer.alloc(640 * 480 * 3, 120), { raw: { width: 640, height: 480, channels: 3 } })
    .jpeg()
    .toBuffer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe.each([false, true])('console photo upload with JavaScript %s', (javaScriptEnabled) => {
  const tag = javaScriptEnabled ? 'js' : 'nojs'

  it('refuses a file that is not an image next to its input, then stores a JPEG with its alt text', async () => {
    const id = await createAttraction(`Bukit Uji Foto ${tag}`)
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1024, height: 900 } })
    const [name, value] = editorCookie.split('=') as [string, string]
    await context.addCookies([{ name, value, domain: HOST, path: '/' }])
    const page = await context.newPage()
    const form = `http://${HOST}:${server.port}/admin/data/tourism/attraction/${id}`
    expect((await page.goto(form))?.status()).toBe(200)
    await expect(page.locator('.field-photos').getByText('Belum ada foto.').count()).resolves.toBe(1)

    // A text file named like a photo: refused by its content, next to the file input.
    await page.fill('#f-name-id', `Bukit Uji Foto ${tag} (diubah)`)
    await page.setInputFiles('#f-photos-new-file', {
      name: 'bukit.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('ini bukan foto, hanya teks biasa\n'.repeat(20)),
    })
    await page.fill('#f-photos-new-alt-id', 'Bukit hijau di atas danau')
    await page.fill('#f-photos-new-alt-en', 'A green hill above the lake')
    await page.getByRole('button', { name: 'Simpan', exact: true }).click()
    const error = page.locator('#f-photos-new-file-error')
    await error.waitFor()
    await expect(error.textContent()).resolves.toMatch(/bukan gambar .*JPEG, PNG, WebP atau AVIF/)
    await expect(page.locator('#f-photos-new-file').getAttribute('aria-invalid')).resolves.toBe('true')
    await expect(page.inputValue('#f-name-id')).resolves.toBe(`Bukit Uji Foto ${tag} (diubah)`)
    await expect(page.inputValue('#f-photos-new-alt-id')).resolves.toBe('Bukit hijau di atas danau')
    await expect(page.inputValue('#f-photos-new-alt-en')).resolves.toBe('A green hill above the lake')
    await page.screenshot({ path: join(artifacts, `admin-photos-error-${tag}.png`), fullPage: true })
    expect((await attraction(id)).name.id).toBe(`Bukit Uji Foto ${tag}`)

    // The JPEG with the alt text still typed: stored, then shown as the record's first photo.
    await page.setInputFiles('#f-photos-new-file', { name: 'bukit.jpg', mimeType: 'image/jpeg', buffer: jpeg })
    await page.getByRole('button', { name: 'Simpan', exact: true }).click()
    await page.locator('.flash').waitFor()
    await expect(page.locator('.flash').textContent()).resolves.toContain('Perubahan disimpan.')
    const row = page.locator('.photo-rows > li')
    await expect(row.count()).resolves.toBe(1)
    await expect(row.locator('input[name="photos.0.alt.id"]').inputValue()).resolves.toBe('Bukit hijau di atas danau')
    const preview = (await row.locator('img.photo-preview').getAttribute('src')) ?? ''
    const image = await httpRequest(server.port, HOST, preview)
    expect(image.status).toBe(200)
    expect(image.headers['content-type']).toMatch(/^image\/jpeg/)
    await page.screenshot({ path: join(artifacts, `admin-photos-saved-${tag}.png`), fullPage: true })
    const stored = await attraction(id)
    expect(stored.name.id).toBe(`Bukit Uji Foto ${tag} (diubah)`)
    expect(stored.photos.map((p) => p.alt)).toEqual([
      { id: 'Bukit hijau di atas danau', en: 'A green hill above the lake' },
    ])
    await context.close()
  })
})
