import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { safeReturnPath } from '../return-path'

/** Language switch without JavaScript: remembers the choice in a cookie and goes back. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const locale = url.searchParams.get('ke') === 'en' ? 'en' : 'id'
  // Only paths on this site: never an open redirect.
  const target = safeReturnPath(url.searchParams.get('kembali'), request.url)
  return redirect(target, {
    headers: { 'Set-Cookie': `lang=${locale}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly` },
  })
}
