import { isProblemError, type Locale } from '@cerdas/core'
import { formatInstant, translator } from '@cerdas/core/web'
import { emailSchema, grantOrigins, INVITATION_TTL_MS, listUsers, RESET_TTL_MS } from '@cerdas/identity'
import {
  type AccountMail,
  editorTeamOf,
  grantsFromForm,
  inviteAccount,
  issuePasswordReset,
  type MailResult,
  setAccountGrants,
  setAccountStatus,
} from '@cerdas/platform'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import {
  CsrfField,
  ErrorSummary,
  Field,
  FlashNotice,
  type FormField,
  type Issues,
  RolesFieldset,
} from '../admin/components'
import {
  type Console,
  grantLabels,
  readForm,
  redirectWithFlash,
  requireConsole,
  requirePermission,
  roleChoices,
  takeFlash,
  text,
} from '../admin/guard.server'
import { MAIL_FAILURE_MESSAGES } from '../admin/mail-failure'
import { type AdminMessageKey, adminMessages } from '../admin/messages'
import { consolePlatform } from '../admin/settings.server'
import type { Flash } from '../admin/types'
import { useAdminT } from '../admin/use-admin-t'

const PATH = '/admin/pengguna'

/** Links are also emailed when the tenant has email (SMTP) configured; the page shows them either way. */
async function mailStep(console: Console, request: Request): Promise<AccountMail> {
  const origin = new URL(request.url).origin
  return { platform: await consolePlatform(console), linkUrl: (token) => `${origin}/admin/tautan/${token}` }
}

/** The notice after issuing a link: plain, emailed, or not emailed with the reason. */
function linkNotice(
  mail: MailResult,
  keys: { plain: AdminMessageKey; emailed: AdminMessageKey; notEmailed: AdminMessageKey },
  name: string,
  locale: Locale,
): Pick<Flash, 'key' | 'vars'> & { note: AdminMessageKey } {
  if (mail.emailed) return { key: keys.emailed, vars: { name, email: mail.to }, note: 'linkOnceEmailed' }
  // Mail off (or not configured): the page reads as it always did.
  if (mail.failure === 'off') return { key: keys.plain, vars: { name }, note: 'linkOnce' }
  const reason = translator(adminMessages, locale)(MAIL_FAILURE_MESSAGES[mail.failure])
  return { key: keys.notEmailed, vars: { name, email: mail.to, reason }, note: 'linkOnce' }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const console = requireConsole(context, request)
  requirePermission(console, 'cerdas.users:manage')
  const { ctx, locale } = console
  const { flash, headers } = takeFlash(request, console)
  const origins = await grantOrigins(ctx.db)
  // The form edits the roles given by hand; those a team membership gives are shown beside them.
  const sourced = (userId: string, byHand: boolean) =>
    origins.filter((o) => o.userId === userId && (o.source === '') === byHand)
  const users = (await listUsers(ctx.db)).map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    status: u.status === 'disabled' ? 'disabled' : u.hasPassword ? 'active' : 'invited',
    disabled: u.status === 'disabled',
    roles: grantLabels(u.grants, locale),
    teamRoles: grantLabels(sourced(u.id, false), locale),
    roleValues: sourced(u.id, true)
      .filter((g) => g.role !== 'editor')
      .map((g) => g.role as string),
    editor: editorTeamOf(sourced(u.id, true)),
    lastLogin: u.lastLoginAt
      ? formatInstant(u.lastLoginAt, ctx.tenant, locale, { dateStyle: 'medium', timeStyle: 'short' })
      : null,
    self: u.id === console.session.userId,
  }))
  return data({ users, choices: roleChoices(locale), flash }, { headers })
}

interface Failure {
  intent: string
  userId?: string
  values: { email?: string; name?: string; roles?: string[]; editor?: string }
  errors: Issues
  formErrors: AdminMessageKey[]
}

export async function action({ request, context }: ActionFunctionArgs) {
  const console = requireConsole(context, request)
  requirePermission(console, 'cerdas.users:manage')
  const form = await readForm(console, request)
  const { ctx } = console
  const intent = text(form, '_intent')
  const userId = text(form, 'userId')
  const fail = (f: Omit<Failure, 'intent' | 'formErrors'> & { formErrors?: AdminMessageKey[] }, status = 422) =>
    data<Failure>({ intent, formErrors: [], ...f }, { status })
  try {
    if (intent === 'invite' || intent === 'roles') {
      const roles = form.getAll('roles').filter((r): r is string => typeof r === 'string')
      const editor = text(form, 'editor')
      const grants = grantsFromForm(roles, editor)
      const errors: Issues = {}
      if (!grants || grants.length === 0) errors.roles = 'rolesRequired'
      if (intent === 'roles') {
        if (!grants || grants.length === 0) return fail({ userId, values: { roles, editor }, errors })
        const user = await setAccountGrants(ctx, userId, grants)
        return redirectWithFlash(PATH, { key: 'rolesSaved', vars: { name: user.name } }, console)
      }
      const email = text(form, 'email').trim()
      const name = text(form, 'name').trim()
      const parsedEmail = emailSchema.safeParse(email)
      if (!email) errors.email = 'required'
      else if (!parsedEmail.success) errors.email = 'emailInvalid'
      if (!name) errors.name = 'required'
      else if (name.length > 200) errors.name = { code: 'tooLong', max: 200 }
      const values = { email, name, roles, editor }
      if (Object.keys(errors).length || !grants || !parsedEmail.success) return fail({ values, errors })
      try {
        const { user, token, mail } = await inviteAccount(
          ctx,
          { email: parsedEmail.data, name, grants },
          { mail: await mailStep(console, request) },
        )
        const link = `${new URL(request.url).origin}/admin/tautan/${token}`
        const { note, ...notice } = linkNotice(
          mail,
          { plain: 'invited', emailed: 'invitedEmailed', notEmailed: 'invitedNotEmailed' },
          user.name,
          console.locale,
        )
        return redirectWithFlash(
          PATH,
          {
            ...notice,
            secret: {
              title: 'inviteLinkTitle',
              note,
              label: 'linkLabel',
              name: user.name,
              value: link,
              hours: INVITATION_TTL_MS / 3_600_000,
            },
          },
          console,
        )
      } catch (error) {
        if (isProblemError(error) && error.problem.status === 409) {
          return fail({ values, errors: { email: 'emailTaken' } }, 409)
        }
        throw error
      }
    }
    if (intent === 'disable' || intent === 'enable') {
      const user = await setAccountStatus(ctx, userId, intent === 'disable' ? 'disabled' : 'active')
      return redirectWithFlash(
        PATH,
        { key: intent === 'disable' ? 'userDisabled' : 'userEnabled', vars: { name: user.name } },
        console,
      )
    }
    if (intent === 'reset') {
      const email = text(form, 'email')
      const result = await issuePasswordReset(ctx, email, { mail: await mailStep(console, request) })
      if (!result) return fail({ userId, values: {}, errors: {}, formErrors: ['resetNotPossible'] })
      const link = `${new URL(request.url).origin}/admin/tautan/${result.token}`
      const { note, ...notice } = linkNotice(
        result.mail,
        { plain: 'resetIssued', emailed: 'resetEmailed', notEmailed: 'resetNotEmailed' },
        result.user.name,
        console.locale,
      )
      return redirectWithFlash(
        PATH,
        {
          ...notice,
          secret: {
            title: 'resetLinkTitle',
            note,
            label: 'linkLabel',
            name: result.user.name,
            value: link,
            hours: RESET_TTL_MS / 3_600_000,
          },
        },
        console,
      )
    }
  } catch (error) {
    // A missing user, or disabling one's own account: said plainly on the page.
    if (isProblemError(error) && (error.problem.status === 404 || error.problem.status === 409)) {
      return fail(
        {
          userId,
          values: {},
          errors: {},
          formErrors: [error.problem.status === 404 ? 'problemNotFound' : 'cannotDisableSelf'],
        },
        error.problem.status,
      )
    }
    throw error
  }
  throw new Response('Bad request', { status: 400 })
}

export default function Users() {
  const { users, choices, flash } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const t = useAdminT()
  const invite = failure?.intent === 'invite' ? failure : undefined
  const inviteFields: FormField[] = [
    { name: 'email', label: t('email'), type: 'email', required: true, autoComplete: 'off' },
    { name: 'name', label: t('fullName'), type: 'text', required: true, autoComplete: 'off' },
  ]
  const statusText = { active: t('statusActive'), disabled: t('statusDisabled'), invited: t('statusInvited') }
  return (
    <>
      <h1>{t('users')}</h1>
      <p className="muted">{t('usersIntro')}</p>
      <FlashNotice flash={flash} />

      <ul className="user-list">
        {users.map((u) => {
          const mine = failure && failure.intent !== 'invite' && failure.userId === u.id ? failure : undefined
          const prefix = `u-${u.id}-`
          return (
            <li key={u.id} className="card user" data-email={u.email}>
              <h2>
                {u.name} {u.self ? <span className="muted">{t('you')}</span> : null}
              </h2>
              <p className="muted">{u.email}</p>
              <p>
                <span className={`status status-${u.status}`}>{statusText[u.status as keyof typeof statusText]}</span> ·{' '}
                {u.roles.join(', ') || '—'}
              </p>
              {u.teamRoles.length ? (
                <p className="muted" data-team-roles="">
                  {t('rolesFromTeam', { roles: u.teamRoles.join(', ') })}
                </p>
              ) : null}
              <p className="muted">
                {t('lastLogin')}: {u.lastLogin ?? t('never')}
              </p>
              {mine?.formErrors.length ? (
                <p className="form-error" role="alert">
                  {mine.formErrors.map((k: AdminMessageKey) => t(k)).join(' ')}
                </p>
              ) : null}
              <details open={mine?.intent === 'roles'}>
                <summary>{t('changeRoles')}</summary>
                <Form method="post" className="admin-form" noValidate>
                  <CsrfField />
                  <input type="hidden" name="_intent" value="roles" />
                  <input type="hidden" name="userId" value={u.id} />
                  <RolesFieldset
                    idPrefix={prefix}
                    choices={choices}
                    roles={mine?.values.roles ?? u.roleValues}
                    editor={mine?.values.editor ?? u.editor}
                    issue={mine?.errors.roles}
                  />
                  <button type="submit">{t('saveRoles')}</button>
                </Form>
              </details>
              <div className="user-actions">
                {u.self ? null : (
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="userId" value={u.id} />
                    <input type="hidden" name="_intent" value={u.disabled ? 'enable' : 'disable'} />
                    <button type="submit" className="secondary">
                      {u.disabled ? t('enable') : t('disable')}
                    </button>
                  </Form>
                )}
                {u.disabled ? null : (
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="userId" value={u.id} />
                    <input type="hidden" name="email" value={u.email} />
                    <input type="hidden" name="_intent" value="reset" />
                    <button type="submit" className="secondary">
                      {t('resetLink')}
                    </button>
                  </Form>
                )}
              </div>
            </li>
          )
        })}
      </ul>

      <section aria-labelledby="invite-heading" className="admin-panel">
        <h2 id="invite-heading">{t('invite')}</h2>
        <ErrorSummary
          fields={[...inviteFields, { name: 'roles', label: t('roles') }]}
          errors={invite?.errors ?? {}}
          formErrors={invite?.formErrors}
        />
        <Form method="post" noValidate className="admin-form">
          <CsrfField />
          <input type="hidden" name="_intent" value="invite" />
          {inviteFields.map((field) => (
            <Field
              key={field.name}
              field={field}
              value={(invite?.values[field.name as 'email' | 'name'] as string | undefined) ?? ''}
              issue={invite?.errors[field.name]}
            />
          ))}
          <RolesFieldset
            idPrefix="f-"
            choices={choices}
            roles={invite?.values.roles ?? []}
            editor={invite?.values.editor ?? ''}
            issue={invite?.errors.roles}
          />
          <button type="submit">{t('inviteButton')}</button>
        </Form>
      </section>
    </>
  )
}
