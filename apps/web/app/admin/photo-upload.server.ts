import { type AdminField, hasPermission, isProblemError } from '@cerdas/core'
import { translator } from '@cerdas/core/web'
import { type FormIssue, NEW_PHOTO_INPUTS, rowInputName } from '@cerdas/platform'
import type { Console } from './guard.server'
import { adminMessages } from './messages'

const UPLOAD = 'cerdas.photos:upload'

/** The next free row number of a photos field in form values. */
function nextRow(values: Record<string, string>, name: string): number {
  let next = 0
  for (const key of Object.keys(values)) {
    const m = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.id$`).exec(key)
    if (m) next = Math.max(next, Number(m[1]) + 1)
  }
  return next
}

/**
 * Stores the photo each photos field of a console form carries (`<field>.new.file`) and adds it
 * to the field's rows with the alt text, credit and licence typed beside it, so the record's write
 * names it like any other. A file without Indonesian alt text, or one the upload refuses, comes
 * back as an issue next to its input; what was typed stays in the values shown again.
 */
export async function takePhotoUploads(
  console: Console,
  fields: readonly AdminField[],
  form: FormData,
  values: Record<string, string>,
): Promise<{ values: Record<string, string>; errors: Record<string, FormIssue> }> {
  const errors: Record<string, FormIssue> = {}
  const next = { ...values }
  const t = translator(adminMessages, console.locale)
  for (const field of fields.filter((f) => f.type === 'photos')) {
    const file = form.get(`${field.name}.new.file`)
    if (!file || typeof file === 'string' || file.size === 0) continue
    const at = (sub: string) => `${field.name}.new.${sub}`
    if (!(next[at('alt.id')] ?? '').trim()) {
      errors[at('alt.id')] = { code: 'required' }
      continue
    }
    if (!console.web.uploadPhoto || !hasPermission(console.session.grants, console.catalog.get(UPLOAD))) {
      errors[at('file')] = { code: 'custom', message: t('photoNotAllowed') }
      continue
    }
    try {
      const photo = await console.web.uploadPhoto(console.ctx, new Uint8Array(await file.arrayBuffer()))
      const row = nextRow(next, field.name)
      next[rowInputName(field.name, row, 'id')] = photo.id
      next[rowInputName(field.name, row, 'width')] = String(photo.width)
      next[rowInputName(field.name, row, 'position')] = String(row + 1)
      for (const sub of NEW_PHOTO_INPUTS) {
        next[rowInputName(field.name, row, sub)] = next[at(sub)] ?? ''
        delete next[at(sub)]
      }
    } catch (error) {
      if (!isProblemError(error) || error.problem.status >= 500) throw error
      // The console speaks the editor's language: the upload's refusals by kind, the API's words otherwise.
      const status = error.problem.status
      const message =
        status === 415
          ? t('photoNotImage')
          : status === 413
            ? t('photoTooLarge')
            : status === 422
              ? t('photoTooManyPixels')
              : (error.problem.detail ?? error.problem.title)
      errors[at('file')] = { code: 'custom', message }
    }
  }
  return { values: next, errors }
}
