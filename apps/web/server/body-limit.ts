import type { AnyModule } from '@cerdas/core'

/** The largest request bodies the pages accept, in bytes. */
export interface WebBodyLimits {
  /** Forms: sign-in, the console's record and settings forms. */
  form: number
  /** The console's sheet import pages (an upload, then the preview's confirm form). */
  import: number
}

export const DEFAULT_WEB_BODY_LIMITS: WebBodyLimits = { form: 64 * 1024, import: 10 * 1024 * 1024 }

/** Import pages, also as Remix's `.data` requests; routes match regardless of case. */
const IMPORT_PATH = /^\/admin\/impor\//i

/** The limit for a request to `pathname`. */
export function bodyLimitFor(pathname: string, limits: WebBodyLimits): number {
  return IMPORT_PATH.test(pathname) ? limits.import : limits.form
}

/**
 * The request with a body of at most `limit` bytes, or null when it is larger. A Content-Length
 * over the limit is refused before a byte is read; a body without one (chunked) is counted as it
 * streams and refused as soon as it passes the limit, so at most `limit` bytes are ever held.
 */
export async function bodyWithin(request: Request, limit: number): Promise<Request | null> {
  if (!request.body) return request
  const length = request.headers.get('content-length')
  // Node's parser reads exactly Content-Length bytes, so a declared length within the limit holds.
  if (length !== null && !request.headers.has('transfer-encoding')) return Number(length) > limit ? null : request
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    // Not cancelled: that would reset the connection before the refusal is sent (the server
    // drains the rest, bounded, after answering).
    if (size > limit) return null
    chunks.push(value)
  }
  return new Request(request, { body: Buffer.concat(chunks, size) })
}

/** The console's record forms, which are multipart when they upload a photo. */
const RECORD_FORM_PATH = /^\/admin\/data\//i

/** The citizen report form and the address its offline drafts are sent to: up to three photos. */
const REPORT_FORM_PATH = /^\/lapor(\/kirim)?(\.data)?$/i

/** Whether a request is a console record form carrying a file (a photo upload). */
export function isPhotoForm(pathname: string, contentType: string | undefined): boolean {
  return photoFormFiles(pathname, contentType) > 0
}

/** How many photos a multipart form to `pathname` may carry: one on a console record form, three on the report form. */
export function photoFormFiles(pathname: string, contentType: string | undefined): number {
  if (!/^multipart\/form-data\b/i.test(contentType ?? '')) return 0
  if (RECORD_FORM_PATH.test(pathname)) return 1
  return REPORT_FORM_PATH.test(pathname) ? 3 : 0
}

/** A module's console screen whose form uploads a file (`upload` on its admin route). */
export interface UploadScreen {
  pattern: RegExp
  maxBytes: number
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The modules' upload screens as path patterns (a `:param` is one segment), also as `.data` requests. */
export function uploadScreens(modules: readonly AnyModule[]): UploadScreen[] {
  return modules.flatMap((mod) =>
    (mod.admin?.routes ?? []).flatMap((route) => {
      if (!route.upload) return []
      const path = route.path
        .split('/')
        .map((segment) => (segment.startsWith(':') ? '[^/]+' : escapeRegExp(segment)))
        .join('/')
      return [{ pattern: new RegExp(`^/admin/${path}(\\.data)?$`, 'i'), maxBytes: route.upload.maxBytes }]
    }),
  )
}

/** The body limit of a multipart form to an upload screen (its file and the form's framing), or null. */
export function uploadScreenLimit(
  screens: readonly UploadScreen[],
  pathname: string,
  contentType: string | undefined,
): number | null {
  if (!/^multipart\/form-data\b/i.test(contentType ?? '')) return null
  const screen = screens.find((s) => s.pattern.test(pathname))
  return screen ? screen.maxBytes + 64 * 1024 : null
}
