/** What an upload may be. The operator sets these; no tenant setting can raise them. */
export interface PhotoLimits {
  /** Largest upload, in bytes (413 above). */
  maxBytes: number
  /** Most pixels of the uploaded image (width × height), checked from its header before decoding. */
  maxPixels: number
  /** Uploads processed at once in this process; more wait, so uploads cannot starve pages. */
  concurrency: number
}

export const DEFAULT_PHOTO_LIMITS: PhotoLimits = {
  maxBytes: 15 * 1024 * 1024,
  maxPixels: 40_000_000,
  concurrency: 2,
}
