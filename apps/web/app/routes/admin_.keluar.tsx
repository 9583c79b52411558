import { logoutAccount } from '@cerdas/platform'
import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { clearSessionCookie, csrfMatches, sessionIdOf } from '../admin/guard.server'

/** Logging out is a POST (a link could be followed by anyone's page); a GET goes back to the console. */
export function loader() {
  return redirect('/admin')
}

export async function action({ request, context }: ActionFunctionArgs) {
  const web = context
  if (web.site.kind !== 'tenant') throw new Response('Not found', { status: 404 })
  const headers = { 'Set-Cookie': clearSessionCookie(web.secureCookies) }
  const sessionId = sessionIdOf(request)
  if (!web.session || !sessionId) return redirect('/admin/masuk?keluar=1', { headers })
  const form = await request.formData()
  if (!csrfMatches(web.session, form.get('_csrf'))) throw new Response('csrf', { status: 403, statusText: 'Forbidden' })
  await logoutAccount(web.site.ctx, sessionId, web.session.userId)
  return redirect('/admin/masuk?keluar=1', { headers })
}
