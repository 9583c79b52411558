import { type AdminEntity, isProblemError, type Locale, pickText } from '@cerdas/core'
import { formatInstant, translator } from '@cerdas/core/web'
import {
  type AdminAction,
  type ConsoleEntity,
  type FieldIssue,
  findConsoleEntity,
  mayAct,
  mayView,
  problemToFormIssues,
} from '@cerdas/platform'
import { data } from '@remix-run/node'
import type { FormField } from './components'
import type { Console } from './guard.server'
import { adminMessages } from './messages'

/** The module entity a console URL names, if the person may open it (404 / 403 otherwise). */
export function entityFor(console: Console, params: { module?: string; entity?: string }): ConsoleEntity {
  const ce = findConsoleEntity(console.definitions, console.ctx.tenant, params.module ?? '', params.entity ?? '')
  if (!ce) throw new Response('Not found', { status: 404 })
  if (!mayView(console.session.grants, ce)) throw new Response('forbidden', { status: 403, statusText: 'Forbidden' })
  return ce
}

export function can(console: Console, ce: ConsoleEntity, action: AdminAction): boolean {
  return mayAct(console.session.grants, console.catalog, ce, action)
}

/** Refuses with 403 unless the action is offered and allowed. */
export function requireAction(console: Console, ce: ConsoleEntity, action: AdminAction): void {
  if (!can(console, ce, action)) throw new Response('forbidden', { status: 403, statusText: 'Forbidden' })
}

/** The entity's fields, localized for the page. */
export function formFields(entity: AdminEntity, locale: Locale): FormField[] {
  return entity.fields.map((f) => ({
    name: f.name,
    label: pickText(f.label, locale),
    type: f.type,
    ...(f.required ? { required: true } : {}),
    ...(f.options ? { options: f.options.map((o) => ({ value: o.value, label: pickText(o.label, locale) })) } : {}),
    ...(f.help ? { help: pickText(f.help, locale) } : {}),
  }))
}

/** The verification state of a record as one sentence in the page's language. */
export function verificationOf(ce: ConsoleEntity, item: unknown, console: Console) {
  const v = ce.entity.verificationOf?.(item)
  if (!v) return null
  const t = translator(adminMessages, console.locale)
  if (!v.verifiedAt) return { verified: false, text: t('notVerified') }
  const date = formatInstant(v.verifiedAt, console.ctx.tenant, console.locale)
  return { verified: true, text: t('verifiedOn', { date, by: v.verifiedBy ?? '-' }) }
}

export interface FormFailure {
  intent: string
  values: Record<string, string>
  errors: Record<string, FieldIssue>
  formErrors: FieldIssue[]
}

/**
 * A business function's problem as a form answer (never a 500): validation
 * pointers go to their fields, anything else becomes a sentence at the top.
 */
export function problemAnswer(
  ce: ConsoleEntity,
  error: unknown,
  failure: Omit<FormFailure, 'errors' | 'formErrors'>,
  console: Console,
) {
  const mapped = problemToFormIssues(ce.entity.fields, error)
  if (!mapped || !isProblemError(error)) throw error
  const t = translator(adminMessages, console.locale)
  const detail = error.problem.detail ?? error.problem.title
  let formErrors = mapped.formErrors
  if (mapped.status === 404) formErrors = [{ code: 'custom', message: t('problemNotFound') }]
  else if (mapped.status === 409) formErrors = [{ code: 'custom', message: t('problemConflict', { detail }) }]
  else if (mapped.status !== 422) formErrors = [{ code: 'custom', message: t('problemOther', { detail }) }]
  const status = mapped.status >= 400 && mapped.status < 500 ? mapped.status : 422
  return data<FormFailure>({ ...failure, errors: mapped.errors, formErrors }, { status })
}
