import type { LocalizedText } from './localized-text'

/**
 * A photo as a record holds it (`field.photos`): the tenant's uploaded photo by id, with the alt
 * text, credit and licence the editor gave for this use, and the size of its largest rendition.
 */
export interface PhotoRef {
  id: string
  /** What the photo shows, for people who cannot see it: Indonesian required. */
  alt: LocalizedText
  /** Who took it (`Foto: Dinas Pariwisata Toba`). */
  credit: string | null
  /** Under which terms it is used (`CC BY 4.0`). */
  licence: string | null
  /** Pixels of the largest rendition; the smaller ones keep its aspect ratio. */
  width: number
  height: number
}

/** Formats every photo is stored in: AVIF and WebP for browsers that take them, JPEG for all. */
export const PHOTO_FORMATS = ['avif', 'webp', 'jpg'] as const
export type PhotoFormat = (typeof PHOTO_FORMATS)[number]

/** Widths of the renditions made of each photo, smallest first; a photo is never enlarged. */
export const PHOTO_WIDTHS = [320, 640, 1024, 1600] as const

/** The widest rendition: uploads wider than this are stored at this width. */
export const PHOTO_MAX_WIDTH = PHOTO_WIDTHS[PHOTO_WIDTHS.length - 1] as number

/** Photo ids, as made by `newId('pho')`: the only names the stores and URLs accept. */
export const PHOTO_ID = /^pho_[0-9A-HJKMNP-TV-Z]{26}$/

/**
 * The widths stored of a photo whose largest rendition is `width` wide: every standard width below
 * it, and `width` itself (so a 500-pixel photo has 320 and 500).
 * @example photoWidths(1200) // [320, 640, 1024, 1200]
 */
export function photoWidths(width: number): number[] {
  const largest = Math.min(Math.round(width), PHOTO_MAX_WIDTH)
  return [...PHOTO_WIDTHS.filter((w) => w < largest), largest]
}

/**
 * The address of one rendition, served by the web server for the tenant of the host.
 * @example photoUrl('pho_01J...', 640, 'webp') // '/media/photos/pho_01J.../640.webp'
 */
export function photoUrl(id: string, width: number, format: PhotoFormat): string {
  return `/media/photos/${encodeURIComponent(id)}/${width}.${format}`
}

/** A `srcset` of every stored width of a photo in one format. */
export function photoSrcSet(photo: Pick<PhotoRef, 'id' | 'width'>, format: PhotoFormat): string {
  return photoWidths(photo.width)
    .map((w) => `${photoUrl(photo.id, w, format)} ${w}w`)
    .join(', ')
}

/** The height of the rendition `width` wide of a photo whose largest rendition is `photo`. */
export function photoHeightAt(photo: Pick<PhotoRef, 'width' | 'height'>, width: number): number {
  return Math.max(1, Math.round((photo.height * width) / photo.width))
}

/** The content type of a stored rendition. */
export const PHOTO_CONTENT_TYPES: Record<PhotoFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpg: 'image/jpeg',
}
