import { isProblemError, type TenantContext } from '@cerdas/core'
import { admitSubmission, submitReport } from '../submit'
import type { SubmissionGuard } from '../types'
import { Open311Error } from './errors'

/** Photos sent as multipart `media` files (up to 3); `media_url` is never fetched (the server must not call out). */
export type StorePhoto = (bytes: Uint8Array) => Promise<{ id: string; width: number; height: number }>

export interface CreateRequestInput {
  /** Every form field, `attribute[code]` keys included, as sent. */
  fields: Record<string, string>
  media: Uint8Array[]
  guard: SubmissionGuard
  storePhoto?: StorePhoto | undefined
}

const number = (value: string | undefined, name: string): number | undefined => {
  if (value === undefined || value.trim() === '') return undefined
  const n = Number(value)
  if (!Number.isFinite(n)) throw new Open311Error(400, `${name} must be a number.`)
  return n
}

/** The first problem's words, for GeoReport's single `description`. */
function describe(error: unknown): never {
  if (error instanceof Open311Error) throw error
  if (isProblemError(error)) {
    const p = error.problem
    const first = p.errors?.[0]
    const text = first ? `${first.pointer.replace(/^\//, '') || 'request'}: ${first.message}` : (p.detail ?? p.title)
    const status =
      p.status === 404 ? 404 : p.status === 413 ? 413 : p.status === 415 ? 415 : p.status === 429 ? 429 : 400
    const retry = Number((p as { retryAfter?: unknown }).retryAfter)
    throw new Open311Error(status, text, Number.isFinite(retry) ? retry : undefined)
  }
  throw error
}

/**
 * `POST requests`: a report from a GeoReport client. `lat`/`long` or `attribute[kecamatan]` with
 * `attribute[desa]` or `attribute[landmark]`; `first_name`/`last_name`, `email`, `phone` are kept
 * private like every reporter's. Answers the new request's number, the tracking code the client
 * hands its user (their key to confirm, reopen or ask for their data) and a token.
 */
export async function createOpen311Request(ctx: TenantContext, input: CreateRequestInput) {
  const f = input.fields
  if (!f.service_code) throw new Open311Error(400, 'service_code is required.')
  if (f.media_url) throw new Open311Error(400, 'media_url is not accepted: send photos as multipart "media" files.')
  if (input.media.length > 3) throw new Open311Error(400, 'At most 3 media files.')
  const lat = number(f.lat, 'lat')
  const lon = number(f.long, 'long')
  if ((lat === undefined) !== (lon === undefined)) throw new Open311Error(400, 'lat and long go together.')
  const atHome = f['attribute[at_home]']
  if (atHome !== undefined && atHome !== 'true' && atHome !== 'false')
    throw new Open311Error(400, 'attribute[at_home] must be true or false.')
  const name = [f.first_name, f.last_name]
    .map((v) => v?.trim())
    .filter(Boolean)
    .join(' ')
  try {
    // Counted before any photo is decoded: a refused flood costs no image work.
    await admitSubmission(ctx, input.guard)
    const photos = []
    for (const bytes of input.media) {
      if (!input.storePhoto) throw new Open311Error(415, 'Photos cannot be stored here.')
      photos.push(await input.storePhoto(bytes))
    }
    const result = await submitReport(
      ctx,
      {
        category: f.service_code,
        description: f.description ?? '',
        point: lat !== undefined && lon !== undefined ? { lat, lon } : null,
        kecamatan: f['attribute[kecamatan]'],
        desa: f['attribute[desa]'],
        landmark: f['attribute[landmark]'] ?? f.address_string,
        atHome: atHome === 'true',
        name: name || undefined,
        email: f.email,
        phone: f.phone,
        photos,
        source: 'open311',
      } as Parameters<typeof submitReport>[1],
      input.guard,
      { admitted: true },
    )
    return {
      service_request_id: result.report.number,
      service_notice: null,
      account_id: null,
      tracking_code: result.trackingCode,
    }
  } catch (error) {
    describe(error)
  }
}
