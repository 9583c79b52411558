import type { FormField, Issues } from './components'
import { fieldId } from './components'

/** A record's photos in the console form, carried as their JSON list. */
export function PhotosField({
  field,
  values,
  errors,
}: {
  field: FormField
  values: Record<string, string>
  errors: Issues
}) {
  const id = fieldId(field.name)
  const issue = errors[field.name]
  return (
    <fieldset className={`field field-photos${issue ? ' field-invalid' : ''}`}>
      <legend id={id}>{field.label}</legend>
      <input type="hidden" name={field.name} value={values[field.name] ?? '[]'} />
    </fieldset>
  )
}
