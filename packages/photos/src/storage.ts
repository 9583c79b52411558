import { PHOTO_FORMATS, PHOTO_ID, type PhotoFormat } from '@cerdas/core'

/** A stored file, read back. */
export interface StoredFile {
  body: ReadableStream<Uint8Array> | Uint8Array
  size: number
}

/**
 * Where photo files live: the data directory by default, S3-compatible object storage when the
 * operator configures it. Keys are made here from generated ids, never from a client's path.
 */
export interface PhotoStorage {
  readonly kind: 'local' | 's3'
  put(key: PhotoKey, data: Uint8Array, contentType: string): Promise<void>
  /** The file, or null when there is none. */
  get(key: PhotoKey): Promise<StoredFile | null>
  delete(keys: readonly PhotoKey[]): Promise<void>
}

/** A checked key: `<tenant id>/<photo id>/<width>.<format>`. */
export type PhotoKey = string & { readonly __photoKey: true }

/** Tenant ids are the control plane's generated ids or slugs: plain lowercase words. */
const TENANT_ID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * The key of one rendition; throws on anything not made of generated ids, so no key can name a
 * path outside a tenant's photos.
 */
export function photoKey(tenantId: string, photoId: string, width: number, format: PhotoFormat): PhotoKey {
  if (!TENANT_ID.test(tenantId)) throw new Error(`bad tenant id for a photo key: ${tenantId}`)
  if (!PHOTO_ID.test(photoId)) throw new Error(`bad photo id: ${photoId}`)
  if (!Number.isInteger(width) || width < 1 || width > 10_000) throw new Error(`bad width: ${width}`)
  if (!PHOTO_FORMATS.includes(format)) throw new Error(`bad format: ${format}`)
  return `${tenantId}/${photoId}/${width}.${format}` as PhotoKey
}
