import { crc32, createDeflate } from 'node:zlib'
import sharp from 'sharp'

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * A valid PNG of one colour and any size, small in bytes whatever its pixels: the rows are equal,
 * so they compress to almost nothing. At 20000 × 20000 it is a decompression bomb (1.2 GB decoded).
 */
export async function solidPng(
  width: number,
  height: number,
  rgb: [number, number, number] = [0, 120, 200],
): Promise<Buffer> {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.alloc(1 + width * 3)
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3)
  // One zlib stream fed a slice of rows at a time: memory stays at a slice, not the whole image.
  const rowsPerSlice = Math.max(1, Math.min(height, Math.floor((4 * 1024 * 1024) / row.length)))
  const slice = Buffer.concat(Array.from({ length: rowsPerSlice }, () => row))
  const deflate = createDeflate({ level: 9 })
  const out: Buffer[] = []
  deflate.on('data', (d: Buffer) => out.push(d))
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject))
  for (let left = height; left > 0; left -= rowsPerSlice) {
    const n = Math.min(rowsPerSlice, left)
    if (!deflate.write(n === rowsPerSlice ? slice : slice.subarray(0, n * row.length)))
      await new Promise((resolve) => deflate.once('drain', resolve))
  }
  deflate.end()
  await done
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', Buffer.concat(out)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** A photo-like JPEG (a gradient, so renditions differ in size) with the given EXIF. */
export async function jpegWith(
  width: number,
  height: number,
  exif?: Record<string, Record<string, string>>,
  orientation?: number,
) {
  const gradient = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) gradient.set([(x * 255) / width, (y * 255) / height, 128], (y * width + x) * 3)
  const image = sharp(gradient, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 })
  const tagged = exif ? image.withExif(exif) : image
  return (orientation ? tagged.withMetadata({ orientation }) : tagged).toBuffer()
}
