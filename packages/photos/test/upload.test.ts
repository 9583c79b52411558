import { readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PHOTO_ID, photoSrcSet, problemType } from '@cerdas/core'
import { createTestPlatform, expectProblem, TEST_OPERATOR_TOKEN, type TestPlatform } from '@cerdas/testing'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Photo } from '../src'
import { jpegWith, solidPng } from './support/images'

const HOST = 'toba.localhost'
let t: TestPlatform

beforeAll(async () => {
  t = await createTestPlatform()
  await t.createTenant('toba')
})
afterAll(() => t?.close())

function upload(bytes: Uint8Array, name = 'foto.jpg', type = 'image/jpeg', token: string | null = TEST_OPERATOR_TOKEN) {
  const form = new FormData()
  form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name)
  return t.request(HOST, '/api/v1/photos', { method: 'POST', body: form, token })
}

async function uploaded(bytes: Uint8Array): Promise<Photo> {
  const res = await upload(bytes)
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as Photo
}

/** Every stored file of a photo, read from the tenant's photo directory. */
function storedFiles(photo: Photo): { name: string; path: string }[] {
  const tenants = readdirSync(join(t.dataDir, 'photos'))
  const dir = tenants
    .map((tenant) => join(t.dataDir, 'photos', tenant, photo.id))
    .find((d) => {
      try {
        readdirSync(d)
        return true
      } catch {
        return false
      }
    })
  if (!dir) throw new Error(`no files of ${photo.id}`)
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, path: join(dir, name) }))
}

describe('photo uploads', () => {
  it('refuses a file named .jpg that is not an image with 415', async () => {
    const text = new TextEncoder().encode('<?php echo "bukan foto"; ?>\n'.repeat(20))
    await expectProblem(await upload(text, 'foto.jpg', 'image/jpeg'), 415, problemType('unsupportedMediaType'))
    // A PDF named as a photo, with an image Content-Type: refused the same.
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')
    await expectProblem(await upload(pdf, 'scan.png', 'image/png'), 415)
    // A body that is not multipart at all.
    const json = await t.request(HOST, '/api/v1/photos', {
      method: 'POST',
      body: '{"file":"x"}',
      token: TEST_OPERATOR_TOKEN,
    })
    await expectProblem(json, 415)
  })

  it('refuses an upload over the size limit with 413', async () => {
    const big = new Uint8Array(16 * 1024 * 1024)
    big.set([0xff, 0xd8, 0xff, 0xe0])
    await expectProblem(await upload(big), 413, problemType('payloadTooLarge'))
  })

  it('refuses a decompression bomb (a 20000 × 20000 PNG of one colour) without decoding it', async () => {
    const bomb = await solidPng(20_000, 20_000)
    expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024)
    const problem = await expectProblem(await upload(bomb, 'bom.png', 'image/png'), 422)
    expect(problem.errors).toEqual([expect.objectContaining({ pointer: '/file' })])
  }, 60_000)

  it('strips EXIF with GPS from every stored rendition, and turns the photo upright', async () => {
    const original = await jpegWith(
      1200,
      800,
      {
        IFD0: { Make: 'KameraUji', Copyright: 'Rahasia' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '2/1 20/1 1234/100',
          GPSLongitudeRef: 'E',
          GPSLongitude: '99/1 4/1 0/1',
        },
      },
      6,
    )
    const before = await sharp(original).metadata()
    expect(before.orientation).toBe(6)
    expect(before.exif?.toString('latin1')).toContain('KameraUji')
    // The GPS IFD pointer (tag 0x8825, little-endian here) is there before the upload.
    expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true)
    const photo = await uploaded(original)
    // Orientation 6 is a quarter turn: the stored photo is upright, so taller than wide.
    expect([photo.width, photo.height]).toEqual([800, 1200])
    const files = storedFiles(photo)
    expect(files.map((f) => f.name)).toEqual(
      ['320', '640', '800'].flatMap((w) => [`${w}.avif`, `${w}.jpg`, `${w}.webp`]).sort(),
    )
    for (const file of files) {
      const bytes = await readFile(file.path)
      const meta = await sharp(bytes).metadata()
      expect(meta.exif, file.name).toBeUndefined()
      expect(meta.xmp, file.name).toBeUndefined()
      expect(meta.icc, file.name).toBeUndefined()
      expect(meta.orientation ?? 1, file.name).toBe(1)
      expect(bytes.includes(Buffer.from('KameraUji')), file.name).toBe(false)
      expect(bytes.includes(Buffer.from('Rahasia')), file.name).toBe(false)
    }
  })

  it('makes renditions at the standard widths below the upload, never larger, and lists them as srcset', async () => {
    const wide = await uploaded(await jpegWith(2400, 1200))
    expect([wide.width, wide.height]).toEqual([1600, 800])
    expect(Object.keys(wide.urls.jpg)).toEqual(['320', '640', '1024', '1600'])
    expect(photoSrcSet(wide, 'webp')).toBe(
      [320, 640, 1024, 1600].map((w) => `/media/photos/${wide.id}/${w}.webp ${w}w`).join(', '),
    )
    const small = await uploaded(await jpegWith(500, 300))
    expect([small.width, small.height]).toEqual([500, 300])
    expect(storedFiles(small).map((f) => f.name)).toEqual(
      ['320', '500'].flatMap((w) => [`${w}.avif`, `${w}.jpg`, `${w}.webp`]).sort(),
    )
    for (const file of storedFiles(small)) {
      const meta = await sharp(await readFile(file.path)).metadata()
      expect(meta.width, file.name).toBe(Number(file.name.split('.')[0]))
      expect(meta.format, file.name).toBe(
        file.name.endsWith('.jpg') ? 'jpeg' : file.name.endsWith('.webp') ? 'webp' : 'heif',
      )
    }
  })

  it('accepts PNG, WebP and AVIF by their content whatever they are called', async () => {
    const base = sharp(await jpegWith(400, 300))
    for (const [bytes, format] of [
      [await base.clone().png().toBuffer(), 'png'],
      [await base.clone().webp().toBuffer(), 'webp'],
      [await base.clone().avif().toBuffer(), 'avif'],
    ] as const) {
      const res = await upload(bytes, 'named-wrongly.gif', 'text/plain')
      expect(res.status, await res.clone().text()).toBe(201)
      expect(((await res.json()) as Photo).sourceFormat).toBe(format)
    }
  })

  it('answers the same photo for the same file, records each upload in the audit log, and reads it back', async () => {
    const bytes = await jpegWith(640, 480)
    const first = await uploaded(bytes)
    expect(first.id).toMatch(PHOTO_ID)
    const again = await upload(bytes)
    expect(again.status).toBe(200)
    expect(((await again.json()) as Photo).id).toBe(first.id)
    const read = await t.request(HOST, `/api/v1/photos/${first.id}`)
    expect(((await read.json()) as Photo).urls.avif['640']).toBe(`/media/photos/${first.id}/640.avif`)
    const audit = await t.request(HOST, `/api/v1/audit?entity=cerdas.photo`, { token: TEST_OPERATOR_TOKEN })
    expect(await audit.text()).toContain(first.id)
  })

  it('needs a login to upload and an unlimited admin to delete', async () => {
    await expectProblem(await upload(await jpegWith(64, 64), 'a.jpg', 'image/jpeg', null), 401)
    const photo = await uploaded(await jpegWith(64, 48))
    await expectProblem(await t.request(HOST, `/api/v1/photos/${photo.id}`, { method: 'DELETE' }), 401)
  })

  it('deletes a photo and its files, and answers 404 after', async () => {
    const photo = await uploaded(await jpegWith(330, 200))
    const files = storedFiles(photo)
    const res = await t.request(HOST, `/api/v1/photos/${photo.id}`, { method: 'DELETE', token: TEST_OPERATOR_TOKEN })
    expect(res.status).toBe(204)
    for (const file of files) await expect(readFile(file.path)).rejects.toThrow()
    await expectProblem(await t.request(HOST, `/api/v1/photos/${photo.id}`), 404)
    await expectProblem(await t.request(HOST, '/api/v1/photos/..%2F..%2Fcontrol.db'), 404)
  })
})
