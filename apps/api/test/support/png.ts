import { crc32, deflateSync } from 'node:zlib'

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * A real PNG of one colour (`width` × `height`, RGB), made without an image library, so each
 * generated upload can differ (an upload of the same bytes answers the photo already stored).
 */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.alloc(1 + width * 3)
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3)
  const pixels = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

let uploads = 0

/** A small PDF no other call has sent, as an `application/pdf` body (a regulation's document). */
export function pdfUploadBody(): Blob {
  const n = ++uploads
  return new Blob([`%PDF-1.4\n% dokumen uji ${n}\n%%EOF\n`], { type: 'application/pdf' })
}

/** A multipart body with a small photo no other call has made. */
export function photoUploadForm(): FormData {
  const n = ++uploads
  const form = new FormData()
  const png = solidPng(16, 12, [n % 256, (n >> 8) % 256, (n * 37) % 256])
  form.set('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `foto-${n}.png`)
  return form
}
