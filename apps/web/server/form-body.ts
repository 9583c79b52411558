/** What pages accept as a body: what an HTML form (and Remix's own `.data` submissions) send. */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data'])

/** Methods whose body a page action reads with `request.formData()`. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export type FormBodyFault = 'unsupported' | 'malformed'

/**
 * Why a page's actions could not read this request's form, or null when they can. Checked once
 * here so no route meets a `request.formData()` failure (a TypeError, else a 500): another
 * Content-Type is unsupported (415), a form body that does not parse is malformed (400). The
 * body is parsed from a clone, already held within the body limit.
 */
export async function formBodyFault(request: Request): Promise<FormBodyFault | null> {
  if (!BODY_METHODS.has(request.method)) return null
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? ''
  if (!FORM_TYPES.has(mediaType)) return 'unsupported'
  try {
    await request.clone().formData()
    return null
  } catch {
    return 'malformed'
  }
}
