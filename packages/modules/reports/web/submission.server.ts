import type { TenantContext } from '@cerdas/core'
import { isProblemError } from '@cerdas/core'
import type { WebLoadContext } from '@cerdas/core/web'
import { translator } from '@cerdas/core/web'
import { admitSubmission, findDuplicates, submitReport } from '../src/index'
import { MAX_PHOTOS, reportInputSchema } from '../src/input'
import { localizeReportMessage } from '../src/messages'
import type { ReportInput } from '../src/types'
import { messages } from './messages'

/** The cookie that keeps a browser's random device id (for the per-device limit). */
export const DEVICE_COOKIE = 'cerdas_device'

/** The form's text fields, echoed back on an error so nothing typed is lost. */
export const FORM_FIELDS = [
  'category',
  'description',
  'lat',
  'lon',
  'kecamatan',
  'desa',
  'landmark',
  'atHome',
  'name',
  'phone',
  'email',
] as const
export type FormValues = Partial<Record<(typeof FORM_FIELDS)[number], string>>

export interface DuplicateHint {
  number: string
  description: string | null
  place: string
}

export type SubmissionResult =
  | { kind: 'invalid'; values: FormValues; errors: Record<string, string>; duplicates: DuplicateHint[] }
  | { kind: 'limited'; values: FormValues; retryAfter: number; retryAt: string }
  | { kind: 'sent'; number: string; trackingCode: string | null; replayed: boolean }

/** The device id of a request: the form's field, else the cookie. */
export function deviceOf(request: Request, form?: FormData): string | undefined {
  const field = form?.get('device')
  if (typeof field === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(field)) return field
  const match = /(?:^|;\s*)cerdas_device=([A-Za-z0-9_-]{8,64})/.exec(request.headers.get('cookie') ?? '')
  return match?.[1]
}

const text = (form: FormData, name: string) => {
  const v = form.get(name)
  return typeof v === 'string' ? v : ''
}

/** A form field's name for a zod issue path (`point` → the location fields). */
function fieldOf(path: PropertyKey[]): string {
  const head = String(path[0] ?? 'form')
  if (head === 'point') return 'location'
  // The delay token and the draft key are the form's own: their refusal is said above the form.
  return head === 'delayToken' || head === 'clientKey' ? 'form' : head
}

/** Duplicate hints for a category and place, as the form shows them. */
export async function duplicateHints(
  ctx: TenantContext,
  where: { category: string; point?: { lat: number; lon: number } | null; kecamatan?: string; desa?: string },
): Promise<DuplicateHint[]> {
  if (!where.category || !(where.point || where.desa)) return []
  const found = await findDuplicates(ctx, where).catch(() => [])
  return found.slice(0, 5).map((r) => ({
    number: r.number,
    description: r.description,
    place: [r.desa, r.kecamatan].filter(Boolean).join(', '),
  }))
}

/**
 * Takes the report form (multipart): checks it, stores its photos through the web app's upload
 * capability, and submits it under the IP, device and delay-token guard. Photos are stored only
 * once the text fields are valid, so a refused form leaves nothing behind.
 */
export async function handleSubmission(
  ctx: TenantContext,
  web: WebLoadContext,
  request: Request,
): Promise<SubmissionResult> {
  const t = translator(messages, web.locale)
  const form = await request.formData()
  const values: FormValues = {}
  for (const name of FORM_FIELDS) {
    const v = text(form, name)
    if (v) values[name] = v
  }
  const lat = Number.parseFloat(values.lat ?? '')
  const lon = Number.parseFloat(values.lon ?? '')
  const point = Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null
  const clientKey = text(form, 'clientKey') || undefined
  const input: ReportInput = {
    category: values.category ?? '',
    description: values.description ?? '',
    point,
    kecamatan: values.kecamatan,
    desa: values.desa,
    landmark: values.landmark,
    atHome: values.atHome === 'on',
    name: values.name,
    phone: values.phone,
    email: values.email,
    clientKey,
    source: 'web',
  }
  const files = form.getAll('photos').filter((f): f is File => typeof f !== 'string' && f.size > 0)
  const errors: Record<string, string> = {}
  const checked = reportInputSchema.safeParse(input)
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = fieldOf(issue.path)
      errors[field] ??= localizeReportMessage(issue.message, web.locale)
    }
  }
  if (files.length > MAX_PHOTOS) errors.photos = t('tooManyPhotos')
  const invalid = async () => ({
    kind: 'invalid' as const,
    values,
    errors,
    duplicates: await duplicateHints(ctx, {
      category: input.category,
      point,
      kecamatan: input.kecamatan,
      desa: input.desa,
    }),
  })
  if (Object.keys(errors).length > 0) return invalid()
  const guard = { ip: web.clientIp, device: deviceOf(request, form), delayToken: text(form, 'delayToken') || undefined }
  try {
    // Counted (and the delay token checked) before any photo is decoded: a refused flood costs no image work.
    await admitSubmission(ctx, guard)
    const photos: { id: string; width: number; height: number }[] = []
    for (const file of files) {
      try {
        if (!web.uploadPhoto) throw new Error('The web app offers no photo upload')
        photos.push(await web.uploadPhoto(ctx, new Uint8Array(await file.arrayBuffer())))
      } catch (error) {
        if (!isProblemError(error) || error.problem.status >= 500) throw error
        const status = error.problem.status
        const reason =
          status === 415 ? t('photoNotImage') : status === 413 ? t('photoTooLarge') : t('photoTooManyPixels')
        errors.photos = t('photoRefused', { name: file.name, reason })
      }
    }
    if (errors.photos) return invalid()
    const result = await submitReport(ctx, { ...input, photos }, guard, { admitted: true })
    return {
      kind: 'sent',
      number: result.report.number,
      trackingCode: result.trackingCode,
      replayed: result.replayed,
    }
  } catch (error) {
    if (!isProblemError(error) || error.problem.status >= 500) throw error
    const p = error.problem
    if (p.status === 429) {
      const retryAfter = Number(p.retryAfter ?? 3600) || 3600
      return {
        kind: 'limited',
        values,
        retryAfter,
        retryAt: new Date(ctx.now().getTime() + retryAfter * 1000).toISOString(),
      }
    }
    for (const e of p.errors ?? []) {
      const field = fieldOf(e.pointer.split('/').filter(Boolean))
      errors[field] ??= localizeReportMessage(e.message, web.locale)
    }
    if (Object.keys(errors).length === 0) {
      errors.form = /token|terlalu cepat|kedaluwarsa/i.test(`${p.detail ?? ''}`)
        ? t('tooFast')
        : localizeReportMessage(p.detail ?? p.title, web.locale)
    }
    return invalid()
  }
}
