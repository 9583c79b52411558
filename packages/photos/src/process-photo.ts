import { PHOTO_FORMATS, PHOTO_MAX_WIDTH, type PhotoFormat, photoWidths, problem } from '@cerdas/core'
import sharp, { type Metadata, type OutputInfo } from 'sharp'
import type { PhotoLimits } from './limits'
import { type SourceFormat, sniffImageFormat } from './sniff'

/** One stored file of a photo. */
export interface Rendition {
  width: number
  format: PhotoFormat
  data: Buffer
}

export interface ProcessedPhoto {
  sourceFormat: SourceFormat
  /** Size of the largest rendition (the upload turned upright, at most {@link PHOTO_MAX_WIDTH} wide). */
  width: number
  height: number
  renditions: Rendition[]
}

/** Formats sharp can read here; HEIC needs a decoder this build does not have. */
const READABLE = new Set<SourceFormat>(['jpeg', 'png', 'webp', 'avif'])

const unsupported = (detail: string) => problem('unsupportedMediaType', detail)
const tooManyPixels = (limit: number) =>
  problem('validation', `The image has more than ${limit} pixels.`, {
    errors: [{ pointer: '/file', message: `more than ${limit} pixels` }],
  })

/**
 * Checks an upload and makes its renditions: the type from the content (415 otherwise), the pixel
 * count from the header before anything is decoded (a decompression bomb never is), then the image
 * turned upright and re-encoded at each width in AVIF, WebP and JPEG. Every file is made from
 * decoded pixels, so none carries the upload's EXIF (GPS included), XMP or ICC data.
 */
export async function processPhoto(bytes: Uint8Array, limits: PhotoLimits): Promise<ProcessedPhoto> {
  const sourceFormat = sniffImageFormat(bytes)
  if (!sourceFormat) throw unsupported('Upload a JPEG, PNG, WebP or AVIF image.')
  if (!READABLE.has(sourceFormat)) throw unsupported('HEIC photos cannot be read here: send them as JPEG.')
  const input = { limitInputPixels: limits.maxPixels, failOn: 'error' as const, sequentialRead: true }
  let meta: Metadata
  try {
    // The header only: nothing is decoded, so a bomb's size is known before it could explode.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch {
    throw unsupported('The file is not a readable image.')
  }
  const expected = sourceFormat === 'jpeg' ? 'jpeg' : sourceFormat === 'avif' ? 'heif' : sourceFormat
  if (meta.format !== expected || !meta.width || !meta.height) throw unsupported('The file is not a readable image.')
  if (meta.width * meta.height > limits.maxPixels) throw tooManyPixels(limits.maxPixels)
  let base: { data: Buffer; info: OutputInfo }
  try {
    // Turned upright by its EXIF orientation, then held as plain sRGB pixels: nothing else survives.
    base = await sharp(bytes, input)
      .rotate()
      .resize({ width: PHOTO_MAX_WIDTH, withoutEnlargement: true })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true })
  } catch {
    throw unsupported('The file is not a readable image.')
  }
  const { width, height, channels } = base.info
  const raw = { raw: { width, height, channels } }
  const renditions: Rendition[] = []
  for (const w of photoWidths(width)) {
    for (const format of PHOTO_FORMATS) {
      let image = sharp(base.data, raw)
      if (w !== width) image = image.resize({ width: w })
      const data =
        format === 'avif'
          ? await image.avif({ quality: 50, effort: 2 }).toBuffer()
          : format === 'webp'
            ? await image.webp({ quality: 78 }).toBuffer()
            : await image.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }).toBuffer()
      renditions.push({ width: w, format, data })
    }
  }
  return { sourceFormat, width, height, renditions }
}
