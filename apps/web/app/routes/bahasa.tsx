import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'

/** Language switch without JavaScript: remembers the choice in a cookie and goes back. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const locale = url.searchParams.get('ke') === 'en' ? 'en' : 'id'
  const back = url.searchParams.get('kembali') ?? '/'
  // Only same-site paths: never an open redirect.
  const target = back.startsWith('/') && !back.startsWith('//') && !back.startsWith('/\\') ? back : '/'
  return redirect(target, {
    headers: { 'Set-Cookie': `lang=${locale}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly` },
  })
}
