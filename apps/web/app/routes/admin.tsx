import { pickText } from '@cerdas/core/web'
import { consoleEntities, mayView } from '@cerdas/platform'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, isRouteErrorResponse, NavLink, Outlet, useLoaderData, useRouteError } from '@remix-run/react'
import { grantLabels, may, NO_STORE, requireConsole } from '../admin/guard.server'
import { adminMessages } from '../admin/messages'
import { useAdminT } from '../admin/use-admin-t'

/** The console hydrates: forms submit without full page loads, and work the same without JavaScript. */
export const handle = { hydrate: true }

export const headers = () => NO_STORE

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: adminMessages[data?.locale ?? 'id'].consoleTitle },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx, session, locale, definitions } = requireConsole(context, request)
  const grants = session.grants
  const entities = consoleEntities(definitions, ctx.tenant)
    .filter((e) => mayView(grants, e))
    .map((e) => ({ path: e.path, title: pickText(e.entity.title, locale) }))
  // The schedules module's holiday calendar, for whoever may open its holidays.
  const holidayCalendar = entities.some((e) => e.path === '/admin/data/schedules/holiday')
  return {
    locale,
    csrfToken: session.csrfToken,
    holidayCalendar,
    user: { name: session.name, email: session.email, roles: grantLabels(grants, locale) },
    entities,
    can: {
      users: may(grants, 'cerdas.users:manage', definitions),
      tokens: may(grants, 'cerdas.tokens:manage', definitions),
      audit: may(grants, 'cerdas.audit:read', definitions),
      settings: may(grants, 'cerdas.settings:update', definitions),
    },
  }
}

export default function AdminLayout() {
  const { user, entities, can, csrfToken, holidayCalendar } = useLoaderData<typeof loader>()
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
      <nav className="admin-nav" aria-label={t('adminNav')}>
        <NavLink to="/admin" end>
          {t('dashboard')}
        </NavLink>
        {entities.map((e) => (
          <NavLink key={e.path} to={e.path}>
            {e.title}
          </NavLink>
        ))}
        {holidayCalendar ? <NavLink to="/admin/jadwal/libur">{t('holidayCalendarNav')}</NavLink> : null}
        {can.users ? <NavLink to="/admin/pengguna">{t('users')}</NavLink> : null}
        {can.tokens ? <NavLink to="/admin/token">{t('tokens')}</NavLink> : null}
        {can.audit ? <NavLink to="/admin/audit">{t('audit')}</NavLink> : null}
        {can.settings ? <NavLink to="/admin/pengaturan">{t('settings')}</NavLink> : null}
      </nav>
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
