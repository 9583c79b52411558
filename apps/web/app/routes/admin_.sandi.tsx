import { isProblemError } from '@cerdas/core'
import type { WebLoadContext } from '@cerdas/core/web'
import { changeAccountPassword } from '@cerdas/platform'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorSummary, Field, type FormField, type Issues } from '../admin/components'
import { consoleLinks } from '../admin/console-links'
import { CHANGE_PASSWORD_PATH, csrfMatches, NO_STORE, sessionCookie, text } from '../admin/guard.server'
import { adminMessages } from '../admin/messages'
import { newPasswordFields } from '../admin/new-password'
import { newPasswordIssues } from '../admin/new-password.server'
import { useAdminT } from '../admin/use-admin-t'
import { safeReturnPath } from '../return-path'

export const links = consoleLinks

export const handle = { hydrate: true }

export const headers = () => NO_STORE

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: adminMessages[data?.locale ?? 'id'].changePasswordTitle },
  { name: 'robots', content: 'noindex' },
]

/** The signed-in person of a tenant page, else to the login page and back here. */
function signedIn(web: WebLoadContext, request: Request) {
  if (web.site.kind !== 'tenant') throw new Response('Not found', { status: 404 })
  if (!web.session) throw redirect(`/admin/masuk?kembali=${encodeURIComponent(CHANGE_PASSWORD_PATH)}`)
  const back = safeReturnPath(new URL(request.url).searchParams.get('kembali'), request.url, { under: '/admin' })
  return { web, session: web.session, ctx: web.site.ctx, back }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { web, session, back } = signedIn(context, request)
  return {
    locale: web.locale,
    csrfToken: session.csrfToken,
    email: session.email,
    mustChange: session.mustChangePassword === true,
    back,
  }
}

type ChangeResult = { errors: Issues; throttledMinutes?: number }

export async function action({ request, context }: ActionFunctionArgs) {
  const { web, session, ctx } = signedIn(context, request)
  const form = await request.formData()
  if (!csrfMatches(session, form.get('_csrf'))) throw new Response('csrf', { status: 403, statusText: 'Forbidden' })
  const current = text(form, 'current')
  const password = text(form, 'password')
  const confirm = text(form, 'confirm')
  const back = safeReturnPath(text(form, 'kembali'), request.url, { under: '/admin' })
  const errors: Issues = newPasswordIssues(password, confirm)
  if (!current) errors.current = 'required'
  else if (!errors.password && password === current) {
    errors.password = 'passwordUnchanged'
    delete errors.confirm
  }
  if (Object.keys(errors).length) return data<ChangeResult>({ errors }, { status: 422 })
  try {
    const result = await changeAccountPassword(ctx, {
      currentPassword: current.slice(0, 200),
      newPassword: password,
      ip: web.clientIp,
      userAgent: request.headers.get('user-agent') ?? undefined,
    })
    // Every session of the account ended with the old password; this browser continues with a new one.
    const maxAge = Math.floor((Date.parse(result.expiresAt) - Date.now()) / 1000)
    return redirect(back, { headers: { 'Set-Cookie': sessionCookie(result.sessionId, maxAge, web.secureCookies) } })
  } catch (error) {
    if (isProblemError(error) && error.problem.status === 429) {
      const seconds = Number(error.problem.retryAfter ?? 60)
      return data<ChangeResult>(
        { errors: {}, throttledMinutes: Math.max(1, Math.ceil(seconds / 60)) },
        { status: 429, headers: { 'Retry-After': String(seconds) } },
      )
    }
    if (isProblemError(error) && error.problem.status === 422) {
      return data<ChangeResult>({ errors: { current: 'currentPasswordWrong' } }, { status: 422 })
    }
    throw error
  }
}

export default function ChangePassword() {
  const { csrfToken, email, mustChange, back } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const t = useAdminT()
  const fields: FormField[] = [
    {
      name: 'current',
      label: t('currentPassword'),
      type: 'password',
      required: true,
      autoComplete: 'current-password',
    },
    ...newPasswordFields(t),
  ]
  const errors = result?.errors ?? {}
  return (
    <section className="admin-auth">
      <h1>{t('changePasswordTitle')}</h1>
      {mustChange ? (
        <p className="flash" role="status">
          {t('mustChangePassword')}
        </p>
      ) : null}
      {result?.throttledMinutes ? (
        <p className="form-error" role="alert">
          {t('passwordThrottled', { minutes: result.throttledMinutes })}
        </p>
      ) : null}
      <ErrorSummary fields={fields} errors={errors} />
      {/* A full page load: the new session cookie applies to every page afterwards. */}
      <Form method="post" reloadDocument noValidate className="admin-form">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <input type="hidden" name="kembali" value={back} />
        {/* The account name helps password managers file the new password under the right login. */}
        <input type="hidden" name="username" autoComplete="username" value={email} />
        <Field field={fields[0]!} value="" issue={errors.current} />
        <Field field={fields[1]!} value="" issue={errors.password} />
        <Field field={fields[2]!} value="" issue={errors.confirm} />
        <button type="submit">{t('changePasswordButton')}</button>
      </Form>
    </section>
  )
}
