import { localPhotoStorage, type Photo, photoService } from '@cerdas/photos'
import { createTestPlatform, TEST_OPERATOR_TOKEN, type TestPlatform } from '@cerdas/testing'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveMedia } from '../server/media'

const TOBA = 'toba.localhost'
const SAMOSIR = 'samosir.localhost'
let t: TestPlatform
let photo: Photo

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('toba')
  await t.createTenant('samosir')
  const pixels = Buffer.alloc(900 * 600 * 3, 90)
  const form = new FormData()
  const jpeg = await sharp(pixels, { raw: { width: 900, height: 600, channels: 3 } })
    .jpeg()
    .toBuffer()
  form.set('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'danau.jpg')
  const res = await t.request(TOBA, '/api/v1/photos', { method: 'POST', body: form, token: TEST_OPERATOR_TOKEN })
  expect(res.status, await res.clone().text()).toBe(201)
  photo = (await res.json()) as Photo
})
afterAll(() => t?.close())

const get = (host: string, path: string, headers: Record<string, string> = {}) =>
  serveMedia(new Request(`http://${host}${path}`, { headers }), {
    platform: t.platform,
    photos: photoService(localPhotoStorage(t.dataDir)),
    host,
  })

async function expectNotFound(res: Response) {
  expect(res.status).toBe(404)
  expect(res.headers.get('content-type')).toBe('application/problem+json')
  expect(((await res.json()) as { status: number }).status).toBe(404)
}

describe('/media/photos', () => {
  it('serves each rendition with its type, a year-long immutable cache and nosniff', async () => {
    for (const [file, type, format] of [
      ['640.webp', 'image/webp', 'webp'],
      ['900.avif', 'image/avif', 'heif'],
      ['320.jpg', 'image/jpeg', 'jpeg'],
    ] as const) {
      const res = await get(TOBA, `/media/photos/${photo.id}/${file}`)
      expect(res.status, file).toBe(200)
      expect(res.headers.get('content-type')).toBe(type)
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata()
      expect([meta.format, meta.width]).toEqual([format, Number(file.split('.')[0])])
    }
  })

  it('answers 404 for widths not stored, unknown ids, other formats and paths that try to leave the folder', async () => {
    await expectNotFound(await get(TOBA, `/media/photos/${photo.id}/1024.jpg`))
    await expectNotFound(await get(TOBA, `/media/photos/${photo.id}/641.jpg`))
    await expectNotFound(await get(TOBA, `/media/photos/${photo.id}/640.png`))
    await expectNotFound(await get(TOBA, '/media/photos/pho_01JXXXXXXXXXXXXXXXXXXXXXXX/640.jpg'))
    await expectNotFound(await get(TOBA, '/media/photos/..%2F..%2Fcontrol.db/640.jpg'))
    await expectNotFound(await get(TOBA, '/media/photos/pho_x/..%2F..%2Fcontrol.db'))
    await expectNotFound(await get('unknown.localhost', `/media/photos/${photo.id}/640.jpg`))
  })

  it("never serves one tenant's photo on another tenant's host", async () => {
    await expectNotFound(await get(SAMOSIR, `/media/photos/${photo.id}/640.jpg`))
  })
})

describe('/media/share', () => {
  it('renders a 1200x630 PNG for a published record whose title holds <&>", with an ETag from its last change', async () => {
    const created = await t.send(TOBA, 'POST', '/api/v1/announcements', {
      title: { id: 'Festival <Danau> & "Toba" </text><script>', en: 'Lake <Festival> & "Toba"' },
      body: { id: 'Isi' },
      category: 'general',
    })
    expect(created.status, await created.clone().text()).toBe(201)
    const { id } = (await created.json()) as { id: string }
    const res = await get(TOBA, `/media/share/announcements/announcement/${id}.png`)
    expect(res.status, await res.clone().text()).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d{6,}/)
    const png = Buffer.from(await res.arrayBuffer())
    const meta = await sharp(png).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630])
    // Title text drawn: the image is not one flat colour.
    const stats = await sharp(png).stats()
    expect(stats.channels.some((c) => c.stdev > 10)).toBe(true)
    const etag = res.headers.get('etag') as string
    expect(etag).toMatch(/^".+"$/)
    expect(
      (await get(TOBA, `/media/share/announcements/announcement/${id}.png`, { 'if-none-match': etag })).status,
    ).toBe(304)
    // The same record drawn twice is the same image; English is another.
    const again = Buffer.from(
      await (await get(TOBA, `/media/share/announcements/announcement/${id}.png`)).arrayBuffer(),
    )
    expect(again.equals(png)).toBe(true)
    const english = await get(TOBA, `/media/share/announcements/announcement/${id}.png?lang=en`)
    expect(english.headers.get('etag')).not.toBe(etag)
    // A change to the record changes the ETag.
    await t.send(TOBA, 'PATCH', `/api/v1/announcements/${id}`, { title: { id: 'Festival Danau Toba' } })
    const changed = await get(TOBA, `/media/share/announcements/announcement/${id}.png`, { 'if-none-match': etag })
    expect(changed.status).toBe(200)
  })

  it('answers 404 for unpublished records, other tenants, entities without pages and unknown modules', async () => {
    const later = await t.send(TOBA, 'POST', '/api/v1/announcements', {
      title: { id: 'Belum terbit' },
      body: { id: 'Isi' },
      category: 'general',
      publishAt: '2099-01-01T00:00:00+07:00',
    })
    const { id } = (await later.json()) as { id: string }
    await expectNotFound(await get(TOBA, `/media/share/announcements/announcement/${id}.png`))
    const published = (await (
      await t.send(TOBA, 'POST', '/api/v1/announcements', {
        title: { id: 'Terbit' },
        body: { id: 'Isi' },
        category: 'general',
      })
    ).json()) as { id: string }
    await expectNotFound(await get(SAMOSIR, `/media/share/announcements/announcement/${published.id}.png`))
    await expectNotFound(await get(TOBA, '/media/share/schedules/holiday/x.png'))
    await expectNotFound(await get(TOBA, '/media/share/nothing/here/x.png'))
  })
})
