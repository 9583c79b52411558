import type { FieldIssue } from '@cerdas/platform'
import { fieldId } from './components'
import { useAdminT } from './use-admin-t'

/** A module setting as the page renders it (see settings.server.ts). */
export interface SettingsInputField {
  name: string
  label: string
  type: 'number' | 'checkbox' | 'select' | 'multiselect' | 'text'
  min?: number
  max?: number
  integer?: boolean
  maxLength?: number
  options?: string[]
  defaultText?: string
}

/**
 * One input generated from a module's settings schema: numbers with the
 * schema's bounds, booleans as checkboxes, enums as selects, arrays of enums
 * as checkbox groups, strings as text. `prefix` keeps ids unique on a page
 * with several modules' forms.
 */
export function SettingsInput({
  prefix,
  field,
  value,
  issue,
}: {
  prefix: string
  field: SettingsInputField
  value: string
  issue?: FieldIssue | undefined
}) {
  const t = useAdminT()
  const name = `${prefix}.${field.name}`
  const id = fieldId(name)
  const hasRange = field.min !== undefined && field.max !== undefined
  const help = [
    field.type === 'number' && hasRange ? t('rangeHelp', { min: field.min ?? '', max: field.max ?? '' }) : '',
    field.defaultText !== undefined && field.defaultText !== '' ? t('defaultValue', { value: field.defaultText }) : '',
  ]
    .filter(Boolean)
    .join(' ')
  const describedBy = [help ? `${id}-help` : '', issue ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  const error = issue ? (
    <p className="field-error" id={`${id}-error`}>
      {issue.message ?? t('invalid')}
    </p>
  ) : null
  const helpText = help ? (
    <p className="help" id={`${id}-help`}>
      {help}
    </p>
  ) : null
  const invalid = issue ? true : undefined

  if (field.type === 'multiselect') {
    const chosen = new Set(value.split(',').filter(Boolean))
    return (
      <fieldset className={`field field-multi${issue ? ' field-invalid' : ''}`} aria-describedby={describedBy}>
        <legend>{field.label}</legend>
        {helpText}
        {error}
        {(field.options ?? []).map((option, i) => (
          <label key={option} className="check" htmlFor={i === 0 ? id : `${id}-${option}`}>
            <input
              type="checkbox"
              id={i === 0 ? id : `${id}-${option}`}
              name={name}
              value={option}
              defaultChecked={chosen.has(option)}
              aria-invalid={invalid}
            />{' '}
            {option}
          </label>
        ))}
      </fieldset>
    )
  }
  if (field.type === 'checkbox') {
    return (
      <div className={`field field-checkbox${issue ? ' field-invalid' : ''}`}>
        <label htmlFor={id} className="check">
          <input
            type="checkbox"
            id={id}
            name={name}
            defaultChecked={value === 'on'}
            aria-invalid={invalid}
            aria-describedby={describedBy}
          />{' '}
          {field.label}
        </label>
        {helpText}
        {error}
      </div>
    )
  }
  const common = { id, name, 'aria-invalid': invalid, 'aria-describedby': describedBy, defaultValue: value }
  return (
    <div className={`field field-${field.type}${issue ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{field.label}</label>
      {helpText}
      {error}
      {field.type === 'select' ? (
        <select {...common}>
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : field.type === 'number' ? (
        <input
          {...common}
          type="number"
          min={field.min}
          max={field.max}
          step={field.integer ? 1 : 'any'}
          inputMode={field.integer ? 'numeric' : 'decimal'}
        />
      ) : (
        <input {...common} type="text" maxLength={field.maxLength} />
      )}
    </div>
  )
}
