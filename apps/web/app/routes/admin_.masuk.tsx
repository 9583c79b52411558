import { isProblemError } from '@cerdas/core'
import { endSession, MAX_EMAIL_LENGTH } from '@cerdas/identity'
import { loginAccount } from '@cerdas/platform'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorSummary, Field, type FormField, type Issues } from '../admin/components'
import { consoleLinks } from '../admin/console-links'
import { NO_STORE, sessionCookie, sessionIdOf, text } from '../admin/guard.server'
import { adminMessages } from '../admin/messages'
import { useAdminT } from '../admin/use-admin-t'
import { safeReturnPath } from '../return-path'

export const links = consoleLinks

export const handle = { hydrate: true }

export const headers = () => NO_STORE

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: adminMessages[data?.locale ?? 'id'].loginTitle },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const web = context
  if (web.site.kind !== 'tenant') throw new Response('Not found', { status: 404 })
  const url = new URL(request.url)
  const back = safeReturnPath(url.searchParams.get('kembali'), request.url, { under: '/admin' })
  if (web.session) throw redirect(back)
  const notice = url.searchParams.has('keluar')
    ? ('loggedOut' as const)
    : url.searchParams.has('sandi')
      ? ('passwordSaved' as const)
      : url.searchParams.has('kembali')
        ? ('loginNeeded' as const)
        : null
  return { back, notice, locale: web.locale }
}

type LoginResult = {
  email: string
  errors: Issues
  message?: { key: 'loginWrong' } | { key: 'loginThrottled'; minutes: number }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const web = context
  if (web.site.kind !== 'tenant') throw new Response('Not found', { status: 404 })
  const form = await request.formData()
  const email = text(form, 'email').trim()
  const password = text(form, 'password')
  const back = safeReturnPath(text(form, 'kembali'), request.url, { under: '/admin' })
  const errors: Issues = {}
  if (!email) errors.email = 'required'
  else if (email.length > MAX_EMAIL_LENGTH) errors.email = { code: 'tooLong', max: MAX_EMAIL_LENGTH }
  if (!password) errors.password = 'required'
  // The form shows the email back: not a long one.
  if (Object.keys(errors).length)
    return data<LoginResult>({ email: email.slice(0, MAX_EMAIL_LENGTH), errors }, { status: 422 })
  const ctx = web.site.ctx
  try {
    const result = await loginAccount(ctx, {
      email,
      password: password.slice(0, 200),
      // Per-account throttling always applies; per-address when the address is known.
      ip: web.clientIp,
      userAgent: request.headers.get('user-agent') ?? undefined,
    })
    // The new session has a fresh id; whatever session this browser had before ends.
    const previous = sessionIdOf(request)
    if (previous) await endSession(ctx.db, previous)
    const maxAge = Math.floor((Date.parse(result.expiresAt) - Date.now()) / 1000)
    return redirect(back, { headers: { 'Set-Cookie': sessionCookie(result.sessionId, maxAge, web.secureCookies) } })
  } catch (error) {
    if (isProblemError(error) && error.problem.status === 429) {
      const seconds = Number(error.problem.retryAfter ?? 900)
      return data<LoginResult>(
        { email, errors: {}, message: { key: 'loginThrottled', minutes: Math.max(1, Math.ceil(seconds / 60)) } },
        { status: 429, headers: { 'Retry-After': String(seconds) } },
      )
    }
    if (isProblemError(error) && error.problem.status === 401) {
      return data<LoginResult>({ email, errors: {}, message: { key: 'loginWrong' } }, { status: 401 })
    }
    throw error
  }
}

export default function Login() {
  const { back, notice } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const t = useAdminT()
  const fields: FormField[] = [
    { name: 'email', label: t('email'), type: 'email', required: true, autoComplete: 'username' },
    { name: 'password', label: t('password'), type: 'password', required: true, autoComplete: 'current-password' },
  ]
  const message = result?.message
  return (
    <section className="admin-auth">
      <h1>{t('loginTitle')}</h1>
      {notice && !result ? (
        <p className="flash" role="status">
          {t(notice)}
        </p>
      ) : null}
      {message ? (
        <p className="form-error" role="alert">
          {message.key === 'loginThrottled' ? t('loginThrottled', { minutes: message.minutes }) : t('loginWrong')}
        </p>
      ) : null}
      <ErrorSummary fields={fields} errors={result?.errors ?? {}} />
      {/* A full page load on login, with or without JavaScript: every page afterwards starts with the new session. */}
      <Form method="post" reloadDocument noValidate className="admin-form">
        <input type="hidden" name="kembali" value={back} />
        <Field field={fields[0]!} value={result?.email ?? ''} issue={result?.errors.email} />
        <Field field={fields[1]!} value="" issue={result?.errors.password} />
        <button type="submit">{t('loginButton')}</button>
      </Form>
    </section>
  )
}
