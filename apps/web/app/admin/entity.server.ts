import {
  type AdminEntity,
  type AdminField,
  type AdminOption,
  type AdminSubField,
  isProblemError,
  pickText,
} from '@cerdas/core'
import { formatInstant, translator } from '@cerdas/core/web'
import {
  type AdminAction,
  type ConsoleEntity,
  type FormIssue,
  findConsoleEntity,
  type InputMap,
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

/**
 * The entity's fields, localized for the page, with the choices of `optionsFrom` loaded (once per
 * loader, however many fields share them). A record never offers itself as a choice (`selfId`).
 */
export async function formFields(
  entity: AdminEntity,
  console: Console,
  options: { selfId?: string } = {},
): Promise<FormField[]> {
  const loaded = new Map<NonNullable<AdminField['optionsFrom']>, Promise<AdminOption[]>>()
  const choicesOf = async (field: AdminField | AdminSubField) => {
    const fixed = field.options ?? []
    if (!field.optionsFrom) return fixed
    let pending = loaded.get(field.optionsFrom)
    if (!pending) {
      pending = field.optionsFrom(console.ctx)
      loaded.set(field.optionsFrom, pending)
    }
    return [...fixed, ...(await pending)].filter((o) => o.value !== options.selfId)
  }
  const localize = async (field: AdminField | AdminSubField): Promise<FormField> => {
    const choices = field.options || field.optionsFrom ? await choicesOf(field) : undefined
    const whole = field as AdminField
    return {
      name: field.name,
      label: pickText(field.label, console.locale),
      type: field.type,
      ...(field.required ? { required: true } : {}),
      ...(field.integer ? { integer: true } : {}),
      ...(choices
        ? {
            options: choices.map((o) => ({
              value: o.value,
              label: pickText(o.label, console.locale),
              ...(o.group ? { group: pickText(o.group, console.locale) } : {}),
            })),
          }
        : {}),
      ...(field.help ? { help: pickText(field.help, console.locale) } : {}),
      ...(whole.section ? { section: pickText(whole.section, console.locale) } : {}),
      ...(whole.type === 'list'
        ? {
            fields: await Promise.all((whole.fields ?? []).map(localize)),
            rowLabel: pickText(whole.rowLabel ?? whole.label, console.locale),
            blankRows: whole.blankRows ?? 2,
          }
        : {}),
    }
  }
  return Promise.all(entity.fields.map(localize))
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
  errors: Record<string, FormIssue>
  formErrors: FormIssue[]
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
  map?: InputMap,
) {
  const mapped = problemToFormIssues(ce.entity.fields, error, map)
  if (!mapped || !isProblemError(error)) throw error
  const t = translator(adminMessages, console.locale)
  const detail = error.problem.detail ?? error.problem.title
  let formErrors: FormIssue[] = mapped.formErrors
  if (mapped.status === 404) formErrors = [{ code: 'custom', message: t('problemNotFound') }]
  else if (mapped.status === 409) formErrors = [{ code: 'custom', message: t('problemConflict', { detail }) }]
  else if (mapped.status !== 422) formErrors = [{ code: 'custom', message: t('problemOther', { detail }) }]
  const status = mapped.status >= 400 && mapped.status < 500 ? mapped.status : 422
  return data<FormFailure>({ ...failure, errors: mapped.errors, formErrors }, { status })
}
