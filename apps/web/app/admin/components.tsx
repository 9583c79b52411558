import { Fragment, type ReactNode } from 'react'
import { type AdminMessageKey, adminMessages } from './messages'
import type { Flash, FormIssue } from './types'
import { useAdminT } from './use-admin-t'

/** A choice of a select, reference or multiselect, localized. */
export interface FormOption {
  value: string
  label: string
  /** Choices of one group are shown together under it. */
  group?: string
}

/** An admin form field, localized on the server for the page (see `AdminField` in @cerdas/core). */
export interface FormField {
  name: string
  label: string
  type:
    | 'text'
    | 'textarea'
    | 'select'
    | 'datetime'
    | 'url'
    | 'number'
    | 'checkbox'
    | 'email'
    | 'password'
    | 'reference'
    | 'lines'
    | 'multiselect'
    | 'list'
    | 'photos'
  required?: boolean
  options?: FormOption[]
  help?: string
  autoComplete?: string
  /** A whole number (numeric keyboard; thousands separators allowed). */
  integer?: boolean
  /** Heading of the part of the form this field starts. */
  section?: string
  /** A list's inputs of one row (names relative to the row). */
  fields?: FormField[]
  /** What one row of a list is called (`Persyaratan`). */
  rowLabel?: string
  /** Empty rows a list shows below the filled ones. */
  blankRows?: number
  /** Most photos a photos field holds. */
  maxItems?: number
}

export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`

// Module screens use the same form token and badge, so they live in @cerdas/ui.
export { CsrfField, StatusBadge as Badge, useCsrfToken } from '@cerdas/ui'

export function useIssueText() {
  const t = useAdminT()
  const text = (issue: FormIssue): string => {
    switch (issue.code) {
      case 'tooShort':
      case 'tooFew':
      case 'min':
        return t(issue.code, { min: issue.min ?? 1 })
      case 'tooLong':
      case 'tooMany':
      case 'max':
        return t(issue.code, { max: issue.max ?? 0 })
      case 'custom':
        return issue.message ?? t('invalid')
      case 'invalid':
        return t('invalid')
      default:
        return t(issue.code)
    }
  }
  return (issue: FormIssue | string): string => {
    if (typeof issue === 'string') return t(issue as AdminMessageKey)
    return issue.line ? t('lineIssue', { line: issue.line, issue: text(issue) }) : text(issue)
  }
}

/** Field issues: a form issue (the platform's `FieldIssue` is one), or a message key of the console catalogue. */
export type Issues = Record<string, FormIssue | AdminMessageKey>

/** The issues of a list's rows by input name (`requirements.2.document.id`), in row order. */
function rowIssues(field: Pick<FormField, 'name' | 'label' | 'fields' | 'rowLabel'>, errors: Issues) {
  const found: { name: string; label: string; row: number; at: number }[] = []
  const prefix = `${field.name}.`
  for (const name of Object.keys(errors)) {
    if (!name.startsWith(prefix)) continue
    const m = /^(\d+)\.(.+)$/.exec(name.slice(prefix.length))
    const at = field.fields?.findIndex((f) => f.name === m?.[2]) ?? -1
    if (!m || at < 0) continue
    const row = Number(m[1])
    const label = `${field.rowLabel ?? field.label} ${row + 1} · ${field.fields![at]!.label}`
    found.push({ name, label, row, at })
  }
  return found.sort((a, b) => a.row - b.row || a.at - b.at)
}

/** The list of problems at the top of a form, each linking to its field. */
export function ErrorSummary({
  fields,
  errors,
  formErrors = [],
}: {
  fields: readonly (Pick<FormField, 'name' | 'label'> & Partial<Pick<FormField, 'fields' | 'rowLabel'>>)[]
  errors: Issues
  formErrors?: (FormIssue | AdminMessageKey)[]
}) {
  const t = useAdminT()
  const issueText = useIssueText()
  const named = fields.flatMap((f) => [
    ...(errors[f.name] ? [{ name: f.name, label: f.label }] : []),
    ...(f.fields ? rowIssues(f, errors) : []),
  ])
  if (named.length === 0 && formErrors.length === 0) return null
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h2>{t('errorSummary')}</h2>
      <ul>
        {formErrors.map((issue) => {
          const text = issueText(issue)
          return <li key={text}>{text}</li>
        })}
        {named.map((f) => (
          <li key={f.name}>
            <a href={`#${fieldId(f.name)}`}>
              {f.label}: {issueText(errors[f.name]!)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Select options, grouped under `<optgroup>` where they carry a group. */
export function OptionList({ options }: { options: readonly FormOption[] }) {
  const groups: { group: string | undefined; options: FormOption[] }[] = []
  for (const option of options) {
    const last = groups.at(-1)
    if (last && last.group === option.group) last.options.push(option)
    else groups.push({ group: option.group, options: [option] })
  }
  const items = (list: FormOption[]) =>
    list.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ))
  return (
    <>
      {groups.map((g) =>
        g.group ? (
          <optgroup key={`group-${g.options[0]!.value}`} label={g.group}>
            {items(g.options)}
          </optgroup>
        ) : (
          <Fragment key={`plain-${g.options[0]!.value}`}>{items(g.options)}</Fragment>
        ),
      )}
    </>
  )
}

/** The choices of a field, plus the current value when it is not one of them (so it is kept). */
export function choicesWith(
  field: Pick<FormField, 'options'>,
  current: readonly string[],
  missing: string,
): FormOption[] {
  const options = field.options ?? []
  const extra = current
    .filter((v) => v && !options.some((o) => o.value === v))
    .map((v) => ({ value: v, label: missing.replace('{value}', v) }))
  return [...options, ...extra]
}

/** One labelled input with its help and error text wired up for assistive technology. */
export function Field({
  field,
  value,
  issue,
  id: givenId,
}: {
  field: FormField
  value: string
  issue?: FormIssue | AdminMessageKey | undefined
  /** The input's id when it is not derived from its name (list rows keep theirs when moved). */
  id?: string
}) {
  const t = useAdminT()
  const issueText = useIssueText()
  const id = givenId ?? fieldId(field.name)
  const describedBy =
    [field.help ? `${id}-help` : '', issue ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  const common = {
    id,
    name: field.name,
    'aria-invalid': issue ? true : undefined,
    'aria-describedby': describedBy,
    required: field.required,
  }
  let control: ReactNode
  switch (field.type) {
    case 'textarea':
      control = <textarea {...common} defaultValue={value} rows={6} />
      break
    case 'lines':
      control = (
        <textarea {...common} defaultValue={value} rows={Math.min(12, Math.max(3, value.split('\n').length + 1))} />
      )
      break
    case 'select':
    case 'reference':
      control =
        field.type === 'reference' && !field.options ? (
          <input {...common} type="text" defaultValue={value} spellCheck={false} />
        ) : (
          <select {...common} defaultValue={value}>
            <option value="">{t('selectPlaceholder')}</option>
            <OptionList options={choicesWith(field, [value], t('missingChoice'))} />
          </select>
        )
      break
    case 'checkbox':
      control = <input {...common} type="checkbox" defaultChecked={value === 'on'} required={false} />
      break
    default:
      control = (
        <input
          {...common}
          type={field.type === 'datetime' ? 'datetime-local' : field.type === 'number' ? 'text' : field.type}
          defaultValue={value}
          autoComplete={field.autoComplete}
          inputMode={field.type === 'number' ? (field.integer ? 'numeric' : 'decimal') : undefined}
        />
      )
  }
  return (
    <div className={`field field-${field.type}${issue ? ' field-invalid' : ''}`}>
      {field.type === 'checkbox' ? (
        <label htmlFor={id} className="check">
          {control} {field.label}
        </label>
      ) : (
        <label htmlFor={id}>
          {field.label}
          {field.required ? <span className="required"> {t('requiredMark')}</span> : null}
        </label>
      )}
      {field.help ? (
        <p className="help" id={`${id}-help`}>
          {field.help}
        </p>
      ) : null}
      {issue ? (
        <p className="field-error" id={`${id}-error`}>
          {issueText(issue)}
        </p>
      ) : null}
      {field.type === 'checkbox' ? null : control}
    </div>
  )
}

/** The notice (and one-time secret) carried over a redirect. */
export function FlashNotice({ flash }: { flash: Flash | null | undefined }) {
  const t = useAdminT()
  if (!flash) return null
  return (
    <div className="flash" role="status">
      <p>{t(flash.key, flash.vars)}</p>
      {flash.secret ? (
        <div className="secret">
          <h2>{t(flash.secret.title, { name: flash.secret.name })}</h2>
          <p>{t(flash.secret.note, { hours: flash.secret.hours ?? 0 })}</p>
          <label htmlFor="one-time-secret">{t(flash.secret.label)}</label>
          <input id="one-time-secret" className="secret-value" readOnly value={flash.secret.value} />
          <p>
            <code>{flash.secret.value}</code>
          </p>
        </div>
      ) : null}
    </div>
  )
}

export interface RoleChoices {
  roles: { value: string; label: string }[]
  teams: { value: string; label: string }[]
}

/**
 * Role checkboxes (admin, verifier, viewer) and the editor's team select.
 * The first checkbox carries `${idPrefix}roles` so an error summary can link to it.
 */
export function RolesFieldset({
  idPrefix,
  choices,
  roles,
  editor,
  issue,
}: {
  idPrefix: string
  choices: RoleChoices
  roles: readonly string[]
  editor: string
  issue?: FormIssue | AdminMessageKey | undefined
}) {
  const t = useAdminT()
  const issueText = useIssueText()
  const errorId = `${idPrefix}roles-error`
  return (
    <fieldset className={`field roles${issue ? ' field-invalid' : ''}`} aria-describedby={issue ? errorId : undefined}>
      <legend>{t('roles')}</legend>
      {issue ? (
        <p className="field-error" id={errorId}>
          {issueText(issue)}
        </p>
      ) : null}
      {choices.roles.map((role, i) => (
        <label
          key={role.value}
          className="check"
          htmlFor={i === 0 ? `${idPrefix}roles` : `${idPrefix}roles-${role.value}`}
        >
          <input
            type="checkbox"
            id={i === 0 ? `${idPrefix}roles` : `${idPrefix}roles-${role.value}`}
            name="roles"
            value={role.value}
            defaultChecked={roles.includes(role.value)}
            aria-invalid={issue ? true : undefined}
          />{' '}
          {role.label}
        </label>
      ))}
      <label htmlFor={`${idPrefix}editor`}>{t('editorTeam')}</label>
      <select id={`${idPrefix}editor`} name="editor" defaultValue={editor}>
        <option value="">{t('noTeam')}</option>
        <option value="all">{t('allTeams')}</option>
        {choices.teams.map((team) => (
          <option key={team.value} value={team.value}>
            {team.label}
          </option>
        ))}
      </select>
    </fieldset>
  )
}

/** An audit action in words (`verify` → `diverifikasi`); unknown actions as recorded. */
export function useActionLabel() {
  const t = useAdminT()
  return (action: string): string => {
    const key = `action_${action}`
    return key in adminMessages.id ? t(key as AdminMessageKey) : action
  }
}
