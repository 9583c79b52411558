import { photoUrl, photoWidths } from '@cerdas/core/web'
import { Field, type FormField, fieldId, type Issues, useIssueText } from './components'
import { useAdminT } from './use-admin-t'

/** Row numbers of the photos in form values (`photos.2.id` → 2), in order. */
function photoRows(values: Record<string, string>, name: string): number[] {
  const rows: number[] = []
  for (const key of Object.keys(values)) {
    if (!key.startsWith(`${name}.`) || !key.endsWith('.id')) continue
    const n = Number(key.slice(name.length + 1, -'.id'.length))
    if (Number.isInteger(n) && values[key]) rows.push(n)
  }
  return rows.sort((a, b) => a - b)
}

/**
 * A record's photos in the console form, all without JavaScript: each stored photo with a small
 * preview, its alt text, credit, licence, a position to reorder by and a remove box; below them one
 * file input with its own alt text adds a photo when the form is saved (the form is multipart).
 */
export function PhotosField({
  field,
  values,
  errors,
}: {
  field: FormField
  values: Record<string, string>
  errors: Issues
}) {
  const t = useAdminT()
  const issueText = useIssueText()
  const id = fieldId(field.name)
  const issue = errors[field.name]
  const rows = photoRows(values, field.name)
  const input = (name: string, label: string, extra: Partial<FormField> = {}): FormField => ({
    name,
    label,
    type: 'text',
    ...extra,
  })
  return (
    <fieldset
      className={`field field-photos${issue ? ' field-invalid' : ''}`}
      aria-describedby={issue ? `${id}-error` : undefined}
    >
      <legend id={id} tabIndex={-1}>
        {field.label}
      </legend>
      {field.help ? <p className="help">{field.help}</p> : null}
      {issue ? (
        <p className="field-error" id={`${id}-error`}>
          {issueText(issue)}
        </p>
      ) : null}
      {rows.length === 0 ? <p className="muted">{t('photoNone')}</p> : null}
      <ol className="list-rows photo-rows">
        {rows.map((n, position) => {
          const at = (sub: string) => `${field.name}.${n}.${sub}`
          const photoId = values[at('id')] ?? ''
          // The smallest rendition, which every photo has (a narrow one only at its own width).
          const width = photoWidths(Number(values[at('width')]) || 320)[0] as number
          return (
            <li key={photoId}>
              <fieldset className="list-row">
                <legend>{t('photoRow', { n: position + 1 })}</legend>
                <input type="hidden" name={at('id')} value={photoId} />
                <input type="hidden" name={at('width')} value={values[at('width')] ?? ''} />
                <img
                  src={photoUrl(photoId, width, 'jpg')}
                  alt=""
                  width={160}
                  loading="lazy"
                  className="photo-preview"
                />
                <Field
                  field={input(at('alt.id'), t('photoAlt'), { required: true, help: t('photoAltHelp') })}
                  value={values[at('alt.id')] ?? ''}
                  issue={errors[at('alt.id')]}
                />
                <Field
                  field={input(at('alt.en'), t('photoAltEn'))}
                  value={values[at('alt.en')] ?? ''}
                  issue={errors[at('alt.en')]}
                />
                <Field
                  field={input(at('credit'), t('photoCredit'))}
                  value={values[at('credit')] ?? ''}
                  issue={errors[at('credit')]}
                />
                <Field
                  field={input(at('licence'), t('photoLicence'))}
                  value={values[at('licence')] ?? ''}
                  issue={errors[at('licence')]}
                />
                <Field
                  field={input(at('position'), t('photoPosition'), { type: 'number', integer: true })}
                  value={values[at('position')] ?? String(position + 1)}
                />
                <Field
                  field={input(at('remove'), t('photoRemove'), { type: 'checkbox' })}
                  value={values[at('remove')] ?? ''}
                />
              </fieldset>
            </li>
          )
        })}
      </ol>
      <fieldset className="list-row photo-new">
        <legend>{t('photoNew')}</legend>
        <div className={`field${errors[`${field.name}.new.file`] ? ' field-invalid' : ''}`}>
          <label htmlFor={fieldId(`${field.name}.new.file`)}>{t('photoFile')}</label>
          <p className="help" id={`${fieldId(`${field.name}.new.file`)}-help`}>
            {t('photoFileHelp')}
          </p>
          {errors[`${field.name}.new.file`] ? (
            <p className="field-error" id={`${fieldId(`${field.name}.new.file`)}-error`}>
              {issueText(errors[`${field.name}.new.file`] as NonNullable<Issues[string]>)}
            </p>
          ) : null}
          <input
            type="file"
            id={fieldId(`${field.name}.new.file`)}
            name={`${field.name}.new.file`}
            accept="image/jpeg,image/png,image/webp,image/avif"
            aria-describedby={`${fieldId(`${field.name}.new.file`)}-help`}
            aria-invalid={errors[`${field.name}.new.file`] ? true : undefined}
          />
        </div>
        {(['alt.id', 'alt.en', 'credit', 'licence'] as const).map((sub) => (
          <Field
            key={sub}
            field={input(
              `${field.name}.new.${sub}`,
              t(
                sub === 'alt.id'
                  ? 'photoAlt'
                  : sub === 'alt.en'
                    ? 'photoAltEn'
                    : sub === 'credit'
                      ? 'photoCredit'
                      : 'photoLicence',
              ),
            )}
            value={values[`${field.name}.new.${sub}`] ?? ''}
            issue={errors[`${field.name}.new.${sub}`]}
          />
        ))}
      </fieldset>
    </fieldset>
  )
}
