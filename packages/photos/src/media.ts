import { PHOTO_CONTENT_TYPES, PHOTO_FORMATS, PHOTO_ID, type PhotoFormat } from '@cerdas/core'
import type { PhotoStorage } from './storage'
import { photoKey } from './storage'

/** Renditions never change under their address (a new upload is a new id). */
export const IMMUTABLE = 'public, max-age=31536000, immutable'

const FILE = /^(\d{1,5})\.(avif|webp|jpg)$/

/** An RFC 9457 answer for media routes, which answer outside the API. */
export function mediaProblem(status: 404 | 400, detail: string): Response {
  return new Response(
    JSON.stringify({
      type: `urn:cerdas:problem:${status === 404 ? 'not-found' : 'bad-request'}`,
      title: status === 404 ? 'Not found' : 'Bad request',
      status,
      detail,
    }),
    {
      status,
      headers: {
        'Content-Type': 'application/problem+json',
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    },
  )
}

/**
 * One rendition of a tenant's photo (`/media/photos/<id>/<width>.<format>`), from that tenant's
 * files only: another tenant's id, an unknown id or a width not stored is a 404.
 */
export async function servePhotoFile(
  storage: PhotoStorage,
  tenantId: string,
  id: string,
  file: string,
  method: 'GET' | 'HEAD' = 'GET',
): Promise<Response> {
  const m = FILE.exec(file)
  if (!PHOTO_ID.test(id) || !m) return mediaProblem(404, 'No such photo.')
  const format = m[2] as PhotoFormat
  if (!PHOTO_FORMATS.includes(format)) return mediaProblem(404, 'No such photo.')
  const stored = await storage.get(photoKey(tenantId, id, Number(m[1]), format))
  if (!stored) return mediaProblem(404, 'No such photo.')
  const headers = {
    'Content-Type': PHOTO_CONTENT_TYPES[format],
    'Content-Length': String(stored.size),
    'Cache-Control': IMMUTABLE,
    'X-Content-Type-Options': 'nosniff',
    // Content never changes under this address: its address is a validator too.
    ETag: `"${id}-${m[1]}-${format}"`,
  }
  if (method === 'HEAD') {
    if (stored.body instanceof ReadableStream) await stored.body.cancel()
    return new Response(null, { status: 200, headers })
  }
  return new Response(stored.body as ReadableStream<Uint8Array<ArrayBuffer>>, { status: 200, headers })
}
