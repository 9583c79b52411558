import { isProblemError } from '@cerdas/core'
import type { WebLoadContext } from '@cerdas/core/web'
import { peekLink } from '@cerdas/identity'
import { setPasswordFromLink } from '@cerdas/platform'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorSummary, Field, type Issues } from '../admin/components'
import { consoleLinks } from '../admin/console-links'
import { NO_STORE, text } from '../admin/guard.server'
import { adminMessages } from '../admin/messages'
import { newPasswordFields } from '../admin/new-password'
import { newPasswordIssues } from '../admin/new-password.server'
import { useAdminT } from '../admin/use-admin-t'

export const links = consoleLinks

export const handle = { hydrate: true }

export const headers = () => ({ ...NO_STORE, 'Referrer-Policy': 'no-referrer' })

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: adminMessages[data?.locale ?? 'id'].savePassword },
  { name: 'robots', content: 'noindex' },
]

function tenantOf(web: WebLoadContext) {
  if (web.site.kind !== 'tenant') throw new Response('Not found', { status: 404 })
  return { web, ctx: web.site.ctx }
}

/** Whose account the one-time link is for, without using it. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const { web, ctx } = tenantOf(context)
  const link = await peekLink(ctx.db, params.token ?? '', ctx.now())
  return {
    locale: web.locale,
    link: link ? { kind: link.kind, name: link.user.name, email: link.user.email } : null,
  }
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const { ctx } = tenantOf(context)
  const form = await request.formData()
  const password = text(form, 'password')
  const confirm = text(form, 'confirm')
  const errors = newPasswordIssues(password, confirm)
  if (Object.keys(errors).length) return data({ errors, invalidLink: false }, { status: 422 })
  try {
    await setPasswordFromLink(ctx, params.token ?? '', password)
  } catch (error) {
    if (isProblemError(error) && error.problem.status === 404) {
      return data({ errors: {} as Issues, invalidLink: true }, { status: 410 })
    }
    throw error
  }
  return redirect('/admin/masuk?sandi=1')
}

export default function SetPassword() {
  const { link } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const t = useAdminT()
  if (!link || result?.invalidLink) {
    return (
      <section className="admin-auth">
        <h1>{t('linkInvalidTitle')}</h1>
        <p>{t('linkInvalid')}</p>
        <p>
          <a href="/admin/masuk">{t('toLogin')}</a>
        </p>
      </section>
    )
  }
  const fields = newPasswordFields(t)
  const errors = result?.errors ?? {}
  return (
    <section className="admin-auth">
      <h1>{link.kind === 'invitation' ? t('linkInviteTitle', { name: link.name }) : t('linkResetTitle')}</h1>
      <p>{t('linkAccount', { name: link.name, email: link.email })}</p>
      <ErrorSummary fields={fields} errors={errors} />
      <Form method="post" noValidate className="admin-form">
        {/* The account name helps password managers file the new password under the right login. */}
        <input type="hidden" name="username" autoComplete="username" value={link.email} />
        <Field field={fields[0]!} value="" issue={errors.password} />
        <Field field={fields[1]!} value="" issue={errors.confirm} />
        <button type="submit">{t('savePassword')}</button>
      </Form>
    </section>
  )
}
