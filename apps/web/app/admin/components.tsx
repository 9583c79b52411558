import type { FieldIssue } from '@cerdas/platform'
import { useRouteLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { type AdminMessageKey, adminMessages } from './messages'
import type { Flash } from './types'
import { useAdminT } from './use-admin-t'

/** An admin form field, localized on the server for the page. */
export interface FormField {
  name: string
  label: string
  type: 'text' | 'textarea' | 'select' | 'datetime' | 'url' | 'number' | 'checkbox' | 'email' | 'password'
  required?: boolean
  options?: { value: string; label: string }[]
  help?: string
  autoComplete?: string
}

export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`

/** The session's form token, from the console layout's data. */
export function useCsrfToken(): string {
  return (useRouteLoaderData('routes/admin') as { csrfToken?: string } | undefined)?.csrfToken ?? ''
}

/** The hidden form token every console form sends back. */
export function CsrfField() {
  return <input type="hidden" name="_csrf" value={useCsrfToken()} />
}

export function useIssueText() {
  const t = useAdminT()
  return (issue: FieldIssue | string): string => {
    if (typeof issue === 'string') return t(issue as AdminMessageKey)
    switch (issue.code) {
      case 'tooShort':
        return t('tooShort', { min: issue.min ?? 1 })
      case 'tooLong':
        return t('tooLong', { max: issue.max ?? 0 })
      case 'custom':
        return issue.message ?? t('invalid')
      case 'invalid':
        return t('invalid')
      default:
        return t(issue.code)
    }
  }
}

/** Field issues: a platform issue, or a message key of the console catalogue. */
export type Issues = Record<string, FieldIssue | AdminMessageKey>

/** The list of problems at the top of a form, each linking to its field. */
export function ErrorSummary({
  fields,
  errors,
  formErrors = [],
}: {
  fields: readonly Pick<FormField, 'name' | 'label'>[]
  errors: Issues
  formErrors?: (FieldIssue | AdminMessageKey)[]
}) {
  const t = useAdminT()
  const issueText = useIssueText()
  const named = fields.filter((f) => errors[f.name])
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

/** One labelled input with its help and error text wired up for assistive technology. */
export function Field({
  field,
  value,
  issue,
}: {
  field: FormField
  value: string
  issue?: FieldIssue | AdminMessageKey
}) {
  const t = useAdminT()
  const issueText = useIssueText()
  const id = fieldId(field.name)
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
    case 'select':
      control = (
        <select {...common} defaultValue={value}>
          <option value="">{t('selectPlaceholder')}</option>
          {field.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
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
          type={field.type === 'datetime' ? 'datetime-local' : field.type}
          defaultValue={value}
          autoComplete={field.autoComplete}
          inputMode={field.type === 'number' ? 'decimal' : undefined}
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

/** A verification badge with the date already formatted by the loader. */
export function Badge({ verified, text }: { verified: boolean; text: string }) {
  return <span className={`badge ${verified ? 'badge-verified' : 'badge-unverified'}`}>{text}</span>
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
  issue?: FieldIssue | AdminMessageKey | undefined
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
