import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, isRouteErrorResponse, Outlet, useLoaderData, useRouteError } from '@remix-run/react'
import { AdminNav } from '../admin/admin-nav'
import { consoleLinks } from '../admin/console-links'
import { grantLabels, may, NO_STORE, requireConsole } from '../admin/guard.server'
import { adminMessages } from '../admin/messages'
import { consoleNav } from '../admin/nav.server'
import { useAdminT } from '../admin/use-admin-t'

export const links = consoleLinks

/** The console hydrates: forms submit without full page loads, and work the same without JavaScript. */
export const handle = { hydrate: true }

export const headers = () => NO_STORE

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: adminMessages[data?.locale ?? 'id'].consoleTitle },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const console = requireConsole(context, request)
  const { session, locale, definitions } = console
  const grants = session.grants
  return {
    locale,
    csrfToken: session.csrfToken,
    user: { name: session.name, email: session.email, roles: grantLabels(grants, locale) },
    groups: consoleNav(console),
    can: {
      users: may(grants, 'cerdas.users:manage', definitions),
      tokens: may(grants, 'cerdas.tokens:manage', definitions),
      audit: may(grants, 'cerdas.audit:read', definitions),
      settings: may(grants, 'cerdas.settings:update', definitions),
    },
  }
}

export default function AdminLayout() {
  const { user, groups, can, csrfToken } = useLoaderData<typeof loader>()
  const t = useAdminT()
  return (
    <div className="admin">
      <div className="admin-bar">
        <p className="admin-user">
          <span>{t('signedInAs', { name: user.name })}</span>
          <span className="muted"> · {user.roles.join(', ')}</span>
        </p>
        <a href="/admin/sandi">{t('changePasswordTitle')}</a>
        <Form method="post" action="/admin/keluar" reloadDocument>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <button type="submit" className="secondary">
            {t('logout')}
          </button>
        </Form>
      </div>
      <AdminNav groups={groups} can={can} />
      <div className="admin-body">
        <Outlet />
      </div>
    </div>
  )
}

/** Refusals and missing records as plain messages inside the console frame. */
export function ErrorBoundary() {
  const error = useRouteError()
  const t = useAdminT()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const csrf = isRouteErrorResponse(error) && error.data === 'csrf'
  const [title, body] =
    status === 403
      ? csrf
        ? [t('csrfTitle'), t('csrfBody')]
        : [t('forbiddenTitle'), t('forbiddenBody')]
      : status === 404
        ? [t('notFoundTitle'), t('notFoundBody')]
        : [t('errorTitle'), t('errorBody')]
  return (
    <div className="admin admin-error">
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href="/admin">{t('backToDashboard')}</a>
      </p>
    </div>
  )
}
